package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.revision.Revision;
import dev.retort.shell.json.LogView;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        List<HistoryEntry> all = new ArrayList<>(new Online(this).migrator().history());
        Collections.reverse(all);
        Set<String> ids = revision == null ? null : ids(revision, all);
        List<HistoryEntry> shown = all.stream().filter(e -> ids == null || ids.contains(e.revision()))
                .limit(limit == null ? Long.MAX_VALUE : limit).toList();
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

    /**
     * The ids {@code rev} names: what it resolves to in the scripts, else (a revision whose
     * script is gone) the recorded ids starting with it.
     */
    private Set<String> ids(String rev, List<HistoryEntry> entries) {
        try {
            return map().resolve(rev).stream().map(Revision::id).collect(Collectors.toSet());
        } catch (RetortException e) {
            Set<String> recorded = entries.stream().map(HistoryEntry::revision).filter(r -> r.startsWith(rev))
                    .collect(Collectors.toSet());
            if (recorded.size() == 1) {
                return recorded;
            }
            throw e;
        }
    }
}
