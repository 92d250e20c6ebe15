package dev.retort.shell.cli;

import dev.retort.shell.json.NewRevisionView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.WRITE, examples = {
        "merge heads -m \"merge shipping\"",
        "one revision merging every head",
        "merge b26e f05e --rev-id 0a0a0a0a0a0a",
        "merge two heads named by prefix, with a chosen id"})
@Command(name = "merge", description = "Create a revision that merges two or more heads ('heads' for all).")
final class MergeCommand extends ReportingCommand {

    @Parameters(paramLabel = "REVISIONS", arity = "1..*", description = "Revisions to merge, or 'heads'.")
    List<String> revisions = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Message.")
    String message;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the merge revision.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "Id to use instead of a generated one.")
    String revId;

    @Option(names = "--splice", description = "Allow parents that are not heads.")
    boolean splice;

    @Override
    int run() {
        java.nio.file.Path written = new NewRevision(this).create(revId, message, revisions, splice, branchLabels, List.of(), null);
        if (json) {
            report(NewRevisionView.of(map(), written));
        }
        return 0;
    }
}
