package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database is at a revision whose script is not here (another branch is checked out):
 * current and status still report, marked, with the way out; upgrade and downgrade refuse
 * with the same advice instead of a bare "Can't locate revision".
 */
class MissingScriptTest {

    @TempDir
    Path dir;

    @Test
    void readOnlyCommandsReportAndMovesRefuseWithAdvice() throws Exception {
        CliHarness cli = CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "first", "CREATE TABLE t1 (id INTEGER);",
                        "DROP TABLE t1;"),
                "c1d6e64037b8_other.sql", CliHarness.script("c1d6e64037b8", "aaaa1111", "other branch",
                        "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;")));
        assertEquals(0, cli.run("upgrade", "heads").exit());
        Files.delete(dir.resolve("migrations/versions/c1d6e64037b8_other.sql")); // git checkout of another branch

        CliHarness.Run current = cli.run("current");
        assertEquals(0, current.exit(), current.err());
        assertEquals("c1d6e64037b8 (missing script)", current.out().strip());
        assertTrue(current.err().contains("stamp --purge"), current.err());

        CliHarness.Run status = cli.run("status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("Current:  c1d6e64037b8 (missing script)"), status.out());
        assertTrue(status.out().contains("check out the branch that has its script, or reset the version table with"
                + " `stamp --purge REVISION`"), status.out());

        for (String verb : new String[] {"upgrade", "downgrade"}) {
            CliHarness.Run r = cli.run(verb, verb.equals("upgrade") ? "heads" : "base");
            assertEquals(1, r.exit(), r.err());
            assertEquals("FAILED: Can't " + verb + ": the database is at c1d6e64037b8, which has no script here"
                    + " (missing script); check out the branch that has its script, or reset the version table with"
                    + " `stamp --purge REVISION`", r.err().strip());
        }
        CliHarness.Run stamp = cli.run("stamp", "--purge", "aaaa1111");
        assertEquals(0, stamp.exit(), stamp.err());
        assertTrue(cli.run("current").out().contains("aaaa1111"));
    }
}
