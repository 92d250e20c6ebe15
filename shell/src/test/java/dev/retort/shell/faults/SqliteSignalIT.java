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
 * SIGTERM, SIGHUP, SIGINT and kill -9 of {@code retort upgrade heads} on a SQLite file, at a statement
 * that runs for tens of seconds (a recursive CTE), inside and outside a no-transaction section:
 * the running statement is interrupted ({@code sqlite3_interrupt}, not waited for), what is
 * transactional rolls back, one true line says what committed, history says {@code cancelled},
 * the file lock is released, and the next run applies nothing twice. A second runner and
 * {@code status} during the run name the holder, never SQLITE_BUSY.
 */
class SqliteSignalIT {

    /** Runs for 40 s or more on this machine: an exit within {@link #STOPS_WITHIN_S} proves the interrupt. */
    static final String SLOW = "INSERT INTO t2 SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
            + " SELECT x + 1 FROM c WHERE x < 250000000) SELECT x FROM c);";
    static final String QUICK = SLOW.replace("250000000", "1000");
    static final int STOPS_WITHIN_S = 15;
    static final String HUNDRED = "INSERT INTO t1 WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g"
            + " WHERE x < 100) SELECT x FROM g;";

    @TempDir
    Path dir;

    private static PgProject project(Path root, boolean noTransaction) throws Exception {
        PgProject p = PgProject.sqlite(root);
        p.script("aaaa00000001", "", "CREATE TABLE t1 (id INTEGER);\nCREATE TABLE t2 (n INTEGER);");
        p.script("bbbb00000002", "aaaa00000001", (noTransaction ? "-- retort:no-transaction\n" : "")
                + HUNDRED + "\n" + SLOW + "\nINSERT INTO t1 VALUES (101);");
        return p;
    }

    /** Waits until statement {@code index} of bbbb00000002 is recorded as running (no-transaction). */
    private static void awaitRunning(PgProject p, int index) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (p.scalar("SELECT count(*) FROM retort_progress WHERE revision = 'bbbb00000002' AND state ="
                        + " 'running' AND statement_index = " + index) == 1) {
                    Thread.sleep(500); // inside sqlite3_step by now
                    return;
                }
            } catch (java.sql.SQLException notYet) {
                // the table is created by the run
            }
            Thread.sleep(50);
        }
        throw new AssertionError("statement " + index + " of bbbb00000002 never started");
    }

    private static String stop(Process run, String seen, String sig, int exit) throws Exception {
        long t0 = System.nanoTime();
        PgProject.signal(run, sig);
        assertTrue(run.waitFor(STOPS_WITHIN_S, TimeUnit.SECONDS),
                "SIG" + sig + " interrupts the running SQLite statement instead of waiting for it to end");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        String out = seen + PgProject.rest(run);
        assertEquals(exit, run.exitValue(), out + "\n(stopped after " + took + " ms)");
        List<String> failed = out.lines().filter(l -> l.startsWith("FAILED")).toList();
        assertEquals(1, failed.size(), out);
        assertFalse(out.contains("\tat ") || out.contains("SQLITE_"), out);
        return failed.get(0);
    }

    @Test
    void sigtermSighupAndSigintInsideANoTransactionSectionInterruptTheStatementAndTheNextRunResumes()
            throws Exception {
        for (String sig : List.of("TERM", "HUP", "INT")) {
            Path root = dir.resolve("nt" + sig);
            try (PgProject p = project(root, true)) {
                Process run = p.start("upgrade", "heads");
                String seen = PgProject.awaitOutput(run, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
                awaitRunning(p, 1);

                // meanwhile: status names the holder, a second runner is told who holds the lock
                PgProject.Done status = p.run("-x", "lock_timeout=1", "status");
                assertEquals(0, status.exit(), status.out());
                assertTrue(status.out().contains("Lock:     held by pid " + run.pid() + " on host "), status.out());
                PgProject.Done second = p.run("-x", "lock_timeout=1", "upgrade", "heads");
                assertEquals(1, second.exit(), second.out());
                assertTrue(second.out().contains("held by pid " + run.pid()), second.out());
                assertFalse(second.out().contains("SQLITE_BUSY") || second.out().contains("locked"), second.out());

                String failed = stop(run, seen, sig, switch (sig) {
                    case "TERM" -> 143;
                    case "HUP" -> 129;
                    default -> 130; // Ctrl-C: the case, which claimed a rollback
                });
                assertTrue(failed.startsWith(sig.equals("INT") ? "FAILED: Cancelled at bbbb00000002 ("
                        : "FAILED: Cancelled by SIG" + sig + " at bbbb00000002 ("), failed);
                assertTrue(failed.endsWith("; 1 of 3 statements of bbbb00000002 (no-transaction) applied; the 2nd"
                        + " was cancelled; `upgrade` resumes at the 2nd"), failed);
                assertFalse(failed.contains("rolled back"), "the 1st statement committed: " + failed);

                assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));
                assertEquals(List.of("aaaa00000001:success", "bbbb00000002:cancelled"),
                        p.rows("SELECT revision || ':' || outcome FROM retort_history ORDER BY id"));
                assertEquals(100, p.scalar("SELECT count(*) FROM t1"));
                assertEquals(0, p.scalar("SELECT count(*) FROM t2"), "the interrupted INSERT did not commit");
                status = p.run("status");
                assertTrue(status.out().contains("Lock:     free"), status.out());
                assertTrue(status.out().contains("Partial:  1 of 3 statements of bbbb00000002"), status.out());

                Path script = root.resolve("migrations/versions/bbbb00000002_step.sql");
                Files.writeString(script, Files.readString(script).replace(SLOW, QUICK));
                PgProject.Done again = p.run("upgrade", "heads");
                assertEquals(0, again.exit(), again.out());
                assertEquals(101, p.scalar("SELECT count(*) FROM t1"));
                assertEquals(101, p.scalar("SELECT count(DISTINCT id) FROM t1"), "no statement applied twice");
                assertEquals(List.of(1000L), List.of(p.scalar("SELECT n FROM t2")));
                assertEquals(1, p.scalar("SELECT count(*) FROM t2"));
                assertEquals(List.of("bbbb00000002"), p.rows("SELECT version_num FROM retort_version"));
                assertEquals(0, p.scalar("SELECT count(*) FROM retort_progress"));
            }
        }
    }

    @Test
    void sigtermAndSighupInATransactionalStepInterruptTheStatementAndRollBack() throws Exception {
        for (String sig : List.of("TERM", "HUP")) {
            Path root = dir.resolve("tx" + sig);
            try (PgProject p = project(root, false)) {
                Process run = p.start("-x", "transaction_per_migration=true", "upgrade", "heads");
                String seen = PgProject.awaitOutput(run, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
                Thread.sleep(1500); // into the slow INSERT (the first one takes a millisecond)

                PgProject.Done status = p.run("-x", "lock_timeout=1", "status");
                assertTrue(status.out().contains("Lock:     held by pid " + run.pid() + " on host "), status.out());

                String failed = stop(run, seen, sig, sig.equals("TERM") ? 143 : 129);
                assertTrue(failed.startsWith("FAILED: Cancelled by SIG" + sig + " at bbbb00000002 ("), failed);
                assertTrue(failed.endsWith("the step was rolled back"), failed);

                assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));
                assertEquals(List.of("aaaa00000001:success", "bbbb00000002:cancelled"),
                        p.rows("SELECT revision || ':' || outcome FROM retort_history ORDER BY id"));
                assertEquals(0, p.scalar("SELECT count(*) FROM t1"), "the step's first INSERT rolled back");
                assertEquals(0, p.scalar("SELECT count(*) FROM t2"));
                status = p.run("status");
                assertTrue(status.out().contains("Lock:     free"), status.out());
                assertFalse(status.out().contains("Partial:"), status.out());

                Path script = root.resolve("migrations/versions/bbbb00000002_step.sql");
                Files.writeString(script, Files.readString(script).replace(SLOW, QUICK));
                PgProject.Done again = p.run("upgrade", "heads");
                assertEquals(0, again.exit(), again.out());
                assertEquals(101, p.scalar("SELECT count(*) FROM t1"));
                assertEquals(101, p.scalar("SELECT count(DISTINCT id) FROM t1"));
                assertEquals(List.of("bbbb00000002"), p.rows("SELECT version_num FROM retort_version"));
            }
        }
    }

    @Test
    void killDashNineInsideANoTransactionSectionIsNotGuessedAndNothingRunsTwice() throws Exception {
        Path root = dir.resolve("kill");
        try (PgProject p = project(root, true)) {
            Process run = p.start("upgrade", "heads");
            PgProject.awaitOutput(run, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
            awaitRunning(p, 1);
            run.destroyForcibly(); // SIGKILL: no handler runs; the OS drops the file lock
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));

            Path script = root.resolve("migrations/versions/bbbb00000002_step.sql");
            Files.writeString(script, Files.readString(script).replace(SLOW, QUICK));
            PgProject.Done again = p.run("upgrade", "heads");
            assertEquals(1, again.exit(), again.out());
            assertTrue(again.out().contains("FAILED: Can't resume bbbb00000002: 1 of 3 statements of bbbb00000002"
                    + " (no-transaction upgrade) applied; the 2nd was running when the run stopped and may have"
                    + " committed"), again.out());
            assertEquals(100, p.scalar("SELECT count(*) FROM t1"), "nothing applied twice");
            assertEquals(0, p.scalar("SELECT count(*) FROM t2"));
            assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));
            PgProject.Done status = p.run("status");
            assertTrue(status.out().contains("may have committed"), status.out());
            assertTrue(status.out().contains("Lock:     free"), status.out());
        }
    }
}
