package dev.retort.engine.api;

import java.util.List;
import java.util.Set;

/**
 * Entries of {@code retort_history}, newest first, for {@code log} and the panel's detail.
 *
 * @param revisions the revision ids the entries were filtered to; empty when not filtered
 * @param entries   newest first
 */
public record AuditLog(Set<String> revisions, List<HistoryEntry> entries) {
    public AuditLog {
        entries = List.copyOf(entries);
    }
}
