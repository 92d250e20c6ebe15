package dev.retort.engine.lint;

/**
 * What one statement does to the database: the lock it takes, on which table, how big that
 * table is, and whether it rewrites it.
 *
 * @param lock     the lock mode ({@code ACCESS EXCLUSIVE}, {@code SHARE}, ...; SQLite: {@code database write lock})
 * @param table    the table it is taken on ({@code schema.table} when qualified)
 * @param size     the table's size from the catalog, or null when unknown (offline, or created in the same step)
 * @param rewrite  the statement rewrites the whole table
 */
public record StatementFacts(String lock, String table, TableSize size, boolean rewrite) {

    /** {@code rewrites orders (≈ 2.3 M rows, 410 MB) under ACCESS EXCLUSIVE}. */
    public String describe() {
        String sized = size == null ? table : table + " (" + size.describe() + ")";
        return (rewrite ? "rewrites " : "locks ") + sized + " under " + lock;
    }
}
