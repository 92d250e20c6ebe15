package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.TmuxPane;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors with a way out, on the sample: Alembic's first line as it is (the conformance cases
 * compare it), then a hint with the candidates or the command that works, and that command
 * does work.
 */
class ErrorHintTest {

    @TempDir
    Path root;

    private CliHarness h;

    @BeforeEach
    void copySample() throws Exception {
        TmuxPane.copyEnvironment(Path.of(System.getProperty("retort.root", "..")).resolve("sample-env"),
                root.resolve("sample-env"));
        h = new CliHarness(root);
        h.home = root;
    }

    private List<String> errorLines(CliHarness.Run r) {
        return r.err().lines().filter(l -> !l.startsWith("(using")).toList();
    }

    @Test
    void ambiguousPrefixKeepsAlembicsLineAndListsTheCandidatesWithMessages() {
        CliHarness.Run r = h.run("show", "4b7e");
        assertEquals(1, r.exit());
        assertEquals(List.of("FAILED: Can't locate revision identified by '4b7e'",
                "'4b7e' is ambiguous: 2 revisions start with it; type more of the id:",
                "  4b7e21d0c9a3  create product catalogue",
                "  4b7e9a02d3f5  add payment status and refunds"), errorLines(r));
        assertEquals(0, h.run("show", "4b7e2").exit());
    }

    @Test
    void ambiguousWalkNamesTheBranchesThatWork() {
        assertEquals(0, h.run("upgrade", "0b6d4e8f3a17").exit());
        CliHarness.Run r = h.run("upgrade", "+1", "--dry-run");
        assertEquals(1, r.exit());
        assertEquals(List.of("FAILED: Ambiguous walk", "Choose a branch: upgrade payments@+1 or upgrade shipping@+1"),
                errorLines(r));
        assertEquals(0, h.run("upgrade", "shipping@+1", "--dry-run").exit());
        assertEquals(0, h.run("upgrade", "payments@+1", "--dry-run").exit());
    }

    @Test
    void twoCurrentParentsOfAnUnappliedMergeNameTheMerge() {
        assertEquals(0, h.run("upgrade", "0b6d4e8f3a17").exit());
        assertEquals(0, h.run("upgrade", "e81d5f3c7a24").exit());
        assertEquals(2, h.run("current").out().lines().count(), h.run("current").out());
        CliHarness.Run r = h.run("upgrade", "+1", "--dry-run");
        assertEquals(1, r.exit());
        assertEquals(List.of("FAILED: Ambiguous upgrade from multiple current revisions",
                "The next step from 0b6d4e8f3a17 and e81d5f3c7a24 is the merge: upgrade d4e1c7a92b5f"), errorLines(r));
        CliHarness.Run merge = h.run("upgrade", "d4e1c7a92b5f");
        assertEquals(0, merge.exit(), merge.err());
        assertTrue(h.run("current").out().contains("d4e1c7a92b5f"));
    }
}
