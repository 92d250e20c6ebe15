package dev.retort.shell.cli;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.json.RevisionView;
import dev.retort.shell.json.RevisionsView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.EXPLORE, examples = {
        "show a1f3c",
        "one revision's full entry, by a unique prefix",
        "show payments@head",
        "the head of the payments branch",
        "show current --json",
        "the database's current revision, as JSON"})
@Command(name = "show", description = "Show the revision(s) a name denotes: id, prefix, label, head, heads, current.")
final class ShowCommand extends ReportingCommand {

    @Parameters(paramLabel = "REV", description = "Revision to show.")
    String rev;

    @Override
    int run() {
        List<Revision> revisions;
        if (rev.equals("current")) {
            List<String> rows = retort().current();
            if (rows.isEmpty()) {
                revisions = List.of();
            } else {
                RevisionMap map = map();
                revisions = new ArrayList<>();
                for (String id : rows) {
                    revisions.addAll(map.resolve(id));
                }
            }
        } else {
            revisions = map().resolve(rev);
        }
        if (json) {
            report(new RevisionsView(revisions.isEmpty() ? List.of() : RevisionView.of(map(), revisions, Set.of())));
            return 0;
        }
        if (!revisions.isEmpty()) {
            Formats f = new Formats(map(), styler());
            for (Revision r : revisions) {
                out().println(f.logEntry(r, false));
            }
        }
        return 0;
    }
}
