package dev.retort.engine;

import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.api.Status;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.MigrationSettings;
import dev.retort.engine.db.Migrator;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.OfflineSql;
import dev.retort.engine.plan.PlanBuilder;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.ScriptDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Retort for applications that migrate at start-up, as Flyway users do:
 *
 * <pre>{@code
 * try (Retort retort = Retort.configure()
 *         .url("jdbc:sqlite:app.db")              // or .dataSource(applicationPool)
 *         .locations("classpath:db/retort")       // scripts shipped in the application's jar
 *         .load()) {
 *     RunResult result = retort.upgrade("heads");
 * }
 * }</pre>
 *
 * No configuration file is needed; {@code configFile(Path)} reads one, and any {@code [retort]}
 * key can be set with {@code set(key, value)}.
 *
 * Every command takes the migration lock, plans from the database's real heads and runs that
 * plan, exactly as the command line does; each returns a result and throws a
 * {@link RetortException} (a {@link dev.retort.engine.api.MigrationFailedException} for a
 * failed step) on error. Holds one connection pool until {@link #close()}. Thread-safe: runs
 * on one database are serialised by the lock.
 */
public final class Retort implements AutoCloseable {

    private final RetortConfig config;
    private final Database database;
    private final ScriptDirectory scripts;
    private final RevisionMap map;
    private final Dialect dialect;
    private final Migrator migrator;
    private final RunListener listener;
    /** Jar file systems opened for {@code classpath:} locations, or null. */
    private final AutoCloseable locations;

    private Retort(RetortConfig config, Database database, ScriptDirectory scripts, RevisionMap map,
            RunListener listener, AutoCloseable locations) {
        this.locations = locations;
        this.config = config;
        this.database = database;
        this.scripts = scripts;
        this.map = map;
        this.dialect = database.family().dialect();
        this.listener = listener;
        this.migrator = new Migrator(database, MigrationSettings.from(config,
                id -> map.get(id).map(r -> scripts.body(r).checksum()))
                .withLegacyChecksums(id -> map.get(id).map(r -> scripts.body(r).legacyChecksum())));
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Upgrades to {@code target} ({@code heads}, {@code head}, an id, {@code +2}, ...). */
    public RunResult upgrade(String target) {
        return run(heads -> map.upgradeSteps(target, heads), false);
    }

    /** Downgrades to {@code target} ({@code base}, an id, {@code -1}, ...). */
    public RunResult downgrade(String target) {
        return run(heads -> map.downgradeSteps(target, heads), false);
    }

    /** Which way a {@link #prepare} or {@link #offlineSql} run goes. */
    public enum Direction { UPGRADE, DOWNGRADE }

    /**
     * The shown-then-run flow: takes the migration lock, reads the real heads, plans
     * {@code direction} to {@code target} from them, and returns the run for the caller to show
     * ({@link PreparedRun#plan()}, {@link PreparedRun#sql()}) and then
     * {@linkplain PreparedRun#execute() execute}, exactly as shown. Close it to release the lock
     * (without executing, nothing is written).
     */
    public PreparedRun prepare(Direction direction, String target) {
        Function<List<String>, List<Step>> steps = direction == Direction.UPGRADE
                ? heads -> map.upgradeSteps(target, heads)
                : heads -> map.downgradeSteps(target, heads);
        return migrator.prepare(planner(steps), false, listener, Cancellation.none());
    }

    /**
     * Offline SQL ({@code --sql}) for {@code direction}: {@code range} is {@code [start:]end}
     * (downgrades need the start). Reads no database.
     */
    public String offlineSql(Direction direction, String range) {
        int colon = range.indexOf(':');
        String start = colon < 0 ? null : range.substring(0, colon);
        String end = colon < 0 ? range : range.substring(colon + 1);
        if (direction == Direction.DOWNGRADE && start == null) {
            throw new RetortException("downgrade with --sql requires <fromrev>:<torev>");
        }
        List<String> from = map.startingHeads(start);
        List<Step> steps = direction == Direction.UPGRADE ? map.upgradeSteps(end, from) : map.downgradeSteps(end, from);
        return OfflineSql.render(PlanBuilder.of(config, scripts, map, dialect).build(steps, from));
    }

    /** Sets the version table to {@code targets} without running scripts; {@code purge} empties it first. */
    public RunResult stamp(boolean purge, String... targets) {
        return run(heads -> map.stampSteps(List.of(targets), heads), purge);
    }

    /** The version table's rows, storage order. */
    public List<String> current() {
        return migrator.heads();
    }

    /** Current heads, pending {@code upgrade heads} steps, lock holder and changed scripts. */
    public Status status() {
        return migrator.status(planner(heads -> map.upgradeSteps("heads", heads)));
    }

    /** Applied revisions whose script changed since they ran; empty when all is well. */
    public List<ChangedScript> verify() {
        return migrator.changedScripts();
    }

    public List<HistoryEntry> history() {
        return migrator.history();
    }

    /** The underlying migrator, for preview-then-run flows ({@link Migrator#prepare}). */
    public Migrator migrator() {
        return migrator;
    }

    /** A planner over this environment's scripts: steps from the heads, then the full plan. */
    public Function<List<String>, Plan> planner(Function<List<String>, List<Step>> steps) {
        return PlanBuilder.of(config, scripts, map, database.dialect()).planner(steps);
    }

    private RunResult run(Function<List<String>, List<Step>> steps, boolean purge) {
        try (PreparedRun run = migrator.prepare(planner(steps), purge, listener, Cancellation.none())) {
            return run.execute(listener, Cancellation.none());
        }
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            if (locations != null) {
                try {
                    locations.close();
                } catch (Exception ignored) {
                    // jar file systems: nothing left to release
                }
            }
        }
    }

    /** Options for {@link Retort}; {@link #load()} reads the scripts and opens the pool. */
    public static final class Builder {
        private static final Path DEFAULT_CONFIG = Path.of("retort.ini");
        private Path configFile;
        private DataSource dataSource;
        private List<String> locations = List.of();
        private ClassLoader classLoader;
        private String section = RetortConfig.DEFAULT_SECTION;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private RunListener listener = RunListener.NONE;

        private Builder() {}

        /** The ini file (optional: by default {@code ./retort.ini} when it exists, else none). */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file);
            return this;
        }

        /** The ini section (default {@code retort}). */
        public Builder section(String name) {
            this.section = Objects.requireNonNull(name);
            return this;
        }

        /** Overrides one key, as {@code -x key=value} does: {@code url}, {@code lock_timeout}, ... */
        public Builder set(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** The database URL (overrides the file's {@code url}). */
        public Builder url(String url) {
            return set("url", url);
        }

        /** The environment for {@code ${VAR}}, {@code PGPASSWORD} and {@code .pgpass}; default the process's. */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        public Builder listener(RunListener l) {
            this.listener = Objects.requireNonNull(l);
            return this;
        }

        /**
         * The application's own connection pool instead of a URL. Retort never closes it; on
         * PostgreSQL it must allow two connections (the migration lock holds one during a run).
         */
        public Builder dataSource(DataSource ds) {
            this.dataSource = Objects.requireNonNull(ds);
            return this;
        }

        /**
         * Where the scripts are, Flyway style: {@code classpath:db/retort} (also inside a jar)
         * and {@code filesystem:/opt/extra} (or a plain path). The first is the script location
         * (its {@code script.sql.tmpl}, if any); all are version locations. Replaces
         * {@code script_location}/{@code version_locations} of a file.
         */
        public Builder locations(String... locations) {
            this.locations = List.of(locations);
            return this;
        }

        /** The class loader {@code classpath:} locations are read from; default the thread's context loader. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader);
            return this;
        }

        /**
         * Reads the configuration (the file when one was given or {@code ./retort.ini} exists;
         * else only what was set in code), loads the scripts and opens the database.
         */
        public Retort load() {
            RetortConfig config = configFile != null || Files.isRegularFile(DEFAULT_CONFIG)
                    ? RetortConfig.load(configFile != null ? configFile : DEFAULT_CONFIG, section, overrides, environment)
                    : RetortConfig.inCode(Path.of("").toAbsolutePath(), overrides, environment);
            Locations where = null;
            if (!locations.isEmpty()) {
                ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
                where = Locations.resolve(locations, cl == null ? Retort.class.getClassLoader() : cl,
                        config.fromFile() ? config.file().getParent() : Path.of("").toAbsolutePath());
                config = config.withLocations(where.paths());
            }
            Database db = null;
            try {
                ScriptDirectory scripts = ScriptDirectory.load(config);
                RevisionMap map = RevisionMap.of(scripts.revisions());
                db = dataSource != null ? Database.of(dataSource)
                        : Database.open(DatabaseUrl.parse(config.requireUrl(), environment));
                return new Retort(config, db, scripts, map, listener, where);
            } catch (RuntimeException e) {
                if (db != null) {
                    db.close();
                }
                if (where != null) {
                    where.close();
                }
                throw e;
            }
        }

    }
}
