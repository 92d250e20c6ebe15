package dev.retort.engine.db.sqlite;

import com.zaxxer.hikari.HikariConfig;
import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.Catalog;
import dev.retort.engine.db.ConnectionOpener;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.DatabaseFamily;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.FileUrl;
import dev.retort.engine.db.HistoryColumns;
import dev.retort.engine.db.Identity;
import dev.retort.engine.db.LockModel;
import dev.retort.engine.db.MigrationLock;
import dev.retort.engine.db.TableName;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.SqliteDialect;
import dev.retort.engine.dialect.Urls;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * SQLite (xerial driver): a file (or in-memory) database, one connection (opened
 * {@linkplain #direct directly}, lent to one borrower at a time) so nothing in
 * Retort contends with itself for the file, an operating-system lock on {@code <file>.lock}
 * as the migration lock, no database user. Stateless and thread-safe.
 */
public final class SqliteFamily implements DatabaseFamily {

    /** Milliseconds SQLite waits on a locked database file before failing with SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MS = 30_000;

    /** How long a borrower waits for the one connection while another holds it. */
    private static final Duration BORROW_TIMEOUT = Duration.ofMillis(BUSY_TIMEOUT_MS + 5_000);

    private static final Dialect DIALECT = new SqliteDialect();

    private static final Catalog CATALOG = new Catalog() {
        @Override
        public boolean tableExists(Connection c, TableName t) throws SQLException {
            String sql = "SELECT 1 FROM " + (t.schema() == null ? "" : DIALECT.quote(t.schema()) + ".")
                    + "sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, t.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        @Override
        public String storageOrder() {
            return " ORDER BY rowid"; // insertion order; an UPDATE keeps a row's place
        }

        /** A {@code count(*)}: SQLite keeps no row statistics worth the name. */
        @Override
        public Optional<TableStats> tableStats(Connection c, String schema, String table) throws SQLException {
            if (!tableExists(c, new TableName(schema, table))) {
                return Optional.empty();
            }
            String from = (schema == null ? "" : DIALECT.quote(schema) + ".") + DIALECT.quote(table);
            try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + from)) {
                rs.next();
                return Optional.of(new TableStats(rs.getLong(1), -1, true));
            }
        }

        /** {@code sqlite_master.tbl_name} of the index (names compared as SQLite does, case-insensitively). */
        @Override
        public Optional<TableName> indexTable(Connection c, String schema, String index) throws SQLException {
            String sql = "SELECT tbl_name FROM " + (schema == null ? "" : DIALECT.quote(schema) + ".")
                    + "sqlite_master WHERE type = 'index' AND name = ? COLLATE NOCASE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new TableName(schema, rs.getString(1))) : Optional.empty();
                }
            }
        }
    };

    private static final HistoryColumns HISTORY = new HistoryColumns() {
        @Override
        public String idColumn() {
            return "id INTEGER PRIMARY KEY AUTOINCREMENT";
        }

        @Override
        public String timestampType() {
            return "VARCHAR(40)";
        }

        @Override
        public void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
            ps.setString(index, value.toString());
        }

        @Override
        public Instant getTimestamp(ResultSet rs, int index) throws SQLException {
            return instant(rs.getString(index));
        }
    };

    /**
     * The instant {@code Instant.toString()} wrote ({@code 2026-12-02T11:59:57.123456Z}, as
     * {@link #historyColumns} stores it), read without {@code DateTimeFormatter}: reading a
     * history of 5,000 rows spent more on the formatter than on the rows. Anything else (an
     * offset, a year past 9999) goes to {@link Instant#parse}.
     */
    static Instant instant(String s) {
        int n = s == null ? 0 : s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return Instant.parse(s);
            }
            nanos = digits(s, 20, n - 1);
            for (int k = n - 21; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 59 || nanos < 0) {
            return Instant.parse(s); // not a plain UTC instant: the parser says what is wrong
        }
        long days;
        try {
            days = java.time.LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return Instant.parse(s);
        }
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public List<String> schemes() {
        return List.of("sqlite");
    }

    @Override
    public List<String> urlForms() {
        return List.of("jdbc:sqlite:", "sqlite:///");
    }

    /** {@code jdbc:sqlite:<path>}, {@code sqlite:///relative}, {@code sqlite:////abs}, {@code sqlite://} (memory). */
    @Override
    public DatabaseUrl parse(String u, Map<String, String> environment) {
        if (u.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length())) {
            return file("jdbc:sqlite:" + u.substring("jdbc:sqlite:".length()), u.substring("jdbc:sqlite:".length()), u);
        }
        String rest = u.substring(u.indexOf("://") + 3);
        if (rest.isEmpty() || rest.equals("/") || rest.equals("/:memory:")) {
            return file("jdbc:sqlite::memory:", ":memory:", u);
        }
        if (!rest.startsWith("/")) {
            throw new RetortException("Bad SQLite URL " + Urls.maskText(u) + ": expected sqlite:///path");
        }
        String path = rest.substring(1);
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return file("jdbc:sqlite:" + path, path, u);
    }

    private FileUrl file(String jdbcUrl, String spec, String asWritten) {
        String path = spec;
        if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        Path file = path.isEmpty() || path.equals(":memory:") || path.contains("mode=memory")
                ? null : Path.of(path).toAbsolutePath().normalize();
        return new FileUrl(this, jdbcUrl, file, Urls.mask(asWritten));
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public void waitTimeout(java.sql.Connection c, Duration timeout) throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis())));
        }
    }

    @Override
    public boolean busy(java.sql.SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("SQLITE_BUSY") || m.contains("database is locked"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int connectionsPerRun() {
        return 1;
    }

    /** Unused by Retort, which opens SQLite {@linkplain #direct directly}; kept equal to it. */
    @Override
    public void configurePool(HikariConfig pool, DatabaseUrl url) {
        pool.setMaximumPoolSize(connectionsPerRun());
        pool.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
        pool.setDriverClassName("org.sqlite.JDBC");
        pool.setConnectionInitSql("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        // the pool's liveness check must not need the database file: a fresh connection's
        // "SELECT 1" reads the schema, which fails with SQLITE_BUSY while a migration writes
        pool.setConnectionTestQuery("PRAGMA busy_timeout");
    }

    /**
     * The one connection, opened by the xerial driver itself (no pool, no {@code DriverManager}),
     * with the {@code busy_timeout} the pool's init SQL sets; a second borrower waits as long as
     * for the pool's connection.
     */
    @Override
    public Optional<ConnectionOpener> direct(DatabaseUrl url) {
        return Optional.of(new ConnectionOpener() {
            @Override
            public Connection open() throws SQLException {
                Connection c = new org.sqlite.JDBC().connect(url.jdbcUrl(), new Properties());
                if (c == null) {
                    throw new SQLException("the SQLite driver does not accept the URL " + url.masked(), "08001");
                }
                try {
                    waitTimeout(c, Duration.ofMillis(BUSY_TIMEOUT_MS));
                } catch (SQLException e) {
                    try {
                        c.close();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
                return c;
            }

            @Override
            public Duration borrowTimeout() {
                return BORROW_TIMEOUT;
            }
        });
    }

    @Override
    public MigrationLock acquireLock(Database db, TableName versionTable, Identity me, Duration timeout,
            RunListener listener, Cancellation cancel) {
        return file(db).map(f -> FileLock.acquire(db, f, me, timeout, listener, cancel))
                .orElse(() -> { }); // in-memory: one connection, nobody to exclude
    }

    @Override
    public Optional<LockHolder> lockHolder(Database db, TableName versionTable) {
        return file(db).flatMap(FileLock::holderOf);
    }

    private static Optional<Path> file(Database db) {
        return db.url() instanceof FileUrl f ? f.file() : Optional.empty();
    }

    @Override
    public Optional<String> currentUser(Connection c) {
        return Optional.empty();
    }

    @Override
    public LockModel lockModel() {
        return LockModel.DATABASE_WRITE_LOCK;
    }

    @Override
    public Catalog catalog() {
        return CATALOG;
    }

    @Override
    public HistoryColumns historyColumns() {
        return HISTORY;
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public java.util.Optional<dev.retort.engine.schema.SchemaFamily> schema() {
        return java.util.Optional.of(dev.retort.engine.schema.SchemaFamily.sqlite());
    }
}
