package dev.retort.engine.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the version table and creates it (and {@code retort_history}) when missing. */
final class VersionStore {

    private final DatabaseKind kind;
    private final TableName table;

    VersionStore(DatabaseKind kind, TableName table) {
        this.kind = kind;
        this.table = table;
    }

    TableName table() {
        return table;
    }

    boolean exists(Connection c) throws SQLException {
        return tableExists(c, table);
    }

    boolean tableExists(Connection c, TableName t) throws SQLException {
        if (kind == DatabaseKind.MYSQL) {
            return mysqlTableExists(c, t);
        }
        String sql = kind == DatabaseKind.SQLITE
                ? "SELECT 1 FROM " + (t.schema() == null ? "" : TableName.quote(t.schema()) + ".")
                        + "sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE"
                : "SELECT 1 WHERE to_regclass(?) IS NOT NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind == DatabaseKind.SQLITE ? t.name() : t.sql());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** MySQL: the table in the named schema (database), else the connection's current one. */
    private static boolean mysqlTableExists(Connection c, TableName t) throws SQLException {
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

    /**
     * The rows in storage order (reference §8.4): SQLite by rowid (insertion order; an UPDATE
     * keeps a row's place), PostgreSQL as the server returns them. No table: no rows.
     */
    List<String> heads(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        String sql = "SELECT version_num FROM " + table.sql()
                + (kind == DatabaseKind.SQLITE ? " ORDER BY rowid" : "");
        List<String> heads = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }
}
