package dev.retort.engine.lint;

import dev.retort.engine.db.Database;
import dev.retort.engine.db.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Table sizes, and the tables of indexes, from a live database, through its family's catalog
 * ({@link dev.retort.engine.db.Catalog#tableStats}): PostgreSQL's {@code pg_class}, SQLite's
 * {@code count(*)}, MySQL/MariaDB's {@code information_schema.tables}. A failure is an empty
 * answer, never an error: facts help a lint, they never fail it.
 */
public final class LiveCatalog implements CatalogFacts {

    private final Database db;

    public LiveCatalog(Database db) {
        this.db = db;
    }

    @Override
    public Optional<TableSize> size(String schema, String table) {
        try (Connection c = db.connection()) {
            return db.family().catalog().tableStats(c, schema, table)
                    .map(s -> new TableSize(s.rows(), s.bytes(), s.exact()));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<TableName> indexTable(String schema, String index) {
        try (Connection c = db.connection()) {
            return db.family().catalog().indexTable(c, schema, index);
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
