package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retort log}: the audit history from retort_history, newest first, by revision, limited. */
class LogCommandTest {

    @TempDir
    Path dir;

    private CliHarness chain() throws Exception {
        return CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "one", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;"),
                "bbbb2222_second.sql", CliHarness.script("bbbb2222", "aaaa1111", "two", "CREATE TABLE b (id INTEGER);",
                        "DROP TABLE b;"),
                "cccc3333_third.sql", CliHarness.script("cccc3333", "bbbb2222", "three", "CREATE TABLE nope (;",
                        "SELECT 1;")));
    }

    @Test
    void newestFirstWithDirectionOutcomeWhoAndError() throws Exception {
        CliHarness h = chain();
        assertEquals(0, h.run("upgrade", "bbbb2222").exit());
        assertEquals(0, h.run("downgrade", "-1").exit());
        assertEquals(1, h.run("upgrade", "heads").exit());
        CliHarness.Run r = h.run("log");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        String user = System.getProperty("user.name");
        assertTrue(lines.get(0).contains("upgrade") && lines.get(0).contains("cccc3333") && lines.get(0).contains("failed"),
                r.out());
        assertTrue(lines.get(1).strip().startsWith("error:"), r.out());
        assertTrue(lines.get(0).contains(" ms") && lines.get(0).contains("by " + user + "@"), r.out());
        List<String> steps = lines.stream().filter(l -> !l.strip().startsWith("error:")).toList();
        assertEquals(List.of("cccc3333", "bbbb2222", "bbbb2222", "bbbb2222", "aaaa1111"),
                steps.stream().map(l -> l.split("\\s+")[3]).toList(), r.out());
        assertEquals(List.of("upgrade", "upgrade", "downgrade", "upgrade", "upgrade"),
                steps.stream().map(l -> l.split("\\s+")[2]).toList(), r.out());
    }

    @Test
    void filteredByRevisionAndLimited() throws Exception {
        CliHarness h = chain();
        h.run("upgrade", "bbbb2222");
        h.run("downgrade", "-1");
        CliHarness.Run r = h.run("log", "bbbb");
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.contains("bbbb2222")), r.out());
        assertEquals(1, h.run("log", "-n", "1").out().lines().count());
        assertTrue(h.run("log", "-n", "1").out().contains("downgrade"));
        assertEquals(1, h.run("log", "--max-count", "1").out().lines().count());
    }

    @Test
    void emptyDatabaseSaysNothingWasRecorded() throws Exception {
        CliHarness.Run r = chain().run("log");
        assertEquals(0, r.exit(), r.err());
        assertEquals("No steps recorded in retort_history yet.\n", r.out());
    }

    @Test
    void unknownRevisionIsAlembicsError() throws Exception {
        CliHarness.Run r = chain().run("log", "zzzz");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("FAILED: Can't locate revision identified by 'zzzz'"), r.err());
    }
}
