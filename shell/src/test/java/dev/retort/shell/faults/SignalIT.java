package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGHUP at a statement, inside and outside a no-transaction section, against the
 * real PostgreSQL server: the statement is cancelled on the server (checked through
 * {@code pg_stat_activity}), what is transactional rolls back, history records it, the lock
 * is released, one true line says so, and the exit status is 143 / 129. A second runner
 * during the run is told who holds the lock; the next run applies nothing twice.
 */
class SignalIT {

    @TempDir
    Path dir;

    @Test
    void sigtermInsideANoTransactionSectionCancelsOnTheServerAndTheNextRunResumes() throws Exception {
        try (PgProject p = PgProject.create(dir, "term")) {
            p.script("aaaa00000001", "", "CREATE TABLE t1 (id INTEGER);");
            p.script("bbbb00000002", "aaaa00000001", "-- retort:no-transaction\n"
                    + "INSERT INTO t1 SELECT g FROM generate_series(1, 100) g;\n"
                    + "SELECT pg_sleep(30.0101);\n"
                    + "INSERT INTO t1 VALUES (101);");
            Process run = p.start("upgrade", "heads");
            String seen = PgProject.awaitOutput(run, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
            assertTrue(seen.contains("Running upgrade aaaa00000001 -> bbbb00000002"), seen);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (p.running("pg_sleep(30.0101)") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, p.running("pg_sleep(30.0101)"), "the slow statement is running");

            // a second runner meanwhile: told who holds the lock, runs nothing
            PgProject.Done second = p.run("-x", "lock_timeout=1", "upgrade", "heads");
            assertEquals(1, second.exit(), second.out());
            assertTrue(second.out().contains("held by pid " + run.pid()), second.out());

            PgProject.signal(run, "TERM");
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run stops after SIGTERM");
            String out = seen + PgProject.rest(run);
            assertEquals(143, run.exitValue(), out);
            List<String> failed = out.lines().filter(l -> l.startsWith("FAILED")).toList();
            assertEquals(1, failed.size(), out);
            assertTrue(failed.get(0).startsWith("FAILED: Cancelled by SIGTERM at bbbb00000002 ("), out);
            assertTrue(failed.get(0).endsWith("; 1 of 3 statements of bbbb00000002 (no-transaction) applied; the 2nd"
                    + " was cancelled; `upgrade` resumes at the 2nd"), out);
            assertFalse(out.contains("rolled back") || out.contains("\tat "), out);
            assertEquals(0, p.running("pg_sleep(30.0101)"), "nothing of Retort's keeps running on the server");

            assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));
            assertEquals(List.of("aaaa00000001:success", "bbbb00000002:cancelled"),
                    p.rows("SELECT revision || ':' || outcome FROM retort_history ORDER BY id"));
            assertEquals(100, p.scalar("SELECT count(*) FROM t1"));
            PgProject.Done status = p.run("status");
            assertTrue(status.out().contains("Lock:     free"), status.out());
            assertTrue(status.out().contains("Partial:  1 of 3 statements of bbbb00000002"), status.out());

            Path script = dir.resolve("migrations/versions/bbbb00000002_step.sql");
            Files.writeString(script, Files.readString(script).replace("pg_sleep(30.0101)", "pg_sleep(0)"));
            PgProject.Done again = p.run("upgrade", "heads");
            assertEquals(0, again.exit(), again.out());
            assertEquals(101, p.scalar("SELECT count(*) FROM t1"));
            assertEquals(101, p.scalar("SELECT count(DISTINCT id) FROM t1"), "no statement applied twice");
            assertEquals(List.of("bbbb00000002"), p.rows("SELECT version_num FROM retort_version"));
        }
    }

    @Test
    void sigtermAndSighupInATransactionalStepRollBackAndExit143And129() throws Exception {
        for (String sig : List.of("TERM", "HUP")) {
            try (PgProject p = PgProject.create(dir.resolve(sig), "tx" + sig.toLowerCase())) {
                p.script("aaaa00000001", "", "CREATE TABLE t1 (id INTEGER);");
                p.script("bbbb00000002", "aaaa00000001", "INSERT INTO t1 SELECT g FROM generate_series(1, 100) g;\n"
                        + "SELECT pg_sleep(30.0202);");
                Process run = p.start("-x", "transaction_per_migration=true", "upgrade", "heads");
                String seen = PgProject.awaitOutput(run, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (p.running("pg_sleep(30.0202)") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                PgProject.signal(run, sig);
                assertTrue(run.waitFor(30, TimeUnit.SECONDS));
                String out = seen + PgProject.rest(run);
                assertEquals(sig.equals("TERM") ? 143 : 129, run.exitValue(), out);
                assertTrue(out.contains("FAILED: Cancelled by SIG" + sig + " at bbbb00000002 (")
                        && out.contains("the step was rolled back"), out);
                assertEquals(0, p.running("pg_sleep(30.0202)"));
                assertEquals(0, p.scalar("SELECT count(*) FROM t1"), "the step's INSERT rolled back");
                assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));
                assertEquals(List.of("aaaa00000001:success", "bbbb00000002:cancelled"),
                        p.rows("SELECT revision || ':' || outcome FROM retort_history ORDER BY id"));
                assertTrue(p.run("status").out().contains("Lock:     free"));
            }
        }
    }
}
