package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.json.RevisionView;
import dev.retort.shell.json.RevisionsView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@CommandHelp(group = CommandHelp.Group.EXPLORE, examples = {
        "history",
        "every revision, newest first",
        "history -r base:a1f3 -v",
        "from the base to a1f3..., with full entries",
        "history -r current: -i",
        "what is still to apply, marking the current revision"})
@Command(name = "history", description = "List revisions in order, newest first.")
final class HistoryCommand extends ReportingCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "[START]:[END]",
            description = "Range of revisions, e.g. base:heads, -1:, current:, abc:def.")
    String range;

    @Option(names = {"-v", "--verbose"}, description = "Full entries.")
    boolean verbose;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the database's current revisions.")
    boolean indicateCurrent;

    @Override
    int run() {
        String base = "";
        String head = "";
        if (range != null) {
            String r = range.strip();
            int colon = r.indexOf(':');
            if (colon < 0) {
                throw new RetortException("History range requires [start]:[end], [start]:, or :[end]");
            }
            if (r.indexOf(':', colon + 1) >= 0) {
                throw new RetortException("History range '" + r + "' has more than one ':'; use [start]:[end]");
            }
            base = r.substring(0, colon);
            head = r.substring(colon + 1);
        }
        Set<String> currents = Set.of();
        List<String> baseRows = null;
        List<String> headRows = null;
        if (indicateCurrent || base.equals("current") || head.equals("current")) {
            List<String> rows = retort().current();
            currents = new HashSet<>(rows);
            // as Alembic: an empty database makes "current" fall back to base / heads
            if (base.equals("current")) {
                base = "";
                baseRows = rows.isEmpty() ? null : rows;
            }
            if (head.equals("current")) {
                head = "";
                headRows = rows.isEmpty() ? null : rows;
            }
        }
        RevisionMap map = map();
        List<Revision> walked = baseRows == null && headRows == null
                ? map.walk(base, head)
                : map.walk(baseRows != null ? baseRows : List.of(base.isEmpty() ? "base" : base),
                        headRows != null ? headRows : List.of(head.isEmpty() ? "heads" : head));
        Set<String> marks = indicateCurrent ? currents : Set.of();
        if (json) {
            report(new RevisionsView(RevisionView.of(map, walked, marks)));
            return 0;
        }
        Formats f = new Formats(map, styler());
        for (Revision r : walked) {
            boolean cur = marks.contains(r.id());
            out().println(verbose ? f.logEntry(r, cur) : f.line(r, Formats.Line.HISTORY, cur));
        }
        return 0;
    }
}
