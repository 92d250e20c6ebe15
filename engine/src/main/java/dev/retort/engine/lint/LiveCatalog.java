package dev.retort.engine.lint;

import dev.retort.engine.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Table sizes from a live database's catalog, per family: PostgreSQL's {@code pg_class}
 * ({@code reltuples}, {@code pg_total_relation_size}; a table never analysed is counted when
 * it is under 64 MB), MySQL/MariaDB's {@code information_schema.tables}, SQLite's
 * {@code count(*)}. Every answer is a read; a failure is an empty answer, never an error.
 *
 * <p>This is the catalog-access hook a database family will own; it is one class keyed by
 * dialect name until the families exist.
 */
public final class LiveCatalog implements CatalogFacts {

    private static final long COUNT_BELOW_BYTES = 64L << 20;

    private final Database db;
    private final String dialect;

    public LiveCatalog(Database db) {
        this.db = db;
        this.dialect = db.family().name();
    }

    @Override
    public Optional<TableSize> size(String schema, String table) {
        try (Connection c = db.connection()) {
            return switch (dialect) {
                case "postgresql" -> postgres(c, schema, table);
                case "sqlite" -> sqlite(c, schema, table);
                default -> mysql(c, schema, table);
            };
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<TableSize> postgres(Connection c, String schema, String table) throws SQLException {
        String sql = "SELECT c.reltuples::bigint, pg_total_relation_size(c.oid), c.oid::regclass::text FROM pg_class c"
                + " WHERE c.oid = to_regclass(CASE WHEN ? IS NULL THEN quote_ident(?)"
                + " ELSE quote_ident(?) || '.' || quote_ident(?) END)";
        long rows;
        long bytes;
        String name;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, schema);
            ps.setString(4, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                rows = rs.getLong(1);
                bytes = rs.getLong(2);
                name = rs.getString(3);
            }
        }
        if (rows >= 0) {
            return Optional.of(new TableSize(rows, bytes, false));
        }
        if (bytes < COUNT_BELOW_BYTES) { // never analysed: small enough to count
            return Optional.of(new TableSize(count(c, "SELECT count(*) FROM " + name), bytes, true));
        }
        return Optional.of(new TableSize(-1, bytes, false));
    }

    private static Optional<TableSize> sqlite(Connection c, String schema, String table) throws SQLException {
        String q = "\"" + table.replace("\"", "\"\"") + "\"";
        String from = schema == null ? q : "\"" + schema.replace("\"", "\"\"") + "\"." + q;
        return Optional.of(new TableSize(count(c, "SELECT count(*) FROM " + from), -1, true));
    }

    private static Optional<TableSize> mysql(Connection c, String schema, String table) throws SQLException {
        String sql = "SELECT table_rows, data_length + index_length FROM information_schema.tables"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TableSize(rs.getLong(1), rs.getLong(2), false)) : Optional.empty();
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
