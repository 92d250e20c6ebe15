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
}
