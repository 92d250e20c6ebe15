package dev.retort.engine.api;

import java.time.Instant;

/**
 * An applied revision whose script changed since it ran.
 *
 * @param revision         the revision id
 * @param appliedChecksum  checksum recorded in {@code retort_history} when it was applied
 * @param currentChecksum  checksum of the script now, or null when the script is gone
 * @param appliedAt        when it was applied
 */
public record ChangedScript(String revision, String appliedChecksum, String currentChecksum, Instant appliedAt) {
    public boolean missing() {
        return currentChecksum == null;
    }
}
