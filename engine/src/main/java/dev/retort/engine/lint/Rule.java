package dev.retort.engine.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every lint rule: its id (as written in {@code [lint]}, {@code lint-ignore} and output), its
 * default level, the dialects it applies to (empty: all), a one-line message, why it matters
 * and what to do instead. The checks themselves live in {@link Checks}; this is the catalogue
 * that {@code retort help lint} and the README print.
 */
public enum Rule {
    REQUIRE_CONCURRENT_INDEX("require-concurrent-index", Level.WARNING, Set.of("postgresql"),
            "CREATE INDEX without CONCURRENTLY on an existing table",
            "A plain CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the index is built.",
            "CREATE INDEX CONCURRENTLY in a '-- retort:no-transaction' section."),
    REQUIRE_CONCURRENT_DROP_INDEX("require-concurrent-drop-index", Level.WARNING, Set.of("postgresql"),
            "DROP INDEX without CONCURRENTLY",
            "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes wait.",
            "DROP INDEX CONCURRENTLY in a '-- retort:no-transaction' section."),
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Level.ERROR, Set.of("postgresql"),
            "CONCURRENTLY inside a transaction",
            "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY inside a transaction block: the step fails.",
            "Put the statement in a section marked '-- retort:no-transaction'."),
    ADDING_NOT_NULL_COLUMN("adding-not-null-column", Level.WARNING, Set.of("postgresql", "mysql", "mariadb"),
            "ADD COLUMN ... NOT NULL without a default on an existing table",
            "Existing rows have no value for the column: the statement fails on a table with rows.",
            "Add the column nullable (or with a constant DEFAULT), backfill, then SET NOT NULL safely."),
    VOLATILE_DEFAULT("volatile-default", Level.WARNING, Set.of("postgresql"),
            "ADD COLUMN with a volatile DEFAULT rewrites the table",
            "A volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval()) is computed per row: the whole table is rewritten under ACCESS EXCLUSIVE.",
            "Add the column without a default (or with a constant one), then backfill in batches."),
    SET_NOT_NULL("set-not-null", Level.WARNING, Set.of("postgresql"),
            "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE",
            "PostgreSQL checks every row while holding ACCESS EXCLUSIVE: reads and writes wait for the full scan.",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop c."),
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Level.WARNING, Set.of("postgresql"),
            "FOREIGN KEY or CHECK constraint added without NOT VALID",
            "Adding the constraint checks every existing row while holding a lock that blocks writes (both tables for a foreign key).",
            "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later statement (a weaker lock)."),
    ADD_UNIQUE_CONSTRAINT("add-unique-constraint", Level.WARNING, Set.of("postgresql"),
            "ADD CONSTRAINT ... UNIQUE builds its index under ACCESS EXCLUSIVE",
            "The unique index is built while the table is locked against reads and writes.",
            "CREATE UNIQUE INDEX CONCURRENTLY (no-transaction section), then ADD CONSTRAINT ... UNIQUE USING INDEX."),
    COLUMN_TYPE_CHANGE("column-type-change", Level.WARNING, Set.of("postgresql"),
            "changing a column's type can rewrite the table",
            "Most type changes rewrite the table and its indexes under ACCESS EXCLUSIVE (widening varchar or dropping a length limit does not).",
            "Add a new column, backfill it in batches, switch the application, then drop the old column."),
    RENAME_COLUMN("rename-column", Level.WARNING, Set.of(),
            "renaming a column breaks the application still running",
            "The running application's queries name the old column and fail from the moment the step commits.",
            "Add the new column, write both, move readers, then drop the old one in a later release."),
    RENAME_TABLE("rename-table", Level.WARNING, Set.of(),
            "renaming a table breaks the application still running",
            "The running application's queries name the old table and fail from the moment the step commits.",
            "Create the new table (or a view with the old name), move the application, then drop the old name later."),
    DROP_COLUMN("drop-column", Level.WARNING, Set.of(),
            "dropping a column destroys its data and breaks the application still running",
            "The data is gone for good, and queries naming the column fail.",
            "Stop using the column in the application first; drop it in a later release, after a backup."),
    DROP_TABLE("drop-table", Level.WARNING, Set.of(),
            "dropping a table destroys its data and breaks the application still running",
            "The data is gone for good, and queries naming the table fail.",
            "Stop using the table in the application first; drop it in a later release, after a backup."),
    VACUUM_FULL("vacuum-full", Level.WARNING, Set.of("postgresql"),
            "VACUUM FULL or CLUSTER rewrites the table under ACCESS EXCLUSIVE",
            "The table is unreadable and unwritable until the whole copy is written.",
            "Plain VACUUM, or pg_repack / pg_squeeze outside the migration."),
    LOCK_TIMEOUT("lock-timeout", Level.WARNING, Set.of("postgresql"),
            "ACCESS EXCLUSIVE lock with no lock_timeout set in the section",
            "Waiting behind one long query, the statement queues every other query on the table behind itself: an outage.",
            "SET lock_timeout = '5s' at the top of the section (SET LOCAL inside a transaction), and retry on timeout."),
    SQLITE_UNSUPPORTED_ALTER("sqlite-unsupported-alter", Level.ERROR, Set.of("sqlite"),
            "ALTER TABLE form SQLite cannot do",
            "SQLite's ALTER TABLE only renames a table, renames, adds or drops a column: anything else fails.",
            "Rebuild the table: CREATE TABLE new, INSERT ... SELECT, DROP TABLE old, ALTER TABLE new RENAME TO old."),
    SQLITE_PRAGMA_IN_TRANSACTION("sqlite-pragma-in-transaction", Level.WARNING, Set.of("sqlite"),
            "PRAGMA foreign_keys inside a transaction is silently ignored",
            "SQLite ignores a change of foreign_keys while a transaction is open.",
            "Put the PRAGMA in a '-- retort:no-transaction' section."),
    SQLITE_REBUILD_WITHOUT_FK("sqlite-rebuild-without-fk", Level.WARNING, Set.of("sqlite"),
            "table rebuild without foreign-key handling",
            "Dropping and renaming a table that other tables reference breaks or cascades their foreign keys.",
            "PRAGMA foreign_keys = OFF before the rebuild and PRAGMA foreign_key_check after it, in a no-transaction section."),
    MYSQL_COPY_ALTER("mysql-copy-alter", Level.WARNING, Set.of("mysql", "mariadb"),
            "ALTER TABLE that cannot use ALGORITHM=INSTANT or INPLACE",
            "A COPY algorithm rebuilds the table and blocks writes for the whole copy.",
            "State ALGORITHM=INPLACE, LOCK=NONE to be refused instead of blocked, or use pt-online-schema-change / gh-ost."),
    MYSQL_IMPLICIT_COMMITS("mysql-implicit-commits", Level.WARNING, Set.of("mysql", "mariadb"),
            "several implicitly committing statements in one step",
            "Each DDL statement commits on its own: a failure leaves the step partly applied.",
            "One DDL statement per revision, or statements that are safe to re-run (IF NOT EXISTS)."),
    EMPTY_DOWNGRADE("empty-downgrade", Level.WARNING, Set.of(),
            "the downgrade section is empty",
            "Downgrading through this revision silently does nothing, while the version table says it was undone.",
            "Write the statements that undo the upgrade, or remove the section to make the revision irreversible (downgrade is then refused)."),
    UNBOUNDED_UPDATE("unbounded-update", Level.WARNING, Set.of(),
            "UPDATE without WHERE on a large table",
            "One statement rewrites every row in one transaction: long locks, bloat, replication lag.",
            "Backfill in batches (WHERE id BETWEEN ...), outside the schema change."),
    DELETE_ALL("delete-all", Level.WARNING, Set.of(),
            "TRUNCATE or DELETE without WHERE",
            "Every row of the table is destroyed.",
            "Add the WHERE you mean, or excuse the statement with '-- retort:lint-ignore delete-all: reason'.");

    private final String id;
    private final Level level;
    private final Set<String> dialects;
    private final String message;
    private final String why;
    private final String doInstead;

    Rule(String id, Level level, Set<String> dialects, String message, String why, String doInstead) {
        this.id = id;
        this.level = level;
        this.dialects = dialects;
        this.message = message;
        this.why = why;
        this.doInstead = doInstead;
    }

    public String id() {
        return id;
    }

    public Level defaultLevel() {
        return level;
    }

    /** The dialects the rule applies to; empty means every dialect. */
    public Set<String> dialects() {
        return dialects;
    }

    public String message() {
        return message;
    }

    public String why() {
        return why;
    }

    public String doInstead() {
        return doInstead;
    }

    public boolean appliesTo(String dialect) {
        return dialects.isEmpty() || dialects.contains(dialect);
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Rule::id).toList();
    }
}
