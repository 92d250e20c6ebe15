package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 8: relative targets are parsed once, by the engine; a number out of range or a
 * walk past the graph is a one-line error with exit 1, never a success that did nothing and
 * never a stack trace.
 */
class RelativeTargetCliTest {

    private static final String OUT_OF_RANGE = " is out of range (at most 9223372036854775807 steps)";

    @TempDir
    Path dir;

    private CliHarness threeRevisions() throws Exception {
        return CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "first",
                        "CREATE TABLE a (id INTEGER);", "DROP TABLE a;"),
                "bbbb2222_second.sql", CliHarness.script("bbbb2222", "aaaa1111", "second",
                        "CREATE TABLE b (id INTEGER);", "DROP TABLE b;"),
                "cccc3333_third.sql", CliHarness.script("cccc3333", "bbbb2222", "third",
                        "CREATE TABLE c (id INTEGER);", "DROP TABLE c;")));
    }

    private static void assertOneLineFailure(CliHarness.Run r, String message) {
        assertEquals(1, r.exit(), () -> "exit; stdout: " + r.out() + " stderr: " + r.err());
        assertEquals("FAILED: " + message, r.err().strip());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void upgradeByAHugeNegativeNumber() throws Exception {
        assertOneLineFailure(threeRevisions().run("upgrade", "-999999999999999999999"),
                "Relative revision -999999999999999999999" + OUT_OF_RANGE);
    }

    @Test
    void downgradeByLongMinValueDryRun() throws Exception {
        CliHarness h = threeRevisions();
        assertEquals(0, h.run("upgrade", "heads").exit());
        assertOneLineFailure(h.run("downgrade", "-9223372036854775808", "--dry-run"),
                "Relative revision -9223372036854775808" + OUT_OF_RANGE);
    }

    @Test
    void upgradeByAHugePositiveNumber() throws Exception {
        assertOneLineFailure(threeRevisions().run("upgrade", "+999999999999999999999"),
                "Relative revision +999999999999999999999" + OUT_OF_RANGE);
    }

    @Test
    void stampRelativePastTheBaseOffline() throws Exception {
        assertOneLineFailure(threeRevisions().run("stamp", "-5", "--sql"),
                "Relative revision -5 didn't produce 5 migrations");
    }

    @Test
    void historyRangeEndingAHugeNumberUp() throws Exception {
        assertOneLineFailure(threeRevisions().run("history", "-r", ":+999999999999999999999"),
                "Relative revision +999999999999999999999" + OUT_OF_RANGE);
    }

    @Test
    void historyFromFiveBelowTheHeadOfThreeRevisions() throws Exception {
        CliHarness h = threeRevisions();
        assertEquals(0, h.run("upgrade", "heads").exit());
        assertOneLineFailure(h.run("history", "-r", "-5:"), "Relative revision -5 didn't produce 5 migrations");
    }

    @Test
    void inRangeRelativeTargetsStillWork() throws Exception {
        CliHarness h = threeRevisions();
        assertEquals(0, h.run("upgrade", "+2").exit());
        assertEquals(0, h.run("downgrade", "-1").exit());
        CliHarness.Run r = h.run("history", "-r", "-1:");
        assertEquals(0, r.exit(), r.err());
    }
}
