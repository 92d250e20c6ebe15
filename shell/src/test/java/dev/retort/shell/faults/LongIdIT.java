package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 6 on the real PostgreSQL server, through {@code retort} in its own process: an
 * id longer than {@code version_num} holds is refused by {@code revision}, and a script that
 * carries one anyway (written by hand) stops {@code upgrade} before anything runs, so its
 * no-transaction body can no longer commit ahead of a version INSERT that must fail.
 */
class LongIdIT {

    @TempDir
    Path dir;

    @Test
    void aFortyCharacterIdIsRefusedOnWriteAndOnLoadBeforeANoTransactionBodyRuns() throws Exception {
        String id = "a".repeat(40);
        try (PgProject p = PgProject.create(dir, "longid")) {
            PgProject.Done write = p.run("revision", "-m", "too long", "--rev-id", id);
            assertEquals(1, write.exit(), write.out());
            assertTrue(write.out().startsWith("FAILED: Revision identifier '" + id + "' is 40 characters long; the version"
                    + " table holds 32"), write.out());
            try (var files = Files.list(dir.resolve("migrations/versions"))) {
                assertEquals(0, files.count(), "nothing was written");
            }

            p.script(id, "", "-- retort:no-transaction\nCREATE TABLE t1 (id INTEGER);\nINSERT INTO t1 VALUES (1);");
            PgProject.Done up = p.run("upgrade", "heads");
            assertEquals(1, up.exit(), up.out());
            List<String> lines = up.out().lines().toList();
            assertEquals(1, lines.size(), up.out());
            assertTrue(lines.get(0).startsWith("FAILED: ") && lines.get(0).contains(id + "_step.sql: Revision identifier '"
                    + id + "' is 40 characters long"), up.out());
            assertFalse(up.out().contains("Running upgrade"), up.out());
            assertEquals(List.of(), p.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + p.schema + "'"), "nothing ran: no t1, no version table");
        }
    }
}
