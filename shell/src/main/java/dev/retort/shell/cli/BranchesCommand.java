package dev.retort.shell.cli;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.json.BranchesView;
import dev.retort.shell.json.RevisionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@CommandHelp(group = CommandHelp.Group.EXPLORE, examples = {
        "branches",
        "the branch points and where they lead",
        "branches -v",
        "with full entries"})
@Command(name = "branches", description = "Show the branch points of the revision graph.")
final class BranchesCommand extends ReportingCommand {

    @Option(names = {"-v", "--verbose"}, description = "Full entries.")
    boolean verbose;

    @Override
    int run() {
        RevisionMap map = map();
        Formats f = new Formats(map, styler());
        List<BranchesView.BranchPoint> data = new ArrayList<>();
        for (Revision bp : map.walk("base", "heads")) {
            if (!map.isBranchPoint(bp)) {
                continue;
            }
            List<Revision> children = map.children(bp);
            if (json) {
                data.add(new BranchesView.BranchPoint(RevisionView.of(map, bp, false),
                        RevisionView.of(map, children, Set.of())));
                continue;
            }
            StringBuilder block = new StringBuilder(verbose ? f.logEntry(bp, false) : f.line(bp, Formats.Line.BRANCH, false));
            block.append('\n');
            String pad = " ".repeat(bp.id().length());
            for (int i = 0; i < children.size(); i++) {
                Revision c = children.get(i);
                block.append(pad).append(" -> ")
                        .append(f.line(c, new Formats.Line(true, verbose, false, true), false));
                if (i < children.size() - 1) {
                    block.append('\n');
                }
            }
            block.append('\n');
            out().println(block);
        }
        if (json) {
            report(new BranchesView(data));
        }
        return 0;
    }
}
