package dev.retort.engine.db;

import dev.retort.engine.api.HistoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only {@code retort_history} table, beside the version table. A success row is
 * written in the step's own transaction, so it exists exactly when the step's version-table
 * change does; a failure row is written after the rollback, on its own.
 */
final class HistoryStore {

    static final String TABLE = "retort_history";

    private final DatabaseFamily family;
    private final TableName table;

    HistoryStore(DatabaseFamily family, TableName versionTable) {
        this.family = family;
        this.table = versionTable.sibling(TABLE);
    }

    TableName table() {
        return table;
    }

    private String sql() {
        return table.sql(family.dialect());
    }

    String ddl() {
        HistoryColumns columns = family.historyColumns();
        String id = columns.idColumn();
        String ts = columns.timestampType();
        return "CREATE TABLE IF NOT EXISTS " + sql() + " (\n"
                + "    " + id + ",\n"
                + "    revision VARCHAR(255) NOT NULL,\n"
                + "    direction VARCHAR(16) NOT NULL,\n"
                + "    description VARCHAR(1000),\n"
                + "    script VARCHAR(1000),\n"
                + "    checksum VARCHAR(64),\n"
                + "    db_user VARCHAR(255),\n"
                + "    os_user VARCHAR(255),\n"
                + "    host VARCHAR(255),\n"
                + "    started_at " + ts + " NOT NULL,\n"
                + "    duration_ms BIGINT NOT NULL,\n"
                + "    outcome VARCHAR(16) NOT NULL,\n"
                + "    error TEXT\n"
                + ")";
    }

    void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(ddl());
        }
    }

    void insert(Connection c, HistoryEntry e) throws SQLException {
        insertAll(c, List.of(e));
    }

    /** Appends {@code entries} in one JDBC batch (one round trip where the driver allows). */
    void insertAll(Connection c, List<HistoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + sql() + " (revision, direction, description, script, checksum, db_user,"
                + " os_user, host, started_at, duration_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (HistoryEntry e : entries) {
                ps.setString(1, e.revision());
                ps.setString(2, e.direction());
                ps.setString(3, e.description());
                ps.setString(4, e.script());
                setNullable(ps, 5, e.checksum());
                setNullable(ps, 6, e.databaseUser());
                setNullable(ps, 7, e.osUser());
                setNullable(ps, 8, e.host());
                family.historyColumns().setTimestamp(ps, 9, e.startedAt());
                ps.setLong(10, e.duration().toMillis());
                ps.setString(11, e.outcome());
                setNullable(ps, 12, e.error());
                if (entries.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (entries.size() > 1) {
                ps.executeBatch();
            }
        }
    }

    private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    /** All rows, oldest first; none when the table does not exist yet. */
    List<HistoryEntry> read(Connection c, VersionStore store) throws SQLException {
        if (!store.tableExists(c, table)) {
            return List.of();
        }
        String sql = "SELECT id, revision, direction, description, script, checksum, db_user, os_user, host,"
                + " started_at, duration_ms, outcome, error FROM " + sql() + " ORDER BY id";
        List<HistoryEntry> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Instant started = family.historyColumns().getTimestamp(rs, 10);
                out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        started, Duration.ofMillis(rs.getLong(11)), rs.getString(12), rs.getString(13)));
            }
        }
        return out;
    }
}
