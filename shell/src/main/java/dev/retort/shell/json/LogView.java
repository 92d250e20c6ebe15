package dev.retort.shell.json;

import dev.retort.engine.api.HistoryEntry;
import java.util.List;

/**
 * {@code log}: the audit history of {@code retort_history}, newest first.
 *
 * @param revision the revision the entries were filtered by, or null for all
 */
public record LogView(String revision, List<Entry> entries) implements JsonView {

    /** One step as recorded: what ran, how it ended, who ran it where and when, how long it took. */
    public record Entry(long id, String revision, String direction, String outcome, String databaseUser,
            String osUser, String host, String startedAt, Long durationMs, String error) {

        public static Entry of(HistoryEntry e) {
            return new Entry(e.id(), e.revision(), e.direction(), e.outcome(), e.databaseUser(), e.osUser(), e.host(),
                    e.startedAt() == null ? null : e.startedAt().toString(),
                    e.duration() == null ? null : e.duration().toMillis(), e.error());
        }
    }

    public static LogView of(String revision, List<HistoryEntry> entries) {
        return new LogView(revision, entries.stream().map(Entry::of).toList());
    }
}
