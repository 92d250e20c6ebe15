package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a one-shot run, as a person at a terminal sends it: SIGINT to the process
 * while a long statement runs. The statement is cancelled, the step rolls back, the process
 * says so in one line and exits 130, and the database keeps the rows of the steps before it.
 */
class CliInterruptTest {

    @TempDir
    Path dir;

    @Test
    void sigintDuringALongStatementRollsBackTheStepAndExits130() throws Exception {
        String slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400000000) "
                + "SELECT count(*) FROM c;";
        CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "first", "CREATE TABLE t1 (id INTEGER);",
                        "DROP TABLE t1;"),
                "bbbb2222_slow.sql", CliHarness.script("bbbb2222", "aaaa1111", "slow",
                        "CREATE TABLE t2 (id INTEGER);\n" + slow, "DROP TABLE t2;")));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.retort.shell.Main", "upgrade", "heads"))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        // wait until the slow step has started
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var in = p.getInputStream();
        while (!seen.toString().contains("Running upgrade aaaa1111 -> bbbb2222") && System.nanoTime() < deadline) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.append((char) b);
        }
        assertTrue(seen.toString().contains("Running upgrade aaaa1111 -> bbbb2222"), seen.toString());
        Thread.sleep(300);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stops after Ctrl-C");
        String out = seen + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), out);
        assertTrue(out.contains("FAILED: ") && out.contains("bbbb2222"), out);
        assertFalse(out.contains("\tat "), out);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var rs = c.createStatement().executeQuery("select version_num from retort_version")) {
            assertTrue(rs.next());
            assertEquals("aaaa1111", rs.getString(1), "the first step stays, the interrupted one is rolled back");
            assertFalse(rs.next());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var rs = c.createStatement().executeQuery("select count(*) from sqlite_master where name = 't2'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the interrupted step's DDL is rolled back");
        }
    }
}
