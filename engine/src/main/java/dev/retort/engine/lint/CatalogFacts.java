package dev.retort.engine.lint;

import dev.retort.engine.db.TableName;
import java.util.Optional;

/**
 * What lint may ask the live database: how big a table is. Implementations read the catalog
 * ({@code pg_class} on PostgreSQL, {@code information_schema.tables} on MySQL/MariaDB, a
 * {@code count(*)} on SQLite) and answer empty for a table that does not exist or cannot be
 * read; they never fail the lint. {@link #NONE} is the offline answer.
 */
@FunctionalInterface
public interface CatalogFacts {

    CatalogFacts NONE = (schema, table) -> Optional.empty();

    /**
     * @param schema the schema the statement names, or null for the connection's default
     * @param table  the table name as the database folds it
     */
    Optional<TableSize> size(String schema, String table);

    /**
     * The table an index belongs to ({@code DROP INDEX name} names only the index), or empty
     * when unknown; the table's schema is {@code schema} as given (an index lives in its
     * table's schema).
     */
    default Optional<TableName> indexTable(String schema, String index) {
        return Optional.empty();
    }
}
