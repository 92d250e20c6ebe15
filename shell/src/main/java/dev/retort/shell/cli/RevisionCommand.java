package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@CommandHelp(group = CommandHelp.Group.WRITE, examples = {
        "revision -m \"add account table\"",
        "a new script on top of the single head",
        "revision -m \"start audit\" --head base --branch-label audit",
        "a new branch from the base, labelled audit",
        "revision -m \"fix totals\" --head payments@head --depends-on a1f3",
        "on the payments branch, depending on revision a1f3..."})
@Command(name = "revision", description = "Create a new revision script.")
final class RevisionCommand extends BaseCommand {

    @Option(names = {"-m", "--message"}, description = "Message (first line of the header, and the file name's slug).")
    String message;

    @Option(names = "--head", defaultValue = "head",
            description = "Parent revision (default: head; 'base' starts a new root; 'label@head').")
    String head;

    @Option(names = "--splice", description = "Allow a parent that is not a head (starts a branch).")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the new revision.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "REV", description = "Revision or label it depends on (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "Id to use instead of a generated one.")
    String revId;

    @Option(names = "--version-path", paramLabel = "DIR", description = "Version directory to write to.")
    String versionPath;

    @Option(names = "--sql", hidden = true)
    boolean sql;

    @Option(names = "--autogenerate", hidden = true)
    boolean autogenerate;

    @Override
    int run() {
        if (autogenerate) {
            throw new RetortException("--autogenerate is not supported: Retort revisions are SQL scripts; "
                    + "write the upgrade and downgrade sections yourself");
        }
        if (sql) {
            throw new RetortException("Using --sql with the revision command when revision_environment is not "
                    + "configured does not make any sense");
        }
        new NewRevision(this).create(revId, message, List.of(head), splice, branchLabels, dependsOn, versionPath);
        return 0;
    }
}
