package dev.retort.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule with statements that must and must not trigger it. */
class RulesTest {

    @TempDir
    Path dir;

    private List<String> upgrade(String dialect, String sql) {
        return LintFixture.ids(LintFixture.upgrade(dir, dialect,
                "-- retort:upgrade\n" + sql + "\n\n-- retort:downgrade\nSELECT 1;\n"));
    }

    private List<String> noTx(String dialect, String sql) {
        return LintFixture.ids(LintFixture.upgrade(dir, dialect,
                "-- retort:upgrade\n-- retort:no-transaction\n" + sql + "\n\n-- retort:downgrade\nSELECT 1;\n"));
    }

    private void fires(String rule, List<String> ids) {
        assertTrue(ids.contains(rule), () -> rule + " expected in " + ids);
    }

    private void quiet(String rule, List<String> ids) {
        assertFalse(ids.contains(rule), () -> rule + " not expected in " + ids);
    }

    @Test
    void createIndexOnExistingTableNeedsConcurrently() {
        fires("require-concurrent-index", upgrade("postgresql", "CREATE INDEX ix ON orders (created_at);"));
        fires("require-concurrent-index", upgrade("postgresql", "create unique index if not exists ix on public.orders (a);"));
        quiet("require-concurrent-index", noTx("postgresql", "CREATE INDEX CONCURRENTLY ix ON orders (created_at);"));
        quiet("require-concurrent-index", upgrade("postgresql",
                "CREATE TABLE orders (id int);\nCREATE INDEX ix ON orders (id);"));
        quiet("require-concurrent-index", upgrade("sqlite", "CREATE INDEX ix ON orders (created_at);"));
        quiet("require-concurrent-index", upgrade("postgresql", "-- CREATE INDEX ix ON orders (a);\nSELECT 'CREATE INDEX ix ON t (a)';"));
    }

    @Test
    void dropIndexNeedsConcurrentlyUnlessCreatedInTheStep() {
        fires("require-concurrent-drop-index", upgrade("postgresql", "DROP INDEX ix;"));
        quiet("require-concurrent-drop-index", noTx("postgresql", "DROP INDEX CONCURRENTLY IF EXISTS ix;"));
        quiet("require-concurrent-drop-index", upgrade("postgresql",
                "CREATE TABLE t (a int);\nCREATE INDEX ix ON t (a);\nDROP INDEX ix;"));
    }

    @Test
    void concurrentlyInsideATransactionIsAnError() {
        LintReport r = LintFixture.upgrade(dir, "postgresql",
                "-- retort:upgrade\nCREATE INDEX CONCURRENTLY ix ON orders (a);\n\n-- retort:downgrade\nSELECT 1;\n");
        assertEquals(List.of("concurrently-in-transaction"), LintFixture.ids(r));
        assertEquals(Level.ERROR, r.findings().get(0).level());
        assertTrue(r.hasErrors());
        quiet("concurrently-in-transaction", noTx("postgresql", "CREATE INDEX CONCURRENTLY ix ON orders (a);"));
        fires("concurrently-in-transaction", upgrade("postgresql", "DROP INDEX CONCURRENTLY ix;"));
    }

    @Test
    void addingANotNullColumnWithoutDefault() {
        fires("adding-not-null-column", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN note text NOT NULL;"));
        quiet("adding-not-null-column", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN note text NOT NULL DEFAULT '';"));
        quiet("adding-not-null-column", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN note text;"));
        quiet("adding-not-null-column", upgrade("postgresql",
                "CREATE TABLE orders (id int);\nALTER TABLE orders ADD COLUMN note text NOT NULL;"));
    }

    @Test
    void volatileDefaultRewrites() {
        fires("volatile-default", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();"));
        fires("volatile-default", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN n bigserial;"));
        quiet("volatile-default", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN at timestamptz DEFAULT now();"));
        quiet("volatile-default", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN s text DEFAULT 'random()';"));
    }

    @Test
    void setNotNullOnExistingColumn() {
        fires("set-not-null", upgrade("postgresql", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"));
        quiet("set-not-null", upgrade("postgresql", "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;"));
        quiet("set-not-null", upgrade("postgresql", "CREATE TABLE orders (note text);\nALTER TABLE orders ALTER note SET NOT NULL;"));
    }

    @Test
    void constraintsWithoutNotValid() {
        fires("constraint-without-not-valid", upgrade("postgresql",
                "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (cid) REFERENCES customers (id);"));
        fires("constraint-without-not-valid", upgrade("postgresql", "ALTER TABLE orders ADD CONSTRAINT c CHECK (n > 0);"));
        quiet("constraint-without-not-valid", upgrade("postgresql",
                "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (cid) REFERENCES customers (id) NOT VALID;"));
        quiet("constraint-without-not-valid", upgrade("postgresql", "ALTER TABLE orders VALIDATE CONSTRAINT fk;"));
    }

    @Test
    void addUniqueConstraint() {
        fires("add-unique-constraint", upgrade("postgresql", "ALTER TABLE orders ADD CONSTRAINT u UNIQUE (code);"));
        quiet("add-unique-constraint", upgrade("postgresql", "ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX orders_code;"));
    }

    @Test
    void columnTypeChange() {
        fires("column-type-change", upgrade("postgresql", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);"));
        fires("column-type-change", upgrade("postgresql", "ALTER TABLE orders ALTER total SET DATA TYPE bigint;"));
        quiet("column-type-change", upgrade("postgresql", "ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;"));
    }

    @Test
    void renamesBreakTheRunningApplication() {
        fires("rename-column", upgrade("postgresql", "ALTER TABLE orders RENAME COLUMN total TO amount;"));
        fires("rename-column", upgrade("sqlite", "ALTER TABLE orders RENAME total TO amount;"));
        fires("rename-table", upgrade("postgresql", "ALTER TABLE orders RENAME TO purchases;"));
        fires("rename-table", upgrade("mysql", "RENAME TABLE orders TO purchases;"));
        quiet("rename-column", upgrade("postgresql", "ALTER TABLE orders RENAME CONSTRAINT a TO b;"));
        quiet("rename-table", upgrade("postgresql", "ALTER TABLE orders RENAME CONSTRAINT a TO b;"));
    }

    @Test
    void dropsDestroyData() {
        fires("drop-column", upgrade("postgresql", "ALTER TABLE orders DROP COLUMN note;"));
        fires("drop-table", upgrade("sqlite", "DROP TABLE IF EXISTS orders;"));
        quiet("drop-column", upgrade("postgresql", "ALTER TABLE orders DROP CONSTRAINT fk;"));
        quiet("drop-column", upgrade("postgresql", "ALTER TABLE orders ALTER COLUMN a DROP DEFAULT;"));
        quiet("drop-table", upgrade("postgresql", "CREATE TABLE scratch (a int);\nDROP TABLE scratch;"));
    }

    @Test
    void dropInADowngradeIsOnlyInfo() {
        LintReport r = LintFixture.lint(dir, "postgresql",
                "-- retort:upgrade\nCREATE TABLE t (a int);\n\n-- retort:downgrade\nDROP TABLE t;\n", false,
                LintSettings.DEFAULTS, CatalogFacts.NONE);
        assertEquals(List.of("drop-table"), LintFixture.ids(r));
        assertEquals(Level.INFO, r.findings().get(0).level());
    }

    @Test
    void vacuumFullAndCluster() {
        fires("vacuum-full", noTx("postgresql", "VACUUM FULL orders;"));
        fires("vacuum-full", noTx("postgresql", "VACUUM (FULL, ANALYZE) orders;"));
        fires("vacuum-full", upgrade("postgresql", "CLUSTER orders USING orders_pkey;"));
        quiet("vacuum-full", noTx("postgresql", "VACUUM ANALYZE orders;"));
    }

    @Test
    void accessExclusiveWithoutLockTimeout() {
        fires("lock-timeout", upgrade("postgresql", "ALTER TABLE orders ADD COLUMN note text;"));
        quiet("lock-timeout", upgrade("postgresql", "SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;"));
        quiet("lock-timeout", upgrade("postgresql", "CREATE INDEX ix ON orders (a);")); // SHARE, not ACCESS EXCLUSIVE
        quiet("lock-timeout", upgrade("postgresql", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;"));
        List<String> twice = upgrade("postgresql", "ALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD COLUMN y int;");
        assertEquals(1, twice.stream().filter("lock-timeout"::equals).count(), twice::toString);
    }

    @Test
    void sqliteAlterFormsItCannotDo() {
        fires("sqlite-unsupported-alter", upgrade("sqlite", "ALTER TABLE orders ALTER COLUMN a SET NOT NULL;"));
        fires("sqlite-unsupported-alter", upgrade("sqlite", "ALTER TABLE orders ADD CONSTRAINT u UNIQUE (a);"));
        fires("sqlite-unsupported-alter", upgrade("sqlite", "ALTER TABLE orders DROP CONSTRAINT u;"));
        quiet("sqlite-unsupported-alter", upgrade("sqlite", "ALTER TABLE orders ADD COLUMN note TEXT;"));
        quiet("sqlite-unsupported-alter", upgrade("sqlite", "ALTER TABLE orders DROP COLUMN note;"));
        quiet("sqlite-unsupported-alter", upgrade("sqlite", "ALTER TABLE orders RENAME TO purchases;"));
        quiet("sqlite-unsupported-alter", upgrade("postgresql", "ALTER TABLE orders ALTER COLUMN a SET NOT NULL;"));
    }

    @Test
    void sqlitePragmaForeignKeysInsideATransaction() {
        fires("sqlite-pragma-in-transaction", upgrade("sqlite", "PRAGMA foreign_keys = OFF;"));
        quiet("sqlite-pragma-in-transaction", noTx("sqlite", "PRAGMA foreign_keys = OFF;"));
        quiet("sqlite-pragma-in-transaction", upgrade("sqlite", "PRAGMA user_version = 3;"));
    }

    @Test
    void sqliteRebuildWithoutForeignKeyHandling() {
        String rebuild = "CREATE TABLE orders_new (id INTEGER PRIMARY KEY, total NUMERIC NOT NULL);\n"
                + "INSERT INTO orders_new SELECT id, total FROM orders;\nDROP TABLE orders;\n"
                + "ALTER TABLE orders_new RENAME TO orders;";
        List<String> ids = upgrade("sqlite", rebuild);
        fires("sqlite-rebuild-without-fk", ids);
        quiet("drop-table", ids); // a rebuild keeps the data
        quiet("rename-table", ids);
        quiet("sqlite-rebuild-without-fk", noTx("sqlite", "PRAGMA foreign_keys = OFF;\n" + rebuild
                + "\nPRAGMA foreign_key_check;\nPRAGMA foreign_keys = ON;"));
    }

    @Test
    void mysqlCopyAlterAndImplicitCommits() {
        fires("mysql-copy-alter", upgrade("mysql", "ALTER TABLE orders MODIFY total DECIMAL(12,2) NOT NULL;"));
        fires("mysql-copy-alter", upgrade("mariadb", "ALTER TABLE orders ADD COLUMN a INT, ALGORITHM=COPY;"));
        quiet("mysql-copy-alter", upgrade("mysql", "ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INSTANT;"));
        fires("mysql-implicit-commits", upgrade("mysql", "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);"));
        quiet("mysql-implicit-commits", upgrade("mysql", "CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);"));
        quiet("mysql-implicit-commits", upgrade("postgresql", "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);"));
    }

    @Test
    void emptyDowngradeSection() {
        List<String> ids = LintFixture.ids(LintFixture.upgrade(dir, "sqlite",
                "-- retort:upgrade\nCREATE TABLE t (a INT);\n\n-- retort:downgrade\n-- nothing to undo\n"));
        assertEquals(List.of("empty-downgrade"), ids);
        quiet("empty-downgrade", upgrade("sqlite", "CREATE TABLE t (a INT);"));
        quiet("empty-downgrade", LintFixture.ids(LintFixture.upgrade(dir, "sqlite",
                "-- retort:upgrade\n-- a merge: nothing to do\n\n-- retort:downgrade\n"))); // both empty: nothing to undo
        quiet("empty-downgrade", LintFixture.ids(LintFixture.upgrade(dir, "sqlite", "-- retort:upgrade\nCREATE TABLE t (a INT);\n")));
    }

    @Test
    void updateWithoutWhereOnALargeTable() {
        fires("unbounded-update", upgrade("postgresql", "UPDATE orders SET total = 0;"));
        quiet("unbounded-update", upgrade("postgresql", "UPDATE orders SET total = 0 WHERE total IS NULL;"));
        quiet("unbounded-update", upgrade("postgresql", "UPDATE orders SET total = (SELECT 1 WHERE true) WHERE id < 10;"));
        CatalogFacts small = (s, t) -> Optional.of(new TableSize(12, -1, true));
        LintReport r = LintFixture.lint(dir, "sqlite", "-- retort:upgrade\nUPDATE orders SET total = 0;\n", true,
                LintSettings.DEFAULTS, small);
        quiet("unbounded-update", LintFixture.ids(r));
    }

    @Test
    void truncateOrDeleteWithoutWhere() {
        fires("delete-all", upgrade("postgresql", "TRUNCATE orders;"));
        fires("delete-all", upgrade("sqlite", "DELETE FROM orders;"));
        quiet("delete-all", upgrade("sqlite", "DELETE FROM orders WHERE id = 1;"));
        quiet("delete-all", upgrade("sqlite", "CREATE TABLE t (a INT);\nDELETE FROM t;"));
    }

    @Test
    void lintIgnoreExcusesOneStatementWithItsReason() {
        LintReport r = LintFixture.upgrade(dir, "postgresql", "-- retort:upgrade\n"
                + "-- retort:lint-ignore delete-all: staging data, reloaded nightly\nTRUNCATE staging;\n"
                + "TRUNCATE other;\n\n-- retort:downgrade\nSELECT 1;\n");
        List<Finding> all = r.findings().stream().filter(f -> f.rule() == Rule.DELETE_ALL).toList();
        assertEquals(2, all.size());
        assertEquals("staging data, reloaded nightly", all.get(0).excused());
        assertNull(all.get(1).excused());
        assertEquals("delete-all: staging data, reloaded nightly", r.excusesOf("a1"));
    }

    @Test
    void excusedErrorsDoNotFail() {
        LintReport r = LintFixture.upgrade(dir, "postgresql", "-- retort:upgrade\n"
                + "-- retort:lint-ignore concurrently-in-transaction, lock-timeout: tiny table\n"
                + "CREATE INDEX CONCURRENTLY ix ON t (a);\n\n-- retort:downgrade\nSELECT 1;\n");
        assertEquals(List.of("concurrently-in-transaction"), LintFixture.ids(r));
        assertFalse(r.hasErrors());
    }

    @Test
    void levelsFromTheLintSection() {
        String body = "-- retort:upgrade\nDELETE FROM orders;\nDROP TABLE old;\n\n-- retort:downgrade\nSELECT 1;\n";
        LintSettings s = LintSettings.of(Map.of("delete-all", "error", "drop-table", "off"));
        LintReport r = LintFixture.lint(dir, "sqlite", body, true, s, CatalogFacts.NONE);
        assertEquals(List.of("delete-all"), LintFixture.ids(r));
        assertEquals(Level.ERROR, r.findings().get(0).level());
        RetortException e = org.junit.jupiter.api.Assertions.assertThrows(RetortException.class,
                () -> LintSettings.of(Map.of("delete-al", "error")));
        assertTrue(e.getMessage().startsWith("Unknown lint rule 'delete-al' in [lint]"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(RetortException.class,
                () -> LintSettings.of(Map.of("delete-all", "loud")));
        assertEquals("Bad level 'loud' for lint rule 'delete-all' in [lint]; use off, info, warning or error", e.getMessage());
    }

    @Test
    void findingsKnowStepSectionStatementAndLine() {
        LintReport r = LintFixture.upgrade(dir, "postgresql", "-- retort:upgrade\nSET lock_timeout = '2s';\n"
                + "CREATE TABLE t (a int);\n\nCREATE INDEX ix\n  ON orders (a);\n\n-- retort:downgrade\nSELECT 1;\n");
        Finding f = r.findings().get(0);
        assertEquals(Rule.REQUIRE_CONCURRENT_INDEX, f.rule());
        assertEquals(0, f.stepIndex());
        assertEquals("upgrade postgresql", f.section());
        assertEquals(2, f.statementIndex());
        assertEquals(10, f.line()); // 5 header lines, marker at 6
        assertEquals("a1", f.revision());
        assertEquals("lint warning[require-concurrent-index]: CREATE INDEX without CONCURRENTLY on an existing table:"
                + " locks orders under SHARE", f.oneLine());
    }

    @Test
    void factsNameTheLockTheTableAndItsSize() {
        CatalogFacts big = (s, t) -> t.equals("orders") ? Optional.of(new TableSize(2_300_000, 410L << 20, false))
                : Optional.empty();
        LintReport r = LintFixture.lint(dir, "postgresql", "-- retort:upgrade\nSET lock_timeout = '2s';\n"
                + "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n\n-- retort:downgrade\nSELECT 1;\n", true,
                LintSettings.DEFAULTS, big);
        assertEquals("rewrites orders (≈ 2.3 M rows, 410 MB) under ACCESS EXCLUSIVE", r.findings().get(0).facts());
        assertEquals("rewrites orders (≈ 2.3 M rows, 410 MB) under ACCESS EXCLUSIVE", r.facts().get(0).get(1).describe());
    }
}
