package dev.retort.engine.db;

import com.zaxxer.hikari.HikariConfig;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database family (SQLite, PostgreSQL, ...): the only place where Retort's behaviour
 * differs by database. Everything else in the engine is written once against this interface;
 * nothing outside a family's own package asks which database it is talking to.
 *
 * <p>SERVICE PROVIDER CONTRACT. Implementations are stateless, thread-safe singletons, listed
 * once in {@link DatabaseFamilies#ALL}. Adding a family is one new package
 * {@code dev.retort.engine.db.<family>} (a {@code <Name>Family} class, its URL parser and its
 * lock) plus one line in {@link DatabaseFamilies#ALL}. A new family implements, exactly:
 * <ol>
 *   <li>{@link #name()} and {@link #schemes()}: the dialect name that qualifies script sections
 *       ({@code -- retort:upgrade mysql}) and the URL schemes it answers to (name first, then
 *       aliases such as {@code mariadb}); the registry matches {@code jdbc:<scheme>:...} and
 *       {@code <scheme>[+driver]://...} against them, so the family never classifies URLs
 *       itself; {@link #urlForms()}: the URL forms suggested for a URL that is not understood;</li>
 *   <li>{@link #parse}: the URL into one of the sealed {@link DatabaseUrl} records
 *       ({@link ServerUrl} for anything with host, port and database; {@link FileUrl} for an
 *       embedded file), password kept in a {@link Secret}, masked text built from the parse
 *       ({@link UrlParts} does the userinfo/percent-decoding/masking work for server URLs);</li>
 *   <li>{@link #dialect()}: a {@link Dialect} (quoting, statement splitting, transactional DDL,
 *       which statements commit implicitly, the version table's DDL and row changes as Alembic
 *       renders them);</li>
 *   <li>{@link #configurePool}: JDBC driver class, pool size (one connection must stay free
 *       for the work while the lock holds another), connection timeouts and session settings
 *       of the HikariCP pool Retort opens (not called where {@link #direct} offers an opener);</li>
 *   <li>{@link #acquireLock} and {@link #lockHolder}: the migration lock (built on
 *       {@link LockWaiter} for the waiting, back-off, cancellation and timeout message);</li>
 *   <li>{@link #currentUser}: the database identity recorded in {@code retort_history};</li>
 *   <li>{@link #catalog()}: table existence and the storage order of version rows;</li>
 *   <li>{@link #historyColumns()}: the column types and timestamp binding of
 *       {@code retort_history};</li>
 *   <li>{@link #lockModel()}: how its server locks and rewrites tables, for lint's facts.</li>
 * </ol>
 * and may override, where the defaults do not hold: {@link #dialect(Database)} (session
 * settings that change how SQL is read, MySQL's {@code sql_mode}), {@link #connectionsPerRun}
 * (1 where the lock is not a connection), {@link #direct} (one connection opened by the driver
 * itself instead of a pool, for a family whose runs need only one: SQLite), {@link #waitTimeout}
 * and {@link #busy} (a database
 * that fails instead of queueing on another connection's lock, SQLite), and {@link #schema()}
 * (autogenerate, {@code check} and {@code diff}; empty means the family has none).
 *
 * <p>What a family brings beyond the interface lives beside the other families' rather than in
 * its package, where the base types keep package-private hooks: its {@link Dialect} class may
 * stay in its package (the existing ones are in {@code dev.retort.engine.dialect}, sharing the
 * splitter); a {@code schema()} reader is a
 * {@link dev.retort.engine.schema.SchemaFamily} subclass in {@code dev.retort.engine.schema}
 * with a factory there; the lint rules meant for it name its dialect in the declarations of
 * {@link dev.retort.engine.lint.Rule} (their lock facts come from {@link #lockModel()}); and the
 * lexer syntax lint reads statements with is chosen by dialect name in
 * {@link dev.retort.engine.dialect.SqlTokens#of} (highlighting goes through the family's
 * {@link Dialect} itself). A family without them still migrates: it lints with the rules for
 * every dialect, reading statements as SQLite's.
 *
 * <p>Tests for a new family: a {@code MigratorContract} and {@code ProcessContract} subclass, URL
 * cases in the family's own {@code *UrlTest}, and the splitter cases of its dialect.
 */
public interface DatabaseFamily {

    /** {@code sqlite}, {@code postgresql}: the {@link Dialect#name()} and section qualifier. */
    String name();

    /**
     * Lower-case URL schemes of this family, the {@linkplain #name() name} first
     * ({@code postgresql}, {@code postgres}); also accepted as dialect names.
     */
    List<String> schemes();

    /**
     * The URL forms to suggest when a URL is not understood, JDBC form first
     * ({@code jdbc:sqlite:}, {@code sqlite:///}).
     */
    List<String> urlForms();

    /**
     * Parses a URL the registry has matched to this family. {@code environment} supplies
     * variables such as {@code PGPASSWORD}. Errors never echo a password.
     *
     * @throws dev.retort.engine.RetortException for a malformed URL
     */
    DatabaseUrl parse(String url, Map<String, String> environment);

    /** The SQL dialect: quoting, splitting, transactional DDL, version-table SQL. */
    Dialect dialect();

    /**
     * The dialect as {@code db}'s session settings make it, for planning against that database
     * (MySQL's {@code sql_mode} decides how strings and double-quoted names are read); the
     * {@linkplain #dialect() default dialect} where nothing on the server changes it, without
     * connecting. Offline SQL, which has no server, uses {@link #dialect()}.
     *
     * @throws dev.retort.engine.RetortException when the settings cannot be read
     */
    default Dialect dialect(Database db) {
        return dialect();
    }

    /**
     * Sets driver, pool size, timeouts and session settings of the pool Retort opens for
     * {@code url} (user, password, JDBC URL and the common settings are already set).
     */
    void configurePool(HikariConfig pool, DatabaseUrl url);

    /**
     * How to open one physical connection to {@code url} (with the session settings
     * {@link #configurePool} would give the pool), for a family whose runs need only
     * {@linkplain #connectionsPerRun() one connection}: {@link Database#open} then lends that
     * connection to one borrower at a time instead of starting a HikariCP pool, whose threads,
     * {@code DriverManager} scan and classes cost a one-shot command more than the whole run.
     * Empty (the default): Retort opens a pool, set up by {@link #configurePool}.
     */
    default Optional<ConnectionOpener> direct(DatabaseUrl url) {
        return Optional.empty();
    }

    /**
     * Connections a run holds at once: 2 where the lock is a session of its own (PostgreSQL),
     * 1 where it is not (SQLite's file lock). {@link #configurePool} sizes Retort's own pool
     * so (a family that offers {@link #direct} must say 1); an application's {@code DataSource}
     * must allow as many.
     */
    default int connectionsPerRun() {
        return 2;
    }

    /**
     * Takes the migration lock for {@code versionTable} on {@code db}, waiting up to
     * {@code timeout} (telling {@code listener} who holds it, obeying {@code cancel}).
     *
     * @throws dev.retort.engine.RetortException on time-out (naming the holder) or cancellation
     */
    MigrationLock acquireLock(Database db, TableName versionTable, Identity me, Duration timeout,
            RunListener listener, Cancellation cancel);

    /** Who holds the migration lock for {@code versionTable} now, if anyone. Takes nothing. */
    Optional<LockHolder> lockHolder(Database db, TableName versionTable);

    /** The database user of {@code c} for {@code retort_history}, or empty where there is none. */
    Optional<String> currentUser(Connection c) throws SQLException;

    /** Read access to the database's catalog. */
    Catalog catalog();

    /** Column types and timestamp binding of {@code retort_history}. */
    HistoryColumns historyColumns();

    /** How this family's server locks and rewrites tables: lint reads a statement's lock from it. */
    LockModel lockModel();

    /**
     * How long {@code c} waits on a database another connection has locked before it fails
     * (SQLite's {@code busy_timeout}); aligned with the migration lock's timeout, so that a
     * runner or {@code status} waits as long as for the lock, then names the holder. Nothing
     * where the server queues lock waits itself.
     */
    default void waitTimeout(java.sql.Connection c, java.time.Duration timeout) throws java.sql.SQLException {}

    /** Whether {@code e} says the database was locked by another connection (SQLite's SQLITE_BUSY). */
    default boolean busy(java.sql.SQLException e) {
        return false;
    }

    /**
     * The schema catalog reader and DDL renderer of this family, for autogenerate, {@code check}
     * and {@code diff}; empty for a family that has none yet.
     */
    default java.util.Optional<dev.retort.engine.schema.SchemaFamily> schema() {
        return java.util.Optional.empty();
    }
}
