package dev.retort.engine.db;

import dev.retort.engine.config.RetortConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a {@link Migrator} finds its tables and lock, and how it checksums scripts.
 *
 * @param versionTable        version table name (default {@code retort_version})
 * @param versionTableSchema  its schema, or null for the connection's default
 * @param lockTimeout         how long a runner waits for another to finish
 * @param checksums           revision id to the current checksum of its script (empty when
 *                            unknown or gone): recorded in history, compared by status/verify
 */
public record MigrationSettings(String versionTable, String versionTableSchema, Duration lockTimeout,
        Function<String, Optional<String>> checksums) {

    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public MigrationSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        checksums = checksums == null ? id -> Optional.empty() : checksums;
    }

    public static MigrationSettings defaults() {
        return new MigrationSettings(DEFAULT_VERSION_TABLE, null, DEFAULT_LOCK_TIMEOUT, null);
    }

    /** Table, schema and lock timeout from {@code config}; checksums as given. */
    public static MigrationSettings from(RetortConfig config, Function<String, Optional<String>> checksums) {
        return new MigrationSettings(config.versionTable(), config.versionTableSchema().orElse(null),
                Duration.ofSeconds(config.lockTimeoutSeconds()), checksums);
    }

    public MigrationSettings withVersionTable(String table, String schema) {
        return new MigrationSettings(table, schema, lockTimeout, checksums);
    }

    public MigrationSettings withLockTimeout(Duration timeout) {
        return new MigrationSettings(versionTable, versionTableSchema, timeout, checksums);
    }

    public MigrationSettings withChecksums(Function<String, Optional<String>> lookup) {
        return new MigrationSettings(versionTable, versionTableSchema, lockTimeout, lookup);
    }
}
