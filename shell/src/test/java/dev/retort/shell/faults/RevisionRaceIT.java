package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 7 as it was seen: eight {@code retort revision --rev-id deadbeef0001} processes
 * at once, with different messages. Exactly one writes its file; the others are told the id
 * exists; every command works afterwards. (ValidIdsTest races threads of one JVM; this races
 * processes, whose only common ground is the directory lock on disk.)
 */
class RevisionRaceIT {

    @TempDir
    Path dir;

    @Test
    void eightRacingRevisionProcessesWithOneIdWriteExactlyOneFile() throws Exception {
        PgProject p = PgProject.sqlite(dir);
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            procs.add(p.start("revision", "-m", "racer " + i, "--rev-id", "deadbeef0001"));
        }
        int ok = 0;
        for (Process proc : procs) {
            String out = PgProject.rest(proc);
            assertTrue(proc.waitFor(120, TimeUnit.SECONDS), out);
            if (proc.exitValue() == 0) {
                ok++;
            } else {
                assertEquals(1, proc.exitValue(), out);
                assertTrue(out.startsWith("FAILED: Revision deadbeef0001 already exists"), out);
            }
        }
        assertEquals(1, ok, "exactly one racer wrote");
        try (Stream<Path> files = Files.list(dir.resolve("migrations/versions"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("deadbeef0001_racer_"), names.toString());
        }
        PgProject.Done heads = p.run("heads");
        assertEquals(0, heads.exit(), heads.out());
        assertEquals("deadbeef0001 (head)", heads.out().strip());
    }
}
