package dev.retort.shell.cli;

import dev.retort.engine.api.AuditLog;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.shell.json.LogView;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "log",
        "every step recorded in retort_history, newest first",
        "log -n 5",
        "the last five",
        "log 4b7e9 --json",
        "every application of one revision, as JSON"})
@Command(name = "log", description = "The audit history (retort_history), newest first: revision, direction, outcome, "
        + "who, where, when, how long, error.")
final class LogCommand extends ReportingCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(paramLabel = "REV", arity = "0..1", description = "Only this revision (id, prefix, label, head...).")
    String revision;

    @Option(names = {"-n", "--max-count"}, paramLabel = "N", description = "At most N entries (the newest).")
    Integer limit;

    @Override
    int run() {
        if (limit != null && limit < 0) {
            throw usage("-n expects a number of entries, got " + limit);
        }
        AuditLog log = retort().log(revision);
        Set<String> ids = log.revisions();
        List<HistoryEntry> shown = log.entries().stream().limit(limit == null ? Long.MAX_VALUE : limit).toList();
        if (json) {
            report(LogView.of(revision, shown));
            return 0;
        }
        if (shown.isEmpty()) {
            out().println(revision == null ? "No steps recorded in retort_history yet."
                    : "No steps of " + String.join(", ", ids) + " recorded in retort_history.");
            return 0;
        }
        Styler s = styler();
        for (HistoryEntry e : shown) {
            out().println(line(e, s));
            if (e.error() != null && !e.error().isBlank()) {
                out().println("    " + s.paint(Role.ERROR, "error: " + e.error().strip().replace("\n", "\n    ")));
            }
        }
        return 0;
    }

    /** {@code 2026-12-02 05:20:01  upgrade    a1f3c09e7b2d  success    12 ms  by me@host (db postgres)}. */
    static String line(HistoryEntry e, Styler s) {
        String when = e.startedAt() == null ? "?" : WHEN.format(e.startedAt().atZone(ZoneId.systemDefault()));
        String took = e.duration() == null ? "" : e.duration().toMillis() + " ms";
        Role outcome = e.succeeded() ? Role.SUCCESS : Role.ERROR;
        StringBuilder sb = new StringBuilder();
        sb.append(s.paint(Role.MUTED, when)).append("  ");
        sb.append(String.format("%-10s", e.direction())).append(' ');
        sb.append(s.paint(Role.REVISION_ID, e.revision())).append("  ");
        sb.append(s.paint(outcome, String.format("%-9s", e.outcome()))).append(' ');
        sb.append(String.format("%8s", took));
        String who = e.osUser() == null ? "?" : e.osUser();
        sb.append("  by ").append(who).append('@').append(e.host() == null ? "?" : e.host());
        if (e.databaseUser() != null && !e.databaseUser().isBlank()) {
            sb.append(" (db ").append(e.databaseUser()).append(')');
        }
        return sb.toString();
    }
}
