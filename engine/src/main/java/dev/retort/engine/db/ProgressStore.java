package dev.retort.engine.db;

import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.PartialStep.StatementProgress;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.PlannedStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code retort_progress}, beside the version table: statements that commit on their own,
 * recorded one by one as they run. A row is written as {@code running} before its statement
 * and is applied once the next statement's row exists, or once it is marked {@code applied}
 * (before a failure is reported, or when the step's completion does not commit at once); a statement that fails or is cancelled has its row
 * removed (it did not commit). When the step completes, its rows are deleted in the same
 * transaction as its version-table change, so rows exist exactly for a step that is partly
 * applied. A {@code running} row left behind (the process was killed, the connection lost)
 * means that statement may or may not have committed: nobody guesses, the next run refuses
 * to resume past it without being told.
 *
 * <p>General on purpose: whatever makes statements self-committing (a no-transaction
 * section, MySQL's implicit commit of DDL) records through the same rows.
 */
final class ProgressStore {

    static final String TABLE = "retort_progress";
    static final String RUNNING = "running";
    static final String APPLIED = "applied";

    private final DatabaseFamily family;
    private final TableName table;

    ProgressStore(DatabaseFamily family, TableName versionTable) {
        this.family = family;
        this.table = versionTable.sibling(TABLE);
    }

    private String sql() {
        return table.sql(family.dialect());
    }

    TableName table() {
        return table;
    }

    String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + sql() + " (\n"
                + "    revision VARCHAR(255) NOT NULL,\n"
                + "    direction VARCHAR(16) NOT NULL,\n"
                + "    mode VARCHAR(32) NOT NULL,\n"
                + "    statement_index INTEGER NOT NULL,\n"
                + "    statement_count INTEGER NOT NULL,\n"
                + "    line INTEGER NOT NULL,\n"
                + "    statement_sha VARCHAR(64) NOT NULL,\n"
                + "    statement_sql TEXT NOT NULL,\n"
                + "    state VARCHAR(16) NOT NULL,\n"
                + "    updated_at VARCHAR(40) NOT NULL,\n"
                + "    PRIMARY KEY (revision, direction, statement_index)\n"
                + ")";
    }

    void create(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(ddl());
        }
    }

    /** Before statement {@code index} of {@code step} runs (autocommit: the row stands on its own). */
    void running(Connection c, PlannedStep step, String revision, String mode, int index) throws SQLException {
        Statement s = step.statements().get(index);
        String sql = "INSERT INTO " + sql() + " (revision, direction, mode, statement_index, statement_count,"
                + " line, statement_sha, statement_sql, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, revision);
            ps.setString(2, step.direction());
            ps.setString(3, mode);
            ps.setInt(4, index);
            ps.setInt(5, step.statements().size());
            ps.setInt(6, s.line());
            ps.setString(7, sha256(s.sql()));
            ps.setString(8, s.sql());
            ps.setString(9, RUNNING);
            ps.setString(10, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** After statement {@code index} committed. */
    void applied(Connection c, String revision, String direction, int index) throws SQLException {
        update(c, "UPDATE " + sql() + " SET state = '" + APPLIED + "', updated_at = ? WHERE revision = ?"
                + " AND direction = ? AND statement_index = ?", revision, direction, index, true);
    }

    /** Statement {@code index} failed or was cancelled: it did not commit. */
    void notApplied(Connection c, String revision, String direction, int index) throws SQLException {
        update(c, "DELETE FROM " + sql() + " WHERE revision = ? AND direction = ? AND statement_index = ?",
                revision, direction, index, false);
    }

    /** The step completed (or starts over): its rows go, in the caller's transaction. */
    void clear(Connection c, String revision, String direction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + sql()
                + " WHERE revision = ? AND direction = ?")) {
            ps.setString(1, revision);
            ps.setString(2, direction);
            ps.executeUpdate();
        }
    }

    /** {@code stamp}: the user takes over; every record of partly applied steps goes. */
    void clearAll(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM " + sql());
        }
    }

    private void update(Connection c, String sql, String revision, String direction, int index, boolean stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (stamp) {
                ps.setString(i++, Instant.now().toString());
            }
            ps.setString(i++, revision);
            ps.setString(i++, direction);
            ps.setInt(i, index);
            ps.executeUpdate();
        }
    }

    /** The partly applied steps, by revision and direction; none when the table does not exist yet. */
    List<PartialStep> read(Connection c, VersionStore store) throws SQLException {
        if (!store.tableExists(c, table)) {
            return List.of();
        }
        String sql = "SELECT revision, direction, mode, statement_index, statement_count, line, statement_sha,"
                + " statement_sql, state FROM " + sql() + " ORDER BY revision, direction, statement_index";
        Map<String, List<StatementProgress>> rows = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String key = rs.getString(1) + "\u0000" + rs.getString(2);
                heads.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        Integer.toString(rs.getInt(5))});
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new StatementProgress(rs.getInt(4),
                        rs.getInt(6), rs.getString(7), rs.getString(8), APPLIED.equals(rs.getString(9))));
            }
        }
        List<PartialStep> out = new ArrayList<>();
        heads.forEach((key, h) -> out.add(new PartialStep(h[0], h[1], h[2], Integer.parseInt(h[3]),
                impliedApplied(rows.get(key)))));
        return out;
    }

    /**
     * A statement starts only after the one before it committed, so every row but the last of a
     * step is applied, whatever its state says (the runner leaves the {@code applied} mark to the
     * next row, saving a commit per statement).
     */
    private static List<StatementProgress> impliedApplied(List<StatementProgress> rows) {
        List<StatementProgress> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StatementProgress r = rows.get(i);
            out.add(i < rows.size() - 1 && !r.applied()
                    ? new StatementProgress(r.index(), r.line(), r.sha256(), r.sql(), true) : r);
        }
        return out;
    }

    static String sha256(String sql) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sql.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
