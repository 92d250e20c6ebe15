package dev.retort.engine;

import dev.retort.engine.api.AuditLog;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.PartialStepPolicy;
import dev.retort.engine.api.RevisionDetail;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.api.Status;
import dev.retort.engine.api.Verification;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.FileUrl;
import dev.retort.engine.db.MigrationSettings;
import dev.retort.engine.db.Migrator;
import dev.retort.engine.db.PreparedRun;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.lint.CatalogFacts;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.lint.LintSettings;
import dev.retort.engine.lint.Linter;
import dev.retort.engine.lint.LiveCatalog;
import dev.retort.engine.plan.OfflineSql;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlanBuilder;
import dev.retort.engine.plan.PlanPreview;
import dev.retort.engine.revision.RelativeTarget;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.ScriptDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * failed step) on error. Holds one connection pool (on SQLite one connection) until
 * {@link #close()}. Thread-safe: runs
 * on one database are serialised by the lock.
 *
 * <p>It is also the one engine service of an environment that Retort's own front ends call
 * (the one-shot commands, the REPL and the graph panel, through {@link #over}): resolving
 * revisions, preparing the plan that is shown and then run ({@link #prepare(Direction, List,
 * RunOptions)}, {@link #preview}), offline SQL, lint, status, the detail of a revision, the
 * audit log and verification. Front ends only format what it returns and ask the user; every
 * error text comes from here or below. It is one class past 400 lines because it is the
 * facade: each method is a few lines over the packages that do the work.
 */
public final class Retort implements AutoCloseable {

    private final RetortConfig config;
    /** The scripts and their graph: loaded once by {@link Builder#load()}, or the front end's cache. */
    private final Supplier<ScriptDirectory> scripts;
    private final Supplier<RevisionMap> map;
    private final RunListener listener;
    /** Where the database comes from: opened by {@link Builder#load()}, or the front end's. */
    private final Supplier<Database> databaseSource;
    /** Whether {@link #close()} closes the database (it opened it). */
    private final boolean ownsDatabase;
    /** Jar file systems opened for {@code classpath:} locations, or null. */
    private final AutoCloseable locations;
    private Database database;
    private Migrator migrator;

    private Retort(RetortConfig config, Supplier<Database> database, boolean ownsDatabase,
            Supplier<ScriptDirectory> scripts, Supplier<RevisionMap> map, RunListener listener,
            AutoCloseable locations) {
        this.config = Objects.requireNonNull(config, "config");
        this.databaseSource = Objects.requireNonNull(database, "database");
        this.ownsDatabase = ownsDatabase;
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.map = Objects.requireNonNull(map, "map");
        this.listener = listener;
        this.locations = locations;
    }

    public static Builder configure() {
        return new Builder();
    }

    /**
     * The service over an environment a front end loads itself (the shell caches scripts and
     * one pool for a whole session, reloading scripts that changed): {@code scripts} and
     * {@code map} are asked for whenever they are needed, {@code database} on first use
     * (offline SQL, the revision detail and resolving never ask), and {@link #close()} leaves
     * the database open. It is as thread-safe as the suppliers (the shell's session is used by
     * one command at a time).
     */
    public static Retort over(RetortConfig config, Supplier<ScriptDirectory> scripts, Supplier<RevisionMap> map,
            Supplier<Database> database) {
        return new Retort(config, database, false, scripts, map, RunListener.NONE, null);
    }

    // ---- the environment

    public RetortConfig config() {
        return config;
    }

    public ScriptDirectory scripts() {
        return scripts.get();
    }

    /** The revision graph of the scripts. */
    public RevisionMap map() {
        return map.get();
    }

    /**
     * The database, opened on first use.
     *
     * @throws RetortException when the configuration names none ("No database URL: ...")
     */
    public synchronized Database database() {
        if (database == null) {
            database = databaseSource.get();
        }
        return database;
    }

    /**
     * The SQL dialect plans and sections are written in: the database's, or for a front end's
     * environment the configured URL's (offline SQL needs no connection).
     */
    public Dialect dialect() {
        return ownsDatabase ? database().dialect() : Dialects.forUrl(config.requireUrl());
    }

    /** The database as Alembic displays it ({@code current -v}): a SQLite file as {@code sqlite:///path}; masked. */
    public String databaseDisplay() {
        Database db = database();
        return db.url() instanceof FileUrl f
                ? f.file().map(p -> f.family().name() + ":///" + p.toAbsolutePath()).orElse(f.masked())
                : db.url().masked();
    }

    // ---- resolve

    /** Exactly one revision for {@code identifier}, else {@link RevisionNotFound} with Alembic's text. */
    public Revision revision(String identifier) {
        return map().require(identifier);
    }

    /** The revisions {@code identifier} names (an id, prefix, label, {@code heads}, {@code label@head}, ...). */
    public List<Revision> resolve(String identifier) {
        return map().resolve(identifier);
    }

    /**
     * Alembic's rule, checked before anything is read: {@code [branch@]-N} is never an upgrade
     * target.
     */
    public static void checkUpgradeTarget(String destination) {
        var relative = RelativeTarget.parse(destination);
        if (relative.isPresent() && relative.get().fromCurrent() && relative.get().downward()) {
            throw new RetortException(relative.get().didNotProduceParsed());
        }
    }

    // ---- run

    /** Upgrades to {@code target} ({@code heads}, {@code head}, an id, {@code +2}, ...). */
    public RunResult upgrade(String target) {
        return run(Direction.UPGRADE, List.of(target), RunOptions.DEFAULT);
    }

    /** Downgrades to {@code target} ({@code base}, an id, {@code -1}, ...). */
    public RunResult downgrade(String target) {
        return run(Direction.DOWNGRADE, List.of(target), RunOptions.DEFAULT);
    }

    /** Sets the version table to {@code targets} without running scripts; {@code purge} empties it first. */
    public RunResult stamp(boolean purge, String... targets) {
        return run(Direction.STAMP, List.of(targets), RunOptions.DEFAULT.withPurge(purge));
    }

    /** Which way a {@link #prepare} or {@link #offlineSql} run goes. */
    public enum Direction {
        UPGRADE("upgrade"), DOWNGRADE("downgrade"), STAMP("stamp");

        private final String verb;

        Direction(String verb) {
            this.verb = verb;
        }

        /** As typed: {@code upgrade}. */
        public String verb() {
            return verb;
        }
    }

    /**
     * How a prepared run behaves.
     *
     * @param purge        {@code stamp --purge}: every row is deleted first
     * @param partial      what happens to a step an earlier run left partly applied (a stamp
     *                     always forgets it)
     * @param listener     lock waits, changed scripts, progress
     * @param cancellation Ctrl-C and signals
     * @param warnings     Alembic's warnings while planning (e.g. {@code downgrade -1} from
     *                     several heads)
     */
    public record RunOptions(boolean purge, PartialStepPolicy partial, RunListener listener,
            Cancellation cancellation, Consumer<String> warnings) {
        public static final RunOptions DEFAULT = new RunOptions(false, PartialStepPolicy.RESUME, null, null,
                w -> {});

        public RunOptions withPurge(boolean p) {
            return new RunOptions(p, partial, listener, cancellation, warnings);
        }

        public RunOptions withPartial(PartialStepPolicy p) {
            return new RunOptions(purge, p, listener, cancellation, warnings);
        }

        public RunOptions withListener(RunListener l) {
            return new RunOptions(purge, partial, l, cancellation, warnings);
        }

        public RunOptions withCancellation(Cancellation c) {
            return new RunOptions(purge, partial, listener, c, warnings);
        }

        public RunOptions withWarnings(Consumer<String> w) {
            return new RunOptions(purge, partial, listener, cancellation, w);
        }
    }

    /**
     * The shown-then-run flow: takes the migration lock, reads the real heads, plans
     * {@code direction} to {@code target} from them, and returns the run for the caller to show
     * ({@link #preview}, {@link PreparedRun#plan()}) and then
     * {@linkplain PreparedRun#execute() execute}, exactly as shown. Close it to release the lock
     * (without executing, nothing is written).
     */
    public PreparedRun prepare(Direction direction, String target) {
        return prepare(direction, List.of(target), RunOptions.DEFAULT);
    }

    /**
     * {@link #prepare(Direction, String)} with options; {@code targets} has one element except
     * for a stamp. An upgrade or downgrade from rows whose script is missing is refused
     * ({@link MissingScripts}); {@code downgrade -N} from an empty database gets Alembic's error.
     */
    public PreparedRun prepare(Direction direction, List<String> targets, RunOptions options) {
        Function<List<String>, List<Step>> steps = heads -> onlineSteps(direction, targets, heads, options.warnings());
        RunListener l = options.listener() != null ? options.listener() : listener;
        Cancellation cancel = options.cancellation() != null ? options.cancellation() : Cancellation.none();
        PartialStepPolicy partial = direction == Direction.STAMP ? PartialStepPolicy.FORGET : options.partial();
        Migrator m = migrator();
        // read before the lock is taken: on MySQL it asks the server for its sql_mode
        Dialect dialect = m.database().dialect();
        return m.prepare(heads -> {
            // the steps first: from an empty database a relative target fails as Alembic's does,
            // before the whole graph is loaded (and found broken)
            List<Step> planned = steps.apply(heads);
            return PlanBuilder.of(config, scripts(), map(), dialect).build(planned, heads);
        }, options.purge(), l, cancel, partial);
    }

    private List<Step> onlineSteps(Direction direction, List<String> targets, List<String> heads,
            Consumer<String> warnings) {
        if (direction == Direction.STAMP) {
            return map().stampSteps(targets, heads);
        }
        String target = targets.get(0);
        if (!heads.isEmpty()) { // an empty database has no missing script; keep Alembic's error order
            MissingScripts.refuse(map(), heads, direction.verb());
        }
        if (direction == Direction.UPGRADE) {
            checkUpgradeTarget(target);
            return map().upgradeSteps(target, heads, warnings);
        }
        if (heads.isEmpty()) {
            var minus = RelativeTarget.parse(target)
                    .filter(t -> t.branch() == null && t.fromCurrent() && t.downward() && t.text().equals(target));
            if (minus.isPresent()) {
                // nothing to step down from; Alembic says so before reading the scripts
                throw new RetortException(minus.get().didNotProduce());
            }
        }
        return map().downgradeSteps(target, heads, warnings);
    }

    /**
     * The preview of a prepared run, as every front end shows it ({@link PlanPreview}): its
     * notes and {@code extraNotes} as comments, and the lint findings with the live catalog's
     * facts.
     */
    public String preview(PreparedRun run, List<String> extraNotes) {
        List<String> notes = new ArrayList<>(run.notes());
        notes.addAll(extraNotes);
        return PlanPreview.render(run.plan(), databaseDisplay(), notes, lintLive(run.plan()));
    }

    // ---- offline

    /**
     * The plan of {@code direction} from the rows {@code start} names ({@code null} or
     * {@code base}: none) to {@code targets}, for offline SQL ({@code --sql}); reads no database.
     */
    public Plan offlinePlan(Direction direction, String start, List<String> targets, Consumer<String> warnings) {
        List<String> from = map().startingHeads(start);
        List<Step> steps = switch (direction) {
            case UPGRADE -> map().upgradeSteps(targets.get(0), from, warnings);
            case DOWNGRADE -> map().downgradeSteps(targets.get(0), from, warnings);
            case STAMP -> map().stampSteps(targets, from);
        };
        return plan(steps, from);
    }

    /** Plans {@code steps} from the rows {@code startHeads}, in {@link #dialect()}; reads no database. */
    public Plan plan(List<Step> steps, List<String> startHeads) {
        return PlanBuilder.of(config, scripts(), map(), dialect()).build(steps, startHeads);
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
        return OfflineSql.render(offlinePlan(direction, start, List.of(end), w -> {}));
    }

    // ---- lint

    /** The linter of this environment: its {@code [lint]} levels, its scripts, and {@code facts}. */
    public Linter linter(CatalogFacts facts) {
        return new Linter(LintSettings.of(config.section("lint")), facts,
                (r, up, d) -> up ? scripts().body(r).upgrade(d) : scripts().body(r).downgrade(d));
    }

    /** Lint rules only, without a database ({@code --sql}). */
    public LintReport lint(Plan plan) {
        return linter(CatalogFacts.NONE).lint(plan);
    }

    /** Lint with the database's catalog: table sizes in the findings. */
    public LintReport lintLive(Plan plan) {
        return linter(new LiveCatalog(database())).lint(plan);
    }

    // ---- inspect

    /** The version table's rows, storage order. */
    public List<String> current() {
        return migrator().heads();
    }

    /**
     * Current heads, pending {@code upgrade heads} steps (none when a row has no script: see
     * {@link Status#missingScripts()}), lock holder, changed scripts and partly applied steps.
     */
    public Status status() {
        List<List<String>> missing = new ArrayList<>(List.of(List.of()));
        Migrator m = migrator();
        // before status takes its connections: on MySQL the dialect reads sql_mode
        PlanBuilder plans = PlanBuilder.of(config, scripts(), map(), m.database().dialect());
        Status status = m.status(heads -> {
            missing.set(0, MissingScripts.of(map(), heads));
            // rows without a script: nothing can be planned from them, but status still reports
            return plans.build(missing.get(0).isEmpty() ? map().upgradeSteps("heads", heads) : List.of(), heads);
        });
        return status.withMissingScripts(missing.get(0));
    }

    /** Applied revisions whose script changed since they ran; empty when all is well. */
    public List<ChangedScript> verify() {
        return migrator().changedScripts();
    }

    /** Steps an earlier run left partly applied (cheap: reads no script). */
    public List<PartialStep> partialSteps() {
        return migrator().partialSteps();
    }

    /** Changed applied scripts and partly applied steps: {@code verify}'s answer. */
    public Verification verification() {
        Migrator m = migrator();
        return new Verification(m.changedScripts(), m.partialSteps());
    }

    /**
     * Accepts the changed script of the revision {@code identifier} names as it is now,
     * recording who and {@code reason} in the history; returns that revision.
     */
    public Revision accept(String identifier, String reason) {
        Revision r = revision(identifier);
        migrator().accept(r.id(), reason, currentText(r));
        return r;
    }

    /** The statements {@code revision}'s upgrade ran (or was last accepted with), when stored. */
    public Optional<String> appliedText(String revision) {
        return migrator().appliedText(revision);
    }

    /** The statements {@code r}'s upgrade would run now, as the history stores them. */
    public String currentText(Revision r) {
        Dialect d = dialect();
        return scripts().body(r).upgrade(d.name()).map(s -> Migrator.normalisedText(d.split(s.sql(), s.firstLine())))
                .orElse("");
    }

    /** {@code retort_history}, oldest first. */
    public List<HistoryEntry> history() {
        return migrator().history();
    }

    /**
     * The audit log, newest first, of the revisions {@code identifier} names (null: all): what
     * it resolves to in the scripts, else (a revision whose script is gone) the one recorded id
     * starting with it.
     */
    public AuditLog log(String identifier) {
        List<HistoryEntry> all = new ArrayList<>(history());
        Collections.reverse(all);
        if (identifier == null) {
            return new AuditLog(Set.of(), all);
        }
        Set<String> ids;
        try {
            ids = map().resolve(identifier).stream().map(Revision::id).collect(Collectors.toSet());
        } catch (RetortException e) {
            ids = all.stream().map(HistoryEntry::revision).filter(r -> r.startsWith(identifier))
                    .collect(Collectors.toSet());
            if (ids.size() != 1) {
                throw e;
            }
        }
        Set<String> chosen = Collections.unmodifiableSet(ids);
        return new AuditLog(chosen, all.stream().filter(e -> chosen.contains(e.revision())).toList());
    }

    /**
     * A revision in detail: its header, and its upgrade and downgrade sections for
     * {@link #dialect()}, split, with the upgrade's lint findings (rules only: no database is
     * asked).
     *
     * @throws RetortException when the revision is unknown or its SQL cannot be split
     */
    public RevisionDetail detail(String identifier) {
        Revision r = revision(identifier);
        Dialect d = dialect();
        return RevisionDetails.of(r, d, scripts().body(r), upgradeLint(r, d));
    }

    /** Lint of the revision's upgrade as a one-step plan. */
    private LintReport upgradeLint(Revision r, Dialect d) {
        try {
            Plan plan = PlanBuilder.of(config, scripts(), map(), d)
                    .build(List.of(new Step.Migration(r, true, r.downRevisions())), r.downRevisions());
            return lint(plan);
        } catch (RuntimeException e) {
            return LintReport.EMPTY; // the section itself shows what is wrong with the script
        }
    }

    /** The migrator of the database (one per service), built on first use. */
    private synchronized Migrator migrator() {
        if (migrator == null) {
            migrator = new Migrator(database(), MigrationSettings.from(config,
                    id -> map().get(id).map(r -> scripts().checksum(r)))
                    .withLegacyChecksums(id -> map().get(id).map(r -> scripts().body(r).legacyChecksum())));
        }
        return migrator;
    }

    private RunResult run(Direction direction, List<String> targets, RunOptions options) {
        try (PreparedRun run = prepare(direction, targets, options)) {
            return run.execute(listener, Cancellation.none());
        }
    }

    @Override
    public void close() {
        try {
            if (ownsDatabase && database != null) {
                database.close();
            }
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

    /** Options for {@link Retort}; {@link #load()} reads the scripts and opens the database. */
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
         * else only what was set in code), loads the scripts and opens the database (a pool
         * connects now; SQLite's one connection is opened by the first command, which then
         * reports a database that cannot be opened).
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
                Database opened = db;
                return new Retort(config, () -> opened, true, () -> scripts, () -> map, listener, where);
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
