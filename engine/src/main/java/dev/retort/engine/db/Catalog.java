package dev.retort.engine.db;

import java.sql.Connection;
import java.sql.SQLException;

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
}
