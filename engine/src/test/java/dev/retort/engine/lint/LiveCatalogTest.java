package dev.retort.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.db.Database;
import dev.retort.engine.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table sizes from the real servers' catalogs, and findings that carry them. */
class LiveCatalogTest {

    @TempDir
    Path dir;

    private static void exec(Database db, String... sql) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void postgresSizeFromPgClassAndFindingsNameIt() throws Exception {
        String url = TestDatabases.freshPgSchemaUrl("lintfacts");
        try (Database db = Database.open(url)) {
            exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)",
                    "INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g", "ANALYZE orders",
                    "CREATE TABLE fresh (id int)", "INSERT INTO fresh SELECT g FROM generate_series(1, 7) g");
            LiveCatalog catalog = new LiveCatalog(db);
            TableSize orders = catalog.size(null, "orders").orElseThrow();
            assertEquals(20000, orders.rows());
            assertFalse(orders.exact());
            assertTrue(orders.bytes() > 500_000, () -> "bytes " + orders.bytes());
            assertEquals(new TableSize(7, catalog.size(null, "fresh").orElseThrow().bytes(), true),
                    catalog.size(null, "fresh").orElseThrow()); // never analysed: counted
            assertEquals(Optional.empty(), catalog.size(null, "missing"));
            assertEquals(orders, catalog.size(TestDatabases.schemaOf(url), "orders").orElseThrow());

            LintReport r = LintFixture.lint(dir, "postgresql", "-- retort:upgrade\nSET lock_timeout = '3s';\n"
                    + "CREATE INDEX orders_total ON orders (total);\n\n-- retort:downgrade\nDROP INDEX orders_total;\n",
                    true, LintSettings.DEFAULTS, catalog);
            Finding f = r.findings().get(0);
            assertEquals(Rule.REQUIRE_CONCURRENT_INDEX, f.rule());
            assertTrue(f.facts().matches("locks orders \\(≈ 20\\.0 k rows, \\d+ (kB|MB)\\) under SHARE"), f.facts());
        } finally {
            TestDatabases.dropSchema(url);
        }
    }

    @Test
    void sqliteCountsRows() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            exec(db, "CREATE TABLE orders (id INTEGER PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2), (3)");
            LiveCatalog catalog = new LiveCatalog(db);
            assertEquals(Optional.of(new TableSize(3, -1, true)), catalog.size(null, "orders"));
            assertEquals(Optional.empty(), catalog.size(null, "missing"));
            LintReport r = LintFixture.lint(dir, "sqlite", "-- retort:upgrade\nDELETE FROM orders;\n", true,
                    LintSettings.DEFAULTS, catalog);
            assertEquals("locks orders (3 rows) under the database write lock", r.findings().get(0).facts());
        }
    }

    @Test
    void mariadbSizeFromInformationSchemaAndFindingsNameIt() throws Exception {
        String url = TestDatabases.freshMysqlDatabaseUrl("lintfacts");
        try (Database db = Database.open(url)) {
            exec(db, "CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2))",
                    "INSERT INTO orders SELECT seq, seq FROM seq_1_to_50000", "ANALYZE TABLE orders",
                    "CREATE TABLE log (id INT) ENGINE=Aria", "INSERT INTO log VALUES (1), (2), (3)",
                    "CREATE VIEW v AS SELECT id FROM orders");
            LiveCatalog catalog = new LiveCatalog(db);
            TableSize orders = catalog.size(null, "orders").orElseThrow();
            assertTrue(orders.rows() > 40_000 && orders.rows() < 60_000, () -> "rows " + orders.rows());
            assertFalse(orders.exact()); // InnoDB's TABLE_ROWS is an estimate
            assertTrue(orders.bytes() > 500_000, () -> "bytes " + orders.bytes());
            TableSize log = catalog.size(null, "log").orElseThrow();
            assertEquals(3, log.rows());
            assertTrue(log.exact()); // Aria counts its rows
            assertEquals(Optional.empty(), catalog.size(null, "missing"));
            assertEquals(Optional.empty(), catalog.size(null, "v")); // a view has no size of its own
            String database = dev.retort.engine.db.DatabaseUrl.parse(url, java.util.Map.of()).database();
            assertEquals(orders, catalog.size(database, "orders").orElseThrow());

            LintReport r = LintFixture.lint(dir, "mysql", "-- retort:upgrade\nALTER TABLE orders MODIFY total BIGINT;\n",
                    true, LintSettings.DEFAULTS, catalog);
            Finding f = r.findings().get(0);
            assertEquals(Rule.MYSQL_COPY_ALTER, f.rule());
            assertTrue(f.facts().matches("rewrites orders \\(≈ \\d+(\\.\\d)? k rows, \\d+(\\.\\d)? (kB|MB)\\)"
                    + " under an exclusive metadata lock"), f.facts());
        } finally {
            TestDatabases.dropMysqlDatabase(url);
        }
    }

    @Test
    void postgresDropIndexFactsNameTheIndexesTable() throws Exception {
        String url = TestDatabases.freshPgSchemaUrl("lintdropix");
        try (Database db = Database.open(url)) {
            exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)",
                    "INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g", "ANALYZE orders",
                    "CREATE INDEX orders_total ON orders (total)");
            LiveCatalog catalog = new LiveCatalog(db);
            String body = "-- retort:upgrade\nSET lock_timeout = '3s';\nDROP INDEX orders_total;\n";
            LintReport r = LintFixture.lint(dir, "postgresql", body, true, LintSettings.DEFAULTS, catalog);
            Finding f = r.findings().get(0);
            assertEquals(Rule.REQUIRE_CONCURRENT_DROP_INDEX, f.rule());
            assertTrue(f.facts().matches("locks orders \\(≈ 20\\.0 k rows, \\d+ (kB|MB)\\) under ACCESS EXCLUSIVE"),
                    f.facts());
            String schema = TestDatabases.schemaOf(url);
            r = LintFixture.lint(dir, "postgresql", "-- retort:upgrade\nSET lock_timeout = '3s';\nDROP INDEX " + schema
                    + ".orders_total;\n", true, LintSettings.DEFAULTS, catalog);
            assertTrue(r.findings().get(0).facts().startsWith("locks " + schema + ".orders (≈ 20.0 k rows, "),
                    r.findings().get(0).facts());

            // offline, or an index the catalog does not know: the lock, on a table nobody can name
            r = LintFixture.lint(dir, "postgresql", body, true, LintSettings.DEFAULTS, CatalogFacts.NONE);
            assertEquals("locks the table of index orders_total under ACCESS EXCLUSIVE", r.findings().get(0).facts());
            // an index built earlier in the same section: its table from the CREATE INDEX
            r = LintFixture.lint(dir, "postgresql", "-- retort:upgrade\nSET lock_timeout = '3s';\n"
                    + "CREATE INDEX CONCURRENTLY ix2 ON orders (id);\nDROP INDEX ix2;\n", true, LintSettings.DEFAULTS,
                    catalog);
            assertTrue(r.facts().get(0).get(2).describe().startsWith("locks orders (≈ 20.0 k rows, "),
                    r.facts().get(0).get(2).describe());
        } finally {
            TestDatabases.dropSchema(url);
        }
    }

    @Test
    void sqliteDropIndexFactsNameTheIndexesTable() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("i.db"))) {
            exec(db, "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INT)", "INSERT INTO orders VALUES (1, 1), (2, 2)",
                    "CREATE INDEX Orders_Total ON orders (total)");
            LintReport r = LintFixture.lint(dir, "sqlite", "-- retort:upgrade\nDROP INDEX orders_total;\n", true,
                    LintSettings.DEFAULTS, new LiveCatalog(db));
            assertEquals("locks orders (2 rows) under the database write lock", r.facts().get(0).get(0).describe());
        }
    }
}
