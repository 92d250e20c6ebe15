package dev.retort.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.db.Database;
import dev.retort.engine.db.TableName;
import dev.retort.engine.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL/MariaDB rules and the every-dialect rules on the real MariaDB server, each with
 * statements that must and must not trigger it, the findings' facts read from
 * {@code information_schema}, and the server itself confirming what a rule claims (the
 * statements a rule flags are refused {@code ALGORITHM=INPLACE}; those it passes run with it).
 */
class MySqlRulesTest {

    @TempDir
    Path dir;

    private String url;
    private Database db;

    @BeforeEach
    void orders() throws Exception {
        url = TestDatabases.freshMysqlDatabaseUrl("lintrules");
        db = Database.open(url);
        exec("CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2), note VARCHAR(20)) DEFAULT CHARSET utf8mb4",
                "INSERT INTO orders SELECT seq, seq, 'n' FROM seq_1_to_20000",
                "CREATE TABLE tiny (id INT PRIMARY KEY, total INT)", "INSERT INTO tiny VALUES (1, 1), (2, 2)",
                "ANALYZE TABLE orders, tiny");
    }

    @AfterEach
    void drop() {
        if (db != null) {
            db.close();
        }
        TestDatabases.dropMysqlDatabase(url);
    }

    private void exec(String... sql) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private LintReport lint(String upgrade) {
        return lint(upgrade, "SELECT 1;");
    }

    private LintReport lint(String upgrade, String downgrade) {
        return LintFixture.lint(dir, "mysql", "-- retort:upgrade\n" + upgrade + "\n\n-- retort:downgrade\n" + downgrade
                + "\n", true, LintSettings.DEFAULTS, new LiveCatalog(db));
    }

    private static Optional<Finding> finding(LintReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule)).findFirst();
    }

    private void fires(String rule, LintReport r) {
        assertTrue(finding(r, rule).isPresent(), () -> rule + " expected in " + LintFixture.ids(r));
    }

    private void quiet(String rule, LintReport r) {
        assertFalse(finding(r, rule).isPresent(), () -> rule + " not expected in " + LintFixture.ids(r));
    }

    /** Runs {@code ALTER TABLE orders <action>, ALGORITHM=INPLACE}; the server's refusal, or null. */
    private String inplace(String action) throws SQLException {
        try {
            exec("ALTER TABLE orders " + action + ", ALGORITHM=INPLACE");
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Test
    void copyAlterFiresOnWhatTheServerCannotDoInPlaceWithTheTablesSize() throws Exception {
        for (String action : List.of("MODIFY total VARCHAR(20)", "CHANGE total total BIGINT",
                "MODIFY total DECIMAL(12,2) NOT NULL", "CONVERT TO CHARACTER SET latin1", "DROP PRIMARY KEY",
                "ENGINE=Aria")) {
            LintReport r = lint("ALTER TABLE orders " + action + ";");
            fires("mysql-copy-alter", r);
            String facts = finding(r, "mysql-copy-alter").orElseThrow().facts();
            assertTrue(facts.matches("rewrites orders \\(≈ \\d+(\\.\\d)? k rows, \\d+(\\.\\d)? (kB|MB)\\) under an exclusive"
                    + " metadata lock"), facts);
            String refusal = inplace(action);
            assertTrue(refusal != null && refusal.contains("ALGORITHM=INPLACE is not supported"),
                    () -> action + ": " + refusal);
        }
        fires("mysql-copy-alter", lint("ALTER TABLE orders ADD COLUMN a INT, ALGORITHM=COPY;"));
    }

    @Test
    void copyAlterQuietOnWhatTheServerDoesInPlaceOrInstantly() throws Exception {
        for (String action : List.of("ADD COLUMN memo TEXT", "ADD INDEX ix_total (total)", "DROP COLUMN note",
                "FORCE")) {
            quiet("mysql-copy-alter", lint("ALTER TABLE orders " + action + ";"));
            assertEquals(null, inplace(action), action);
        }
        quiet("mysql-copy-alter", lint("CREATE TABLE fresh (a INT);\nALTER TABLE fresh MODIFY a BIGINT;"));
    }

    @Test
    void severalImplicitCommitsInOneStepLeaveAPartialStepOnTheServer() throws Exception {
        LintReport two = lint("CREATE TABLE a (x INT);\nCREATE TABLE a (y INT);");
        fires("mysql-implicit-commits", two);
        assertEquals(1, finding(two, "mysql-implicit-commits").orElseThrow().statementIndex());
        // what the rule warns of: the second statement fails, the first stays committed
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("CREATE TABLE a (x INT)");
            assertThrows(SQLException.class, () -> st.execute("CREATE TABLE a (y INT)"));
            c.rollback();
        }
        try (Connection c = db.connection()) {
            assertTrue(db.family().catalog().tableExists(c, new TableName(null, "a")));
        }

        quiet("mysql-implicit-commits", lint("CREATE TABLE b (x INT);\nINSERT INTO b VALUES (1);"));
        quiet("mysql-implicit-commits", lint("UPDATE orders SET total = 0 WHERE id = 1;\nDELETE FROM tiny WHERE id = 2;"));
    }

    @Test
    void everyDialectRulesOnMariaDb() {
        LintReport update = lint("UPDATE orders SET total = 0;");
        fires("unbounded-update", update);
        String facts = finding(update, "unbounded-update").orElseThrow().facts();
        assertTrue(facts.matches("locks orders \\(≈ \\d+(\\.\\d)? k rows, \\d+(\\.\\d)? (kB|MB)\\) under row locks"), facts);
        quiet("unbounded-update", lint("UPDATE tiny SET total = 0;")); // 2 rows: not a large table
        quiet("unbounded-update", lint("UPDATE orders SET total = 0 WHERE total IS NULL;"));

        fires("delete-all", lint("DELETE FROM orders;"));
        fires("delete-all", lint("TRUNCATE TABLE tiny;"));
        quiet("delete-all", lint("DELETE FROM orders WHERE id = 1;"));
        quiet("delete-all", lint("CREATE TABLE c (x INT);\nDELETE FROM c;"));

        fires("empty-downgrade", lint("ALTER TABLE orders ADD COLUMN memo TEXT;", "-- nothing"));
        quiet("empty-downgrade", lint("ALTER TABLE orders ADD COLUMN memo TEXT;", "ALTER TABLE orders DROP COLUMN memo;"));

        fires("drop-table", lint("DROP TABLE tiny;"));
        quiet("drop-table", lint("CREATE TABLE d (x INT);\nDROP TABLE d;"));
        fires("drop-column", lint("ALTER TABLE orders DROP COLUMN note;"));
        quiet("drop-column", lint("ALTER TABLE orders DROP INDEX ix_none;"));
        fires("rename-table", lint("RENAME TABLE tiny TO small;"));
        fires("rename-column", lint("ALTER TABLE orders RENAME COLUMN note TO memo;"));
        quiet("rename-column", lint("ALTER TABLE orders RENAME INDEX a TO b;"));
        fires("adding-not-null-column", lint("ALTER TABLE orders ADD COLUMN region INT NOT NULL;"));
        quiet("adding-not-null-column", lint("ALTER TABLE orders ADD COLUMN region INT NOT NULL DEFAULT 0;"));

        // MySQL's DROP INDEX names its table: the facts are that table's
        LintReport drop = lint("DROP INDEX ix_none ON tiny;");
        String dropFacts = drop.facts().get(0).get(0).describe();
        assertTrue(dropFacts.matches("locks tiny \\((≈ )?2 rows, .*\\) under an exclusive metadata lock"), dropFacts);

        // PostgreSQL's rules say nothing about MySQL statements
        quiet("require-concurrent-index", lint("CREATE INDEX ix ON orders (total);"));
        quiet("lock-timeout", lint("ALTER TABLE orders DROP COLUMN note;"));
    }
}
