package dev.retort.engine.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the version table and creates it (and {@code retort_history}) when missing. */
final class VersionStore {

    private final DatabaseFamily family;
    private final TableName table;

    VersionStore(DatabaseFamily family, TableName table) {
        this.family = family;
        this.table = table;
    }

    TableName table() {
        return table;
    }

    boolean exists(Connection c) throws SQLException {
        return tableExists(c, table);
    }

    boolean tableExists(Connection c, TableName t) throws SQLException {
        return family.catalog().tableExists(c, t);
    }

    /**
     * The rows in storage order (reference §8.4), as the family's {@link Catalog#storageOrder()}
     * reads them. No table: no rows.
     */
    List<String> heads(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        String sql = "SELECT version_num FROM " + table.sql(family.dialect()) + family.catalog().storageOrder();
        List<String> heads = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }
}
