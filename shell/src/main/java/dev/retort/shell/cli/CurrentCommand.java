package dev.retort.shell.cli;

import dev.retort.engine.MissingScripts;
import dev.retort.engine.Retort;
import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.json.CurrentView;
import dev.retort.shell.json.RevisionView;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "current",
        "the revision(s) the database is at",
        "current -v",
        "their full entries and the database they are read from",
        "current --check-heads",
        "exit 1 unless the database is at every head (for CI)"})
@Command(name = "current", description = "Show the database's current revision(s).")
final class CurrentCommand extends ReportingCommand {

    @Option(names = {"-v", "--verbose"}, description = "Full entries, and the database they are read from.")
    boolean verbose;

    @Option(names = "--check-heads", description = "Fail unless the database is on all head revisions.")
    boolean checkHeads;

    @Override
    int run() {
        Retort retort = retort();
        if (verbose && !json) {
            out().println("Current revision(s) for " + retort.databaseDisplay() + ":");
            out().flush();
        }
        List<String> rows = retort.current();
        RevisionMap map = retort.map();
        List<String> missing = MissingScripts.of(map, rows);
        List<Revision> current = map.currentBranchHeads(rows.stream().filter(r -> !missing.contains(r)).toList());
        RetortException notOnHeads = null;
        if (checkHeads) {
            var heads = new HashSet<>(map.resolve("heads").stream().map(Revision::id).toList());
            if (!heads.equals(new HashSet<>(rows))) {
                notOnHeads = new RetortException("Database is not on all head revisions");
            }
        }
        if (json) {
            CurrentView view = new CurrentView(retort.databaseDisplay(), rows,
                    RevisionView.of(map, current, new HashSet<>(rows)));
            if (notOnHeads != null) {
                throw failure(notOnHeads, view);
            }
            report(view);
        } else {
            Formats f = new Formats(map, styler());
            for (Revision r : current) {
                out().println(verbose ? f.logEntry(r, false) : f.line(r, Formats.Line.CURRENT, false));
            }
            for (String id : missing) {
                out().println(id + " (missing script)");
            }
            if (!missing.isEmpty()) {
                warn(String.join(", ", missing) + " has no script here; " + MissingScripts.advice(missing));
            }
        }
        if (notOnHeads != null) {
            throw notOnHeads;
        }
        return 0;
    }
}
