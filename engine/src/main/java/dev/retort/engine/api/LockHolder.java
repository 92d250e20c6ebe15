package dev.retort.engine.api;

import java.time.Instant;

/**
 * Who holds a migration lock: the runner's operating-system process, its host, and since when.
 *
 * @param pid   process id of the runner (for PostgreSQL, of the Retort process, not the backend)
 * @param host  host name of the runner
 * @param since when it took the lock, or null when that is not known
 */
public record LockHolder(long pid, String host, Instant since) {

    /** {@code pid 4242 on host build-7 since 2026-02-24T12:00:00Z} */
    public String describe() {
        return "pid " + pid + " on host " + host + (since == null ? "" : " since " + since);
    }
}
