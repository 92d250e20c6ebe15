package dev.retort.engine.db.mysql;

import com.zaxxer.hikari.HikariConfig;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.db.Catalog;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.DatabaseFamily;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.db.HistoryColumns;
import dev.retort.engine.db.Identity;
import dev.retort.engine.db.LockModel;
import dev.retort.engine.db.MigrationLock;
import dev.retort.engine.db.TableName;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.MySqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MySQL and MariaDB, one family named {@code mysql} ({@code mariadb} is an alias for sections
 * and URLs), through one driver: MariaDB Connector/J, which talks to both servers (the MySQL
 * Connector/J is GPL-licensed and talks to MySQL only).
 *
 * <p>DDL is not transactional there: every DDL statement commits on its own, so the runner
 * records such statements one by one ({@link MySqlDialect#commitsImplicitly}); the lock is
 * {@code GET_LOCK} on a session of its own ({@link GetLock}), so the pool's two connections
 * serve the work and the lock checks; {@code CURRENT_USER()} is the recorded identity;
 * {@code retort_history} keeps UTC in {@code DATETIME(6)} ({@code TIMESTAMP} would shift with
 * the session time zone and ends in 2038). Stateless and thread-safe.
 */
public final class MySqlFamily implements DatabaseFamily {

    private static final Dialect DIALECT = new MySqlDialect();

    private static final Catalog CATALOG = new Catalog() {
        /** The table in its schema (a MySQL database), else in the connection's current one. */
        @Override
        public boolean tableExists(Connection c, TableName t) throws SQLException {
            String sql = "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                    + (t.schema() == null ? "DATABASE()" : "?") + " AND TABLE_NAME = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (t.schema() != null) {
                    ps.setString(i++, t.schema());
                }
                ps.setString(i, t.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        /** InnoDB returns the rows in primary-key order, as Alembic reads them on MySQL. */
        @Override
        public String storageOrder() {
            return "";
        }

        /**
         * {@code information_schema.TABLES}: {@code TABLE_ROWS} (an estimate for InnoDB, exact
         * for MyISAM and Aria) and data plus index length. A table
         * whose statistics are missing ({@code TABLE_ROWS} null) under 64 MB is counted, as
         * PostgreSQL's never-analysed one is.
         */
        @Override
        public Optional<TableStats> tableStats(Connection c, String schema, String table) throws SQLException {
            String sql = "SELECT TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH, ENGINE, TABLE_SCHEMA FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = " + (schema == null ? "DATABASE()" : "?") + " AND TABLE_NAME = ?"
                    + " AND TABLE_TYPE = 'BASE TABLE'";
            long rows;
            long bytes;
            boolean exact;
            String db;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (schema != null) {
                    ps.setString(i++, schema);
                }
                ps.setString(i, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    rows = rs.getLong(1);
                    rows = rs.wasNull() ? -1 : rows;
                    bytes = rs.getLong(2);
                    bytes = rs.wasNull() ? -1 : bytes;
                    String engine = rs.getString(3);
                    exact = engine != null && !"InnoDB".equalsIgnoreCase(engine);
                    db = rs.getString(4);
                }
            }
            return Optional.of(Catalog.statsOrCount(c, new TableName(db, table).sql(DIALECT), rows, bytes, exact));
        }
    };

    private static final HistoryColumns HISTORY = new HistoryColumns() {
        @Override
        public String idColumn() {
            return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
        }

        @Override
        public String timestampType() {
            return "DATETIME(6)";
        }

        @Override
        public void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
            ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }

        @Override
        public Instant getTimestamp(ResultSet rs, int index) throws SQLException {
            return rs.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
    };

    @Override
    public String name() {
        return MySqlDialect.NAME;
    }

    @Override
    public List<String> schemes() {
        return List.of(MySqlDialect.NAME, MySqlDialect.ALIAS);
    }

    @Override
    public List<String> urlForms() {
        return List.of("jdbc:mysql://", "mysql://", "mariadb://");
    }

    @Override
    public DatabaseUrl parse(String url, Map<String, String> environment) {
        return MySqlUrls.parse(this, url, environment);
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    /**
     * The dialect under the session's {@code @@sql_mode}: {@code NO_BACKSLASH_ESCAPES} and
     * {@code ANSI_QUOTES} (or {@code ANSI}) change how the server reads strings and
     * double-quoted names, so scripts are split as the server will read them.
     */
    @Override
    public Dialect dialect(Database db) {
        try (Connection c = db.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
            return MySqlDialect.forSqlMode(rs.next() ? rs.getString(1) : "");
        } catch (SQLException e) {
            throw new dev.retort.engine.RetortException("Can't read sql_mode of " + db.url().masked() + ": "
                    + Database.reason(e), e);
        }
    }

    /** Two connections: the run's and the lock checks' (the lock has a session of its own). */
    @Override
    public void configurePool(HikariConfig pool, DatabaseUrl url) {
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(10_000);
        pool.setDriverClassName("org.mariadb.jdbc.Driver");
        pool.addDataSourceProperty("connectionAttributes", "program_name:retort");
    }

    @Override
    public MigrationLock acquireLock(Database db, TableName versionTable, Identity me, Duration timeout,
            RunListener listener, Cancellation cancel) {
        return GetLock.acquire(db, versionTable, me, timeout, listener, cancel);
    }

    @Override
    public Optional<LockHolder> lockHolder(Database db, TableName versionTable) {
        return GetLock.holder(db, versionTable);
    }

    @Override
    public Optional<String> currentUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    @Override
    public LockModel lockModel() {
        return LockModel.METADATA_LOCK;
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
        return java.util.Optional.of(dev.retort.engine.schema.SchemaFamily.mariadb());
    }
}
