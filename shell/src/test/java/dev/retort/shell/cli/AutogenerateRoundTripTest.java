package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.engine.schema.SchemaConnections;
import dev.retort.engine.schema.SchemaDiff;
import dev.retort.engine.schema.SchemaDiffer;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revision --autogenerate}, {@code upgrade +1}, {@code check}, {@code downgrade -1} on a
 * real database: the upgrade reaches the desired schema ({@code check} is clean), the downgrade
 * returns to a catalog equal to where it started, and no table loses rows on the way.
 */
class AutogenerateRoundTripTest {

    static final String PG = System.getenv().getOrDefault("RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path dir;

    private static final String BASE = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, note TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), total NUMERIC(10, 2));
            CREATE INDEX ix_orders_user ON orders (user_id);
            INSERT INTO users (id, name, note) VALUES (1, 'ann', 'x'), (2, 'bob', NULL);
            INSERT INTO orders (id, user_id, total) VALUES (1, 1, 9.5);""";

    private static final String DESIRED = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(100) DEFAULT 'none');
            CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), total NUMERIC(10, 2),
                placed_at TIMESTAMP);
            CREATE INDEX ix_orders_user_placed ON orders (user_id, placed_at);
            CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(30) NOT NULL UNIQUE);
            CREATE VIEW user_orders AS SELECT u.name, o.total FROM users u JOIN orders o ON o.user_id = u.id;
            """;

    @Test
    void sqliteRoundTrip() throws Exception {
        roundTrip(null);
    }

    @Test
    void sqliteRoundTripWithForeignKeysOn() throws Exception {
        roundTrip("jdbc:sqlite:" + dir.resolve("app.db") + "?foreign_keys=true");
    }

    /**
     * Dropping a column rebuilds the table; with enforcement on, the drop of the old table would
     * empty an {@code ON DELETE CASCADE} child unless enforcement is off, which only works
     * outside a transaction: the generated sections say so, lint clean, and keep every row.
     */
    @Test
    void sqliteRebuildKeepsCascadingChildrenAndLintsClean() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("app.db") + "?foreign_keys=true";
        CliHarness h = CliHarness.project(dir, Map.of("aaaa1111_base.sql", CliHarness.script("aaaa1111", "", "base", """
                CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT, note TEXT);
                CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);
                INSERT INTO parent VALUES (1, 'a', 'x');
                INSERT INTO child VALUES (10, 1), (11, 1);""", "DROP TABLE child;\nDROP TABLE parent;")));
        Path schemaFile = dir.resolve("schema.sql");
        Files.writeString(schemaFile, """
                CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);
                """);
        List<String> global = List.of("-x", "schema=" + schemaFile, "--url", url);
        assertEquals(0, run(h, global, "upgrade", "heads").exit());
        CliHarness.Run gen = run(h, global, "revision", "--autogenerate", "-m", "slim", "--rev-id", "bbbb2222");
        assertEquals(0, gen.exit(), gen.err());
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("migrations/versions"))) {
            file = files.filter(p -> p.getFileName().toString().startsWith("bbbb2222")).findFirst().orElseThrow();
        }
        String text = Files.readString(file);
        assertTrue(text.contains("-- retort:upgrade sqlite\n-- retort:no-transaction\nPRAGMA foreign_keys = OFF;"), text);
        assertTrue(text.contains("PRAGMA foreign_key_check;\nPRAGMA foreign_keys = ON;"), text);
        CliHarness.Run lint = run(h, global, "lint", "bbbb2222");
        assertTrue(!lint.out().contains("sqlite-pragma-in-transaction") && !lint.out().contains("sqlite-rebuild-without-fk"),
                lint.out());

        CliHarness.Run up = run(h, global, "upgrade", "+1");
        assertEquals(0, up.exit(), up.err() + "\n" + text);
        assertEquals(Map.of("child", 2L, "parent", 1L), rows(url, read(url)));
        assertEquals(0, run(h, global, "check").exit());
        CliHarness.Run down = run(h, global, "downgrade", "-1");
        assertEquals(0, down.exit(), down.err() + "\n" + text);
        assertEquals(Map.of("child", 2L, "parent", 1L), rows(url, read(url)));
    }

    @Test
    void postgresqlRoundTrip() throws Exception {
        String schema = "rt_autogen_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        try (Connection c = SchemaConnections.target(PG).open(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (RuntimeException e) {
            String msg = "PostgreSQL autogenerate test SKIPPED: " + e.getMessage();
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
        try {
            roundTrip(PG + "&currentSchema=" + schema);
        } finally {
            try (Connection c = SchemaConnections.target(PG).open(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void mariadbRoundTrip() throws Exception {
        String server = System.getenv().getOrDefault("RETORT_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        String db = "rt_autogen_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        try (Connection c = SchemaConnections.target(server).open(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        } catch (RuntimeException e) {
            String msg = "MariaDB autogenerate test SKIPPED: " + e.getMessage();
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
        try {
            roundTrip(server.replaceFirst("/test\\?", "/" + db + "?"));
        } finally {
            try (Connection c = SchemaConnections.target(server).open(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + db);
            }
        }
    }

    private void roundTrip(String url) throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of("aaaa1111_base.sql",
                CliHarness.script("aaaa1111", "", "base", BASE, "DROP TABLE orders;\nDROP TABLE users;")));
        String dbUrl = url != null ? url : "jdbc:sqlite:" + dir.resolve("app.db");
        Path schemaFile = dir.resolve("schema.sql");
        Files.writeString(schemaFile, DESIRED);
        List<String> global = url == null ? List.of("-x", "schema=" + schemaFile) : List.of("-x", "schema=" + schemaFile, "--url", url);

        assertEquals(0, run(h, global, "upgrade", "heads").exit());
        DbSchema start = read(dbUrl);
        Map<String, Long> rows = rows(dbUrl, start);

        assertEquals(1, run(h, global, "check").exit(), "the desired schema is ahead of the database");
        CliHarness.Run sql = run(h, global, "revision", "--autogenerate", "-m", "grow", "--sql");
        assertEquals(0, sql.exit(), sql.err());
        assertTrue(sql.out().contains("-- DESTRUCTIVE: "), "dropping users.note is marked:\n" + sql.out());
        CliHarness.Run gen = run(h, global, "revision", "--autogenerate", "-m", "grow", "--rev-id", "bbbb2222");
        assertEquals(0, gen.exit(), gen.err());
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("migrations/versions"))) {
            file = files.filter(p -> p.getFileName().toString().startsWith("bbbb2222")).findFirst().orElseThrow();
        }
        String family = SchemaConnections.target(dbUrl).family().name();
        String section = family.equals("mariadb") ? "mysql" : family;
        assertTrue(Files.readString(file).contains("-- retort:upgrade " + section), Files.readString(file));

        CliHarness.Run up = run(h, global, "upgrade", "+1");
        assertEquals(0, up.exit(), up.err() + "\n" + Files.readString(file));
        CliHarness.Run check = run(h, global, "check");
        assertEquals(0, check.exit(), check.err());
        assertEquals("No new upgrade operations detected.", check.out().strip());
        assertEquals("No changes in schema detected.", run(h, global, "revision", "--autogenerate", "-m", "again").out().strip());
        assertEquals(rows.get("users"), rows(dbUrl, read(dbUrl)).get("users"));

        CliHarness.Run down = run(h, global, "downgrade", "-1");
        assertEquals(0, down.exit(), down.err());
        DbSchema end = read(dbUrl);
        var back = SchemaDiff.diff(SchemaConnections.target(dbUrl).family(), end, start);
        assertTrue(back.isEmpty(), "downgrade returns to the start:\n" + new SchemaDiffer.Result(family, back).sql());
        assertEquals(rows, rows(dbUrl, end));

        assertEquals(0, run(h, global, "downgrade", "base").exit());
        CliHarness.Run behind = run(h, global, "revision", "--autogenerate", "-m", "late");
        assertEquals(1, behind.exit());
        assertEquals("FAILED: Target database is not up to date.", behind.err().strip());
    }

    private static CliHarness.Run run(CliHarness h, List<String> global, String... args) {
        String[] all = Stream.concat(global.stream(), Stream.of(args)).toArray(String[]::new);
        return h.run(all);
    }

    private static DbSchema read(String url) {
        return SchemaDiffer.read(SchemaConnections.target(url), Scope.all());
    }

    private static Map<String, Long> rows(String url, DbSchema schema) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        SchemaConnections.Target t = SchemaConnections.target(url);
        try (Connection c = t.open(); Statement st = c.createStatement()) {
            if (t.schema() != null) {
                st.execute("SET search_path TO " + t.schema());
            }
            for (String table : schema.tables().keySet()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }
}
