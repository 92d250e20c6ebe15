package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration lock as a user sees it, on PostgreSQL, through {@code retort} in its own
 * process: the scenario (a database whose sessions end after 2 s idle, a
 * no-transaction step that sleeps 6 s, a second {@code upgrade heads} 4 s in) applies every
 * statement once, and {@code status} during the run names the holder; a lock session
 * terminated mid-run stops the run before its next statement with one line saying what ran
 * and what did not, and the next run resumes. (The engine-level cases are in
 * {@code PostgresLockLossTest}.)
 */
class PgLockLossIT {

    static final String STEP = "-- retort:no-transaction\n"
            + "INSERT INTO t1 SELECT g FROM generate_series(1, 100) g;\n"
            + "SELECT pg_sleep(6.0404);\n"
            + "INSERT INTO t1 VALUES (101);";

    @TempDir
    Path dir;

    @Test
    void anIdleSessionTimeoutOnTheDatabaseNeitherFreesTheLockNorLetsASecondRunnerRepeatTheStep() throws Exception {
        try (PgProject p = PgProject.database(dir, "idle")) {
            PgProject.admin("ALTER DATABASE " + p.databaseName() + " SET idle_session_timeout = '2s'");
            p.script("aaaa00000001", "", "CREATE TABLE t1 (id INTEGER);");
            p.script("bbbb00000002", "aaaa00000001", STEP);
            Process first = p.start("upgrade", "heads");
            String seen = PgProject.awaitOutput(first, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
            assertTrue(seen.contains("Running upgrade aaaa00000001 -> bbbb00000002"), seen);
            try (Connection idle = DriverManager.getConnection(p.url())) {
                Thread.sleep(4000); // the lock's session has been idle for 4 s, twice the timeout
                assertThrows(SQLException.class, () -> idle.createStatement().execute("SELECT 1"),
                        "the database's idle_session_timeout ends an ordinary idle session");
            }

            Process second = p.start("upgrade", "heads");
            PgProject.Done status = p.run("status");
            assertFalse(status.out().contains("Lock:     free"), status.out());
            assertTrue(status.out().contains("Lock:     held by pid " + first.pid() + " on host "), status.out());

            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
            String firstOut = seen + PgProject.rest(first);
            assertEquals(0, first.exitValue(), firstOut);
            String secondOut = PgProject.rest(second);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, second.exitValue(), secondOut);
            assertFalse(secondOut.contains("Running upgrade"), "the second runner ran nothing: " + secondOut);

            assertEquals(101, p.scalar("SELECT count(*) FROM t1"), firstOut + secondOut);
            assertEquals(101, p.scalar("SELECT count(DISTINCT id) FROM t1"));
            assertEquals(List.of("bbbb00000002"), p.rows("SELECT version_num FROM retort_version"));
            assertEquals(List.of("aaaa00000001:success", "bbbb00000002:success"),
                    p.rows("SELECT revision || ':' || outcome FROM retort_history ORDER BY id"));
        }
    }

    @Test
    void aTerminatedLockSessionStopsTheRunBeforeItsNextStatementAndTheNextRunResumes() throws Exception {
        try (PgProject p = PgProject.database(dir, "term")) {
            p.script("aaaa00000001", "", "CREATE TABLE t1 (id INTEGER);");
            p.script("bbbb00000002", "aaaa00000001", STEP);
            Process run = p.start("upgrade", "heads");
            String seen = PgProject.awaitOutput(run, "Running upgrade aaaa00000001 -> bbbb00000002", 60);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (p.running("pg_sleep(6.0404)") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, p.running("pg_sleep(6.0404)"), "the sleep is running");

            // the lock's session, found as an operator would: the advisory lock in pg_locks
            PgProject.admin("SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d"
                    + " ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = '"
                    + p.databaseName() + "'");
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            String out = seen + PgProject.rest(run);
            assertEquals(1, run.exitValue(), out);
            List<String> failed = out.lines().filter(l -> l.startsWith("FAILED")).toList();
            assertEquals(1, failed.size(), out);
            assertTrue(failed.get(0).startsWith("FAILED: Revision bbbb00000002 (migrations/versions/"
                    + "bbbb00000002_step.sql) failed: The migration lock on "), out);
            assertTrue(failed.get(0).contains(" was lost: its session was closed ("), out);
            assertTrue(failed.get(0).endsWith("; 2 of 3 statements of bbbb00000002 (no-transaction) applied; the 3rd"
                    + " did not start; `upgrade` resumes at the 3rd"), out);
            assertFalse(out.contains("\tat ") || out.contains("rolled back"), out);

            assertEquals(100, p.scalar("SELECT count(*) FROM t1"), "the 3rd statement did not run");
            assertEquals(List.of("aaaa00000001"), p.rows("SELECT version_num FROM retort_version"));
            assertEquals(List.of("aaaa00000001:success", "bbbb00000002:failed"),
                    p.rows("SELECT revision || ':' || outcome FROM retort_history ORDER BY id"));
            PgProject.Done status = p.run("status");
            assertTrue(status.out().contains("Lock:     free"), status.out());
            assertTrue(status.out().contains("Partial:  2 of 3 statements of bbbb00000002"), status.out());

            PgProject.Done again = p.run("upgrade", "heads");
            assertEquals(0, again.exit(), again.out());
            assertEquals(101, p.scalar("SELECT count(*) FROM t1"), again.out());
            assertEquals(101, p.scalar("SELECT count(DISTINCT id) FROM t1"), "nothing applied twice");
            assertEquals(List.of("bbbb00000002"), p.rows("SELECT version_num FROM retort_version"));
            assertEquals(0, p.running("pg_sleep(6.0404)"));
        }
    }
}
