package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed no-transaction step as a new user meets it: the failure says what is applied,
 * {@code status}, {@code verify} and {@code --dry-run} show the partly applied step and the
 * way out, and the next {@code upgrade} resumes after what completed, applying nothing twice.
 */
class PartialStepCliTest {

    @TempDir
    Path dir;

    private static String noTx(String body) {
        return "-- retort:no-transaction\n" + body;
    }

    @Test
    void aFailedNoTransactionStepIsShownEverywhereAndTheNextUpgradeResumesAfterWhatCompleted() throws Exception {
        CliHarness cli = CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "first", "CREATE TABLE t1 (id INTEGER);",
                        "DROP TABLE t1;"),
                "bbbb2222_fill.sql", CliHarness.script("bbbb2222", "aaaa1111", "fill",
                        noTx("CREATE TABLE t2 (id INTEGER);\nINSERT INTO t2 VALUES (1);\nINSERT INTO t2 VALUES (2, 'x');"),
                        "DROP TABLE t2;")));
        CliHarness.Run failed = cli.run("upgrade", "heads");
        assertEquals(1, failed.exit(), failed.err());
        assertTrue(failed.err().contains("FAILED: Revision bbbb2222 (") && failed.err().contains(
                "; 2 of 3 statements of bbbb2222 (no-transaction) applied; the 3rd failed; `upgrade` resumes at the 3rd"
                        + " once it is fixed"), failed.err());
        assertFalse(failed.err().contains("rolled back"), failed.err());

        CliHarness.Run status = cli.run("status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("Partial:  2 of 3 statements of bbbb2222 (no-transaction upgrade) applied"),
                status.out());
        assertTrue(status.out().contains("`upgrade bbbb2222` resumes at the 3rd statement"), status.out());
        assertTrue(status.out().contains("upgrade aaaa1111 -> bbbb2222, fill  (partly applied: resumes at the 3rd"
                + " statement)"), "the pending step says it is not starting afresh: " + status.out());
        assertTrue(status.out().contains("          last run failed: Revision bbbb2222 ("), "why, from history: "
                + status.out());
        assertTrue(status.out().contains("`upgrade bbbb2222 --restart-step` runs the step from its 1st statement"),
                status.out());
        CliHarness.Run json = cli.run("status", "--json");
        assertTrue(json.out().contains("\"partial_steps\"") && json.out().contains("\"statements_applied\" : 2")
                || json.out().contains("\"statements_applied\":2"), json.out());

        CliHarness.Run verify = cli.run("verify");
        assertEquals(1, verify.exit());
        assertTrue(verify.out().contains("bbbb2222: partly applied (2 of 3 statements"), verify.out());

        // the fix: the failed statement corrected in the script
        Path script = dir.resolve("migrations/versions/bbbb2222_fill.sql");
        Files.writeString(script, Files.readString(script).replace("VALUES (2, 'x')", "VALUES (2)"));
        CliHarness.Run dry = cli.run("upgrade", "heads", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("-- Resuming bbbb2222 at its 3rd statement (line "), dry.out());
        assertFalse(dry.out().contains("CREATE TABLE t2"), "the dry run shows only what will run: " + dry.out());

        CliHarness.Run resumed = cli.run("upgrade", "heads");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("Resuming bbbb2222 at its 3rd statement"), resumed.err());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var rs = c.createStatement().executeQuery("select count(*), count(distinct id) from t2")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "nothing applied twice");
            assertEquals(2, rs.getInt(2));
        }
        assertEquals(0, cli.run("verify").exit());
        assertFalse(cli.run("status").out().contains("Partial:"));
    }

    @Test
    void inTheShellUpgradeWithYesStillSaysItResumes() throws Exception {
        CliHarness cli = CliHarness.project(dir, Map.of(
                "aaaa1111_fill.sql", CliHarness.script("aaaa1111", "", "fill",
                        noTx("CREATE TABLE t2 (id INTEGER);\nINSERT INTO t2 VALUES (1, 'x');"), "DROP TABLE t2;")));
        cli.interactive = true;
        assertEquals(1, cli.run("upgrade", "heads", "--yes").exit());
        Path script = dir.resolve("migrations/versions/aaaa1111_fill.sql");
        Files.writeString(script, Files.readString(script).replace("VALUES (1, 'x')", "VALUES (1)"));
        CliHarness.Run resumed = cli.run("upgrade", "heads", "--yes");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("Resuming aaaa1111 at its 2nd statement (line "), "no plan was shown, so the"
                + " note is: " + resumed.out() + resumed.err());
    }
}
