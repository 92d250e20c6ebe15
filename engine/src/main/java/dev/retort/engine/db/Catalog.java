package dev.retort.engine.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What Retort reads from a database's catalog, per family. Schema inspection (autogenerate,
 * lint) extends this interface with the reads it needs; the version and history stores use
 * only what is here. Implementations are stateless.
 */
public interface Catalog {

    /** Whether {@code table} exists (SQLite compares names case-insensitively, as it resolves them). */
    boolean tableExists(Connection c, TableName table) throws SQLException;

    /**
     * The clause that reads version rows in storage order (reference §8.4), with its leading
     * space ({@code " ORDER BY rowid"}), or empty where the server's order is the storage order.
     */
    String storageOrder();

    /**
     * A table's size, for lint's facts: {@code rows} an estimate unless {@code exact} (-1 when
     * unknown), {@code bytes} with indexes (-1 when the catalog does not say).
     */
    record TableStats(long rows, long bytes, boolean exact) {}

    /** A table with no row statistics (never analysed) smaller than this is counted exactly. */
    long COUNT_BELOW_BYTES = 64L << 20;

    /**
     * {@code rows} and {@code bytes} from a catalog's statistics ({@code rows} -1 when it has
     * none), as {@link TableStats}: a table without statistics and under
     * {@link #COUNT_BELOW_BYTES} is counted with {@code SELECT count(*) FROM qualifiedName}.
     *
     * @param exact whether the catalog's {@code rows} is a true count, not an estimate
     */
    static TableStats statsOrCount(Connection c, String qualifiedName, long rows, long bytes, boolean exact)
            throws SQLException {
        if (rows < 0 && bytes < COUNT_BELOW_BYTES) {
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + qualifiedName)) {
                rs.next();
                return new TableStats(rs.getLong(1), bytes, true);
            }
        }
        return new TableStats(rows, bytes, exact && rows >= 0);
    }

    /**
     * How big {@code table} is ({@code schema} null: the connection's default), from the
     * catalog's statistics where it keeps them; empty when the table does not exist. A family
     * without statistics answers empty (the default).
     */
    default Optional<TableStats> tableStats(Connection c, String schema, String table) throws SQLException {
        return Optional.empty();
    }

    /**
     * The table index {@code index} belongs to ({@code schema} null: found as the connection
     * resolves an unqualified name), with {@code schema} as given; empty when there is no such
     * index, or where index names are per table (MySQL's {@code DROP INDEX} names the table).
     */
    default Optional<TableName> indexTable(Connection c, String schema, String index) throws SQLException {
        return Optional.empty();
    }
}
