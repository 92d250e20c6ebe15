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
}
