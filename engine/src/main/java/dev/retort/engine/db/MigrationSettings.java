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
 * @param legacyChecksums     revision id to its script's checksum as Retort computed it before
 *                            token checksums: a recorded one equal to it is not a change
 * @param refuseChangedScripts {@code on_changed_script = refuse} (the default): an upgrade
 *                            refuses to start while an applied script changed; {@code warn} runs
 */
public record MigrationSettings(String versionTable, String versionTableSchema, Duration lockTimeout,
        Function<String, Optional<String>> checksums, Function<String, Optional<String>> legacyChecksums,
        boolean refuseChangedScripts) {

    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public MigrationSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        checksums = checksums == null ? id -> Optional.empty() : checksums;
        legacyChecksums = legacyChecksums == null ? id -> Optional.empty() : legacyChecksums;
    }

    public MigrationSettings(String versionTable, String versionTableSchema, Duration lockTimeout,
            Function<String, Optional<String>> checksums) {
        this(versionTable, versionTableSchema, lockTimeout, checksums, null, true);
    }

    public static MigrationSettings defaults() {
        return new MigrationSettings(DEFAULT_VERSION_TABLE, null, DEFAULT_LOCK_TIMEOUT, null);
    }

    /**
     * Table, schema, lock timeout and {@code on_changed_script} from {@code config}; checksums as given.
     *
     * @throws dev.retort.engine.RetortException for an {@code on_changed_script} other than refuse or warn
     */
    public static MigrationSettings from(RetortConfig config, Function<String, Optional<String>> checksums) {
        String policy = config.get("on_changed_script").map(String::strip).orElse("refuse");
        if (!policy.equals("refuse") && !policy.equals("warn")) {
            throw new dev.retort.engine.RetortException("Bad on_changed_script '" + policy + "' ("
                    + config.origin("on_changed_script") + "); use refuse or warn");
        }
        return new MigrationSettings(config.versionTable(), config.versionTableSchema().orElse(null),
                Duration.ofSeconds(config.lockTimeoutSeconds()), checksums, null, policy.equals("refuse"));
    }

    public MigrationSettings withVersionTable(String table, String schema) {
        return new MigrationSettings(table, schema, lockTimeout, checksums, legacyChecksums, refuseChangedScripts);
    }

    public MigrationSettings withLockTimeout(Duration timeout) {
        return new MigrationSettings(versionTable, versionTableSchema, timeout, checksums, legacyChecksums,
                refuseChangedScripts);
    }

    public MigrationSettings withChecksums(Function<String, Optional<String>> lookup) {
        return new MigrationSettings(versionTable, versionTableSchema, lockTimeout, lookup, legacyChecksums,
                refuseChangedScripts);
    }

    public MigrationSettings withLegacyChecksums(Function<String, Optional<String>> lookup) {
        return new MigrationSettings(versionTable, versionTableSchema, lockTimeout, checksums, lookup,
                refuseChangedScripts);
    }

    public MigrationSettings withRefuseChangedScripts(boolean refuse) {
        return new MigrationSettings(versionTable, versionTableSchema, lockTimeout, checksums, legacyChecksums, refuse);
    }
}
