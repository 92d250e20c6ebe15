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
        assertTrue(r.err().startsWith("FAILED: Schema ") && r.err().contains("bad.sql") && r.err().strip().lines().count() == 1, r.err());
        CliHarness.Run missing = h.run("diff", "--dialect", "sqlite", "ok.sql", "nowhere.sql");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nowhere.sql does not exist"), missing.err());
        CliHarness.Run neither = h.run("diff", "ok.sql", "ok.sql");
        assertEquals(1, neither.exit());
        assertTrue(neither.err().contains("--dialect"), neither.err());
    }

    @Test
    void mariadbUrlInAlembicFormAgainstASchemaFileWithDelimiters() throws Exception {
        String server = System.getenv().getOrDefault("RETORT_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        String name = "rt_diffcmd_" + ProcessHandle.current().pid();
        Connection admin;
        try {
            admin = DriverManager.getConnection(server);
        } catch (java.sql.SQLException e) {
            org.junit.jupiter.api.Assumptions.assumeFalse("true".equalsIgnoreCase(System.getenv("CI")), "no MariaDB: " + e.getMessage());
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no MariaDB server: " + e.getMessage());
            return;
        }
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
}
