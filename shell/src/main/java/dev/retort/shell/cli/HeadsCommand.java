package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.json.RevisionView;
import dev.retort.shell.json.RevisionsView;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@CommandHelp(group = CommandHelp.Group.EXPLORE, examples = {
        "heads",
        "the heads of the graph",
        "heads -v",
        "with their full entries",
        "heads --check",
        "exit 1 when there is more than one head, naming the merge that fixes it"})
@Command(name = "heads", description = "Show the current heads of the revision graph.")
final class HeadsCommand extends ReportingCommand {

    @Option(names = {"-v", "--verbose"}, description = "Full entries.")
    boolean verbose;

    @Option(names = "--resolve-dependencies", description = "Leave out heads that another revision depends on.")
    boolean resolveDependencies;

    @Option(names = "--check", description = "Exit 1 when there is more than one head (a CI guard).")
    boolean check;

    @Override
    int run() {
        RevisionMap map = map();
        List<Revision> heads = resolveDependencies ? map.resolve("heads") : map.heads();
        RetortException tooMany = null;
        if (check && heads.size() > 1) {
            String ids = heads.stream().map(Revision::id).collect(Collectors.joining(" "));
            tooMany = new RetortException(heads.size() + " heads are present (" + ids.replace(" ", ", ")
                    + "); merge them with: retort merge " + ids + " -m \"merge heads\"");
        }
        if (json) {
            RevisionsView view = new RevisionsView(RevisionView.of(map, heads, Set.of()));
            if (tooMany != null) {
                throw failure(tooMany, view);
            }
            report(view);
        } else {
            Formats f = new Formats(map, styler());
            for (Revision r : heads) {
                out().println(verbose ? f.logEntry(r, false) : f.line(r, Formats.Line.HEADS, false));
            }
        }
        if (tooMany != null) {
            throw tooMany;
        }
        return 0;
    }
}
