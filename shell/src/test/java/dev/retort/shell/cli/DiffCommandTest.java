package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retort diff FROM TO} as a user runs it: URLs and files, nothing for equal schemas, one FAILED line. */
class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void databaseToSchemaFilePrintsStatementsEachEndingWithSemicolon() throws Exception {
        Path db = dir.resolve("a.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)");
            st.execute("INSERT INTO t VALUES (1, 'x')");
        }
        Path schema = dir.resolve("schema.sql");
        Files.writeString(schema, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER DEFAULT 0);\nCREATE INDEX ix_t_b ON t (b);\n");
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("diff", "sqlite:///" + db, "schema.sql");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 0;\nCREATE INDEX ix_t_b ON t (b);\n", r.out());

        CliHarness.Run same = h.run("diff", "schema.sql", "schema.sql", "--dialect", "sqlite");
        assertEquals(0, same.exit(), same.err());
        assertEquals("", same.out());

        CliHarness.Run back = h.run("diff", "schema.sql", "jdbc:sqlite:" + db);
        assertEquals(0, back.exit(), back.err());
        assertTrue(back.out().contains("-- DESTRUCTIVE: rebuild_table_drop_columns t"), back.out());
        assertTrue(back.out().contains("INSERT INTO _retort_tmp_t (id, a) SELECT id, a FROM t;"), back.out());
    }

    @Test
    void aSchemaTheDatabaseRejectsIsOneFailedLine() throws Exception {
        Files.writeString(dir.resolve("bad.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY;\n");
        Files.writeString(dir.resolve("ok.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("diff", "--dialect", "sqlite", "ok.sql", "bad.sql");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("FAILED: " + dir.resolve("bad.sql") + ":1: incomplete input", r.err().strip());
        CliHarness.Run missing = h.run("diff", "--dialect", "sqlite", "ok.sql", "nowhere.sql");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nowhere.sql does not exist"), missing.err());
        CliHarness.Run neither = h.run("diff", "ok.sql", "ok.sql");
        assertEquals(1, neither.exit());
        assertTrue(neither.err().contains("--dialect"), neither.err());
    }

    @Test
    void aStatementOfASchemaDirectoryTheDatabaseRejectsIsNamedByItsFileAndLine() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("01_base.sql"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        Files.writeString(schema.resolve("02_extra.sql"), "-- lines\n\nCREATE TABLE order_line (\n  id INTEGER PRIMARY KEY,\n"
                + "  qty INTEGER NOT NULLL\n);\n");
        Files.writeString(dir.resolve("ok.sql"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("diff", "--dialect", "sqlite", "ok.sql", "schema");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("FAILED: " + schema.resolve("02_extra.sql") + ":3: near \"NULLL\": syntax error", r.err().strip());
    }

    @Test
    void anUnreachableDevUrlIsNamedAsTheScratchDatabaseWithItsPasswordMasked() throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("diff", "--dialect", "postgresql", "--dev-url", "postgresql://postgres:s3cret@127.0.0.1:5999/x",
                "a.sql", "a.sql");
        assertEquals(1, r.exit());
        String err = r.err().strip();
        assertTrue(err.startsWith("FAILED: Can't connect to the dev_url (scratch database) postgresql://postgres:***@127.0.0.1:5999/x: "),
                err);
        assertTrue(!err.contains("s3cret") && err.lines().count() == 1, err);
    }

    @Test
    void aSqliteSideWhoseFileIsMissingIsRefusedAndNotCreated() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        CliHarness h = new CliHarness(dir);
        for (String url : new String[] {"sqlite:///" + dir.resolve("typo.db"), "jdbc:sqlite:" + dir.resolve("typo.db")}) {
            CliHarness.Run r = h.run("diff", url, "schema.sql");
            assertEquals(1, r.exit(), r.out());
            assertEquals("", r.out());
            assertTrue(r.err().strip().startsWith("FAILED: No database at ") && r.err().contains(dir.resolve("typo.db") + " does not exist")
                    && r.err().strip().lines().count() == 1, r.err());
            assertTrue(!Files.exists(dir.resolve("typo.db")), "nothing created");
        }
        CliHarness.Run back = h.run("diff", "schema.sql", "sqlite:///" + dir.resolve("typo.db"));
        assertEquals(1, back.exit());
        assertTrue(!Files.exists(dir.resolve("typo.db")), "nothing created");
    }

    @Test
    void aMalformedIpv6HostIsOneLineNamingTheUrlFromEveryEntryPoint() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
        CliHarness h = CliHarness.project(dir, java.util.Map.of());
        String bad = "mariadb://root:pw@[::1:3306/db";
        String expected = "FAILED: Bad database URL mariadb://root:***@[::1:3306/db: unclosed '[' in host '[::1:3306'";
        for (String[] args : new String[][] {{"diff", bad, "schema.sql"}, {"diff", "schema.sql", "mariadb://[::1:3306/db"},
                {"--url", bad, "current"}, {"diff", "--dev-url", bad, "--dialect", "mariadb", "schema.sql", "schema.sql"}}) {
            CliHarness.Run r = h.run(args);
            assertEquals(1, r.exit(), String.join(" ", args));
            String err = r.err().strip();
            assertTrue(err.lines().count() == 1 && !err.contains("Exception") && !err.contains(":pw@"), err);
            assertTrue(err.startsWith(expected) || err.startsWith(expected.replace("root:***@", ""))
                    || err.startsWith("FAILED: Bad dev_url (scratch database): " + expected.substring(8)), err);
        }
    }

    /** A connection to the MariaDB server; fails under {@code CI=true} when there is none, else skips loudly. */
    private static Connection mariadbAdmin() {
        String server = System.getenv().getOrDefault("RETORT_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        try {
            return DriverManager.getConnection(server);
        } catch (java.sql.SQLException e) {
            String msg = "no MariaDB server at " + server + ": " + e.getMessage();
            System.err.println("NOTICE: " + msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg, e);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, msg);
            throw new IllegalStateException(msg);
        }
    }

    @Test
    void mariadbUrlInAlembicFormAgainstASchemaFileWithDelimiters() throws Exception {
        String name = "rt_diffcmd_" + ProcessHandle.current().pid();
        Connection admin = mariadbAdmin();
        try (admin; Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            try {
                st.execute("CREATE TABLE " + name + ".t (id int PRIMARY KEY, v int)");
                st.execute("INSERT INTO " + name + ".t VALUES (1, 2)");
                Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int PRIMARY KEY, v bigint NOT NULL DEFAULT 0);\n"
                        + "DELIMITER //\nCREATE TRIGGER t_v BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.v = NEW.v + 1;\nEND //\n"
                        + "DELIMITER ;\n");
                CliHarness h = new CliHarness(dir);
                String url = "mysql://root@127.0.0.1:3306/" + name;
                CliHarness.Run r = h.run("diff", url, "schema.sql");
                assertEquals(0, r.exit(), r.err());
                assertTrue(r.out().contains("MODIFY COLUMN `v` bigint(20) NOT NULL DEFAULT 0;"), r.out());
                assertTrue(r.out().contains("CREATE TRIGGER `t_v` BEFORE INSERT ON `t` FOR EACH ROW BEGIN"), r.out());
                st.execute("USE " + name);
                for (String sql : dev.retort.engine.schema.SchemaFamily.mariadb().split(r.out())) {
                    st.execute(sql); // the output is a script the mysql client (and Retort's splitter) takes as is
                }
                CliHarness.Run again = h.run("diff", url, "schema.sql");
                assertEquals(0, again.exit(), again.err());
                assertEquals("", again.out());
            } finally {
                st.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    /**
     * The sample at its heads on MariaDB: its trigger body keeps the comments the migration
     * carried. A desired schema dumped from the database itself, and the same schema with the
     * body's comments as another client or editor leaves them, both compare equal to it.
     */
    @Test
    void sampleOnMariadbAtHeadsChecksCleanAgainstItsOwnDumpWhateverTheTriggerComments() throws Exception {
        String name = "rt_diffsample_" + ProcessHandle.current().pid();
        Connection admin = mariadbAdmin();
        try (admin; Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            try {
                Path env = copySample(dir.resolve("sample-env"));
                String url = "mariadb://root@127.0.0.1:3306/" + name;
                CliHarness h = new CliHarness(env);
                CliHarness.Run up = h.run("--url", url, "upgrade", "heads");
                assertEquals(0, up.exit(), up.err());
                Files.writeString(env.resolve("empty.sql"), "");
                CliHarness.Run dump = h.run("diff", "--dialect", "mariadb", "empty.sql", url);
                assertEquals(0, dump.exit(), dump.err());
                assertTrue(dump.out().contains("-- stamp every change"), "the server kept the body's comment:\n" + dump.out());
                Path desired = env.resolve("schema.mysql.sql");
                Files.writeString(desired, dump.out());
                CliHarness.Run check = h.run("--url", url, "check");
                assertEquals(0, check.exit(), check.err() + check.out());

                Files.writeString(desired, dump.out().replace("-- stamp every change; ';' inside is fine", "# stamped")
                        .replace("    END IF;", "  END IF; /* done */"));
                CliHarness.Run other = h.run("--url", url, "check");
                assertEquals(0, other.exit(), other.err() + other.out());
                assertEquals("No new upgrade operations detected.", other.out().strip());

                Files.writeString(desired, dump.out().replace("SET NEW.updated_at = CURRENT_TIMESTAMP;", "SET NEW.updated_at = NOW();"));
                CliHarness.Run changed = h.run("--url", url, "check");
                assertEquals(1, changed.exit(), "a change in what runs is a change: " + changed.out());
                assertTrue(changed.err().contains("('remove_trigger', 'product_touch')"), changed.err());
            } finally {
                st.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    /** The repository's sample-env, without any database file, copied to {@code target}. */
    private static Path copySample(Path target) throws java.io.IOException {
        Path source = Path.of(System.getProperty("retort.root", ".."), "sample-env").toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            source = Path.of("sample-env").toAbsolutePath();
        }
        Path from = source;
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(f -> !f.getFileName().toString().endsWith(".db")).toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
