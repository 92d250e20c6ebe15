package dev.retort.engine.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code retort_history}: a step that was attempted (append-only).
 *
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param outcome   {@code success}, {@code failed} or {@code cancelled}
 * @param error     the failure message, null on success
 */
public record HistoryEntry(long id, String revision, String direction, String description, String script,
        String checksum, String databaseUser, String osUser, String host, Instant startedAt, Duration duration,
        String outcome, String error) {

    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }
}
