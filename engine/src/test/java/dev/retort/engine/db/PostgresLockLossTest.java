package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.MigrationFailedException;
import dev.retort.engine.api.RunListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The migration lock cannot be lost silently (PostgreSQL): its session survives an
 * {@code idle_session_timeout}, and when it is terminated anyway the run stops before the next
 * statement, says what ran and what did not, and the next run resumes without repeating work.
 */
class PostgresLockLossTest {

    private String url;

    @AfterEach
    void drop() {
        if (url != null) {
            TestDatabases.dropSchema(url);
        }
    }

    private static LinearHistory history() {
        return new LinearHistory(2, TestDialect.of(DatabaseFamilies.named("postgresql").orElseThrow()), MigrationSettings.DEFAULT_VERSION_TABLE,
                null, true).upgrade(1, "INSERT INTO t1 SELECT g FROM generate_series(1, 100) g",
                        "SELECT pg_sleep(4)", "INSERT INTO t1 VALUES (101)").noTransaction(1);
    }

    private long count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anIdleSessionTimeoutDoesNotEndTheLocksSession() throws Exception {
        url = TestDatabases.freshPgSchemaUrl("idle");
        // every session of this pool gets a 1 s idle timeout, as ALTER DATABASE ... SET would give it
        try (Database db = Database.open(url + "&options=-c%20idle_session_timeout%3D1000")) {
            Migrator m = new Migrator(db, MigrationSettings.defaults());
            CompletableFuture<Optional<dev.retort.engine.api.LockHolder>> midway = new CompletableFuture<>();
            RunListener listener = MigratorContract.whenSecondStepStarts(() -> CompletableFuture.runAsync(() -> {
                MigratorContract.sleep(2500); // the lock's session has been idle 2.5 s by now
                try (Database other = Database.open(url)) {
                    midway.complete(new Migrator(other, MigrationSettings.defaults()).lockHolder());
                }
            }));
            try (PreparedRun run = m.prepare(history().upgradeHeads())) {
                run.execute(listener, Cancellation.none());
            }
            assertEquals(ProcessHandle.current().pid(), midway.get(10, TimeUnit.SECONDS).orElseThrow().pid(),
                    "status during the run sees the lock held");
            assertEquals(List.of("r002"), m.heads());
            assertEquals(101, count(db, "SELECT count(DISTINCT id) FROM t1"));
        }
    }

    @Test
    void aTerminatedLockSessionStopsTheRunBeforeTheNextStatement() throws Exception {
        url = TestDatabases.freshPgSchemaUrl("lost");
        try (Database db = Database.open(url)) {
            Migrator m = new Migrator(db, MigrationSettings.defaults());
            CompletableFuture<Void> started = new CompletableFuture<>();
            RunListener listener = MigratorContract.whenSecondStepStarts(() -> started.complete(null));
            CompletableFuture<Void> killer = started.thenRunAsync(() -> {
                try {
                    Thread.sleep(1000);
                    try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL);
                            Statement st = c.createStatement()) {
                        st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name"
                                + " LIKE 'retort-lock " + ProcessHandle.current().pid() + " %'");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            MigrationFailedException e;
            try (PreparedRun run = m.prepare(history().upgradeHeads())) {
                e = assertThrows(MigrationFailedException.class, () -> run.execute(listener, Cancellation.none()));
            }
            killer.get(10, TimeUnit.SECONDS);
            assertTrue(e.getMessage().startsWith("Revision r002 (versions/r002_step.sql) failed: The migration lock on "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(" was lost: its session was closed ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("; 2 of 3 statements of r002 (no-transaction) applied; the 3rd did not"
                    + " start; `upgrade` resumes at the 3rd"), e.getMessage());
            assertEquals(List.of("r001"), m.heads());
            assertEquals(100, count(db, "SELECT count(*) FROM t1"));
            assertEquals(Optional.empty(), m.lockHolder());
            assertEquals("r002:failed", m.history().get(1).revision() + ":" + m.history().get(1).outcome());

            try (PreparedRun run = m.prepare(history().upgradeHeads())) {
                assertEquals(2, run.plan().steps().get(0).resumeAt());
                run.execute();
            }
            assertEquals(101, count(db, "SELECT count(*) FROM t1"));
            assertEquals(101, count(db, "SELECT count(DISTINCT id) FROM t1"), "nothing applied twice");
        }
    }
}
