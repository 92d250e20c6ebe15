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
                + "    error TEXT,\n"
                + "    applied_text TEXT,\n"
                + "    note TEXT\n"
                + ")";
    }

    /** Columns added after the first release, with their types: added in place when missing. */
    private static final List<String[]> ADDED = List.of(
            new String[] {"applied_text", "TEXT"}, new String[] {"note", "TEXT"});

    /** Upgrades an existing table in place: adds the columns it lacks (additive only). */
    void ensureColumns(Connection c) throws SQLException {
        java.util.Set<String> have = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + sql() + " WHERE 1 = 0")) {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                have.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String[] col : ADDED) {
            if (!have.contains(col[0])) {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + sql() + " ADD COLUMN " + col[0] + " " + col[1]);
                }
            }
        }
    }

    /** What a history row keeps besides {@link HistoryEntry}: the section text that ran and a note (lint excuses, an acceptance's reason). */
    record Extras(String appliedText, String note) {
        static final Extras NONE = new Extras(null, null);
    }

    /**
     * The text of {@code revision}'s section as it last ran (or was accepted): the latest
     * successful upgrade or accept row holding one; empty when none is stored.
     */
    java.util.Optional<String> appliedText(Connection c, VersionStore store, String revision) throws SQLException {
        if (!store.tableExists(c, table)) {
            return java.util.Optional.empty();
        }
        String q = "SELECT applied_text FROM " + sql() + " WHERE revision = ? AND outcome = 'success'"
                + " AND direction IN ('upgrade', 'accept') AND applied_text IS NOT NULL ORDER BY id DESC";
        try (PreparedStatement ps = c.prepareStatement(q)) {
            ps.setString(1, revision);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            return java.util.Optional.empty(); // a table from before applied texts were stored
        }
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
        insertAll(c, entries, null);
    }

    /**
     * As {@link #insertAll(Connection, List)}, with each row's applied text and note; with
     * {@code extras} null, only the first release's columns are written (so a failure row can
     * be written even where {@link #ensureColumns} was rolled back with the step).
     */
    void insertAll(Connection c, List<HistoryEntry> entries, java.util.function.Function<HistoryEntry, Extras> extras)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + sql() + " (revision, direction, description, script, checksum, db_user,"
                + " os_user, host, started_at, duration_ms, outcome, error" + (extras == null ? ")" : ", applied_text, note)")
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (extras == null ? ")" : ", ?, ?)");
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
                if (extras != null) {
                    Extras x = extras.apply(e);
                    setNullable(ps, 13, x.appliedText());
                    setNullable(ps, 14, x.note());
                }
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
