package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.Cancellation;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.HistoryEntry;
import dev.retort.engine.api.MigrationFailedException;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.api.RunResult;
import dev.retort.engine.plan.PlannedStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every database must show; run once per database family. */
abstract class MigratorContract {

    abstract DatabaseFamily family();

    /** A fresh, empty database's URL. */
    abstract String freshUrl(String hint);

    /** A statement that runs for many seconds unless cancelled. */
    abstract String slowStatement();

    /** A statement that fails when run inside a transaction and succeeds outside one. */
    abstract String outsideTransactionOnly();

    String url;
    Database db;
    final Map<String, String> checksums = new HashMap<>();

    @BeforeEach
    void open() {
        url = freshUrl(getClass().getSimpleName());
        db = Database.open(url);
    }

    @AfterEach
    void close() {
        db.close();
    }

    Migrator migrator() {
        return new Migrator(db, MigrationSettings.defaults().withChecksums(id -> Optional.ofNullable(checksums.get(id))));
    }

    LinearHistory history(int n, boolean perMigration) {
        for (int i = 0; i < n; i++) {
            checksums.putIfAbsent(LinearHistory.id(i), "sum-" + i);
        }
        return new LinearHistory(n, TestDialect.of(family()), MigrationSettings.DEFAULT_VERSION_TABLE, null, perMigration);
    }

    RunResult run(Migrator m, java.util.function.Function<List<String>, dev.retort.engine.plan.Plan> planner) {
        try (PreparedRun run = m.prepare(planner)) {
            return run.execute();
        }
    }

    boolean tableExists(String table) throws SQLException {
        try (Connection c = db.connection()) {
            return new VersionStore(family(), new TableName(null, table)).exists(c);
        }
    }

    void exec(String sql) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void upgradeCreatesVersionTableAppliesEveryStepAndRecordsHistory() throws SQLException {
        Migrator m = migrator();
        assertEquals(List.of(), m.heads());
        RunResult r = run(m, history(3, false).upgradeHeads());
        assertEquals(List.of(), r.headsBefore());
        assertEquals(List.of("r003"), r.headsAfter());
        assertEquals(3, r.steps().size());
        assertEquals(List.of("r003"), m.heads());
        assertTrue(tableExists("t1") && tableExists("t2") && tableExists("t3"));
        List<HistoryEntry> h = m.history();
        assertEquals(List.of("r001", "r002", "r003"), h.stream().map(HistoryEntry::revision).collect(Collectors.toList()));
        HistoryEntry first = h.get(0);
        assertEquals("upgrade", first.direction());
        assertEquals("upgrade  -> r001", first.description());
        assertEquals("sum-0", first.checksum());
        assertEquals(HistoryEntry.SUCCESS, first.outcome());
        assertEquals(System.getProperty("user.name"), first.osUser());
        assertFalse(first.host().isBlank());
        assertEquals(!family().name().equals("sqlite"), first.databaseUser() != null);
    }

    /** {@code column} of {@code revision}'s history rows of {@code direction}, oldest first. */
    List<String> historyColumn(String column, String revision, String direction) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.connection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT " + column + " FROM retort_history WHERE revision = '"
                        + revision + "' AND direction = '" + direction + "' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aLintIgnoreReasonIsKeptInTheHistoryRowOfTheStepThatRan() throws SQLException {
        Migrator m = migrator();
        try (PreparedRun run = m.prepare(history(2, false).upgradeHeads())) {
            run.note("r002", "delete-all: staging data, reloaded nightly");
            run.execute();
        }
        assertEquals(List.of("delete-all: staging data, reloaded nightly"), historyColumn("note", "r002", "upgrade"));
        assertEquals(java.util.Collections.singletonList(null), historyColumn("note", "r001", "upgrade"));
    }

    @Test
    void aHistoryTableFromAnEarlierReleaseIsUpgradedInPlaceAndKeepsItsRows() throws SQLException {
        run(migrator(), history(1, false).upgradeHeads());
        // retort_history as the first release made it: without applied_text and note, one row in it
        String oldDdl = new HistoryStore(family(), new TableName(null, MigrationSettings.DEFAULT_VERSION_TABLE)).ddl()
                .replace(",\n    applied_text TEXT,\n    note TEXT\n", "\n");
        assertFalse(oldDdl.contains("note"), oldDdl);
        exec("DROP TABLE retort_history");
        exec(oldDdl);
        exec("INSERT INTO retort_history (revision, direction, description, script, checksum, started_at, duration_ms,"
                + " outcome) VALUES ('r001', 'upgrade', 'upgrade  -> r001', 'r001.sql', 'sum-0', "
                + (family().name().equals("sqlite") ? "'2025-01-01T00:00:00Z'" : "'2025-01-01 00:00:00'")
                + ", 5, 'success')");

        Migrator m = migrator();
        try (PreparedRun run = m.prepare(history(3, false).upgradeHeads())) {
            run.note("r003", "lock-timeout: tiny table");
            run.execute();
        }
        assertEquals(List.of("r003"), m.heads());
        assertEquals(List.of("r001", "r002", "r003"), m.history().stream().map(HistoryEntry::revision)
                .collect(Collectors.toList()), "the earlier release's row is kept");
        assertEquals(java.util.Collections.singletonList(null), historyColumn("note", "r001", "upgrade"));
        assertEquals(java.util.Collections.singletonList(null), historyColumn("applied_text", "r001", "upgrade"));
        assertEquals(List.of("lock-timeout: tiny table"), historyColumn("note", "r003", "upgrade"));
        assertEquals(1, historyColumn("applied_text", "r003", "upgrade").size());
    }

    @Test
    void nothingPendingStillCreatesTheVersionTableAndWritesNothingElse() throws SQLException {
        RunResult r = run(migrator(), history(0, false).upgradeHeads());
        assertTrue(r.steps().isEmpty());
        assertTrue(tableExists("retort_version"));
        assertEquals(List.of(), migrator().history());
    }

    @Test
    void downgradeThenStampThenPurgeMoveTheVersionTable() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(3, false);
        run(m, h.upgradeHeads());
        run(m, h.downgradeTo(1));
        assertEquals(List.of("r001"), m.heads());
        assertFalse(tableExists("t2"));
        run(m, h.stamp(2));
        assertEquals(List.of("r003"), m.heads());
        try (PreparedRun p = m.prepare(h.stamp(1), true, RunListener.NONE, Cancellation.none())) {
            assertEquals(List.of("r003"), p.heads());
            assertEquals(List.of(), p.plan().startHeads());
            assertEquals("DELETE FROM " + family().dialect().quote("retort_version"), p.purgeSql().orElseThrow());
            p.execute();
        }
        assertEquals(List.of("r002"), m.heads());
        List<String> directions = m.history().stream().map(HistoryEntry::direction).collect(Collectors.toList());
        assertEquals(List.of("upgrade", "upgrade", "upgrade", "downgrade", "downgrade", "stamp", "stamp"), directions);
    }

    @Test
    void failingStatementRollsBackItsStepWithTransactionPerMigration() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(3, true).upgrade(1, "CREATE TABLE half_done (id INTEGER)",
                "INSERT INTO no_such_table VALUES (1)");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        assertTrue(e.getMessage().startsWith("Revision r002 (versions/r002_step.sql:12) failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertEquals(1, e.exitCode());
        assertEquals("INSERT INTO no_such_table VALUES (1)", e.statement().orElseThrow());
        assertEquals(12, e.line());
        assertEquals(List.of("r001"), e.committed().headsAfter());
        assertEquals(1, e.committed().steps().size());
        assertEquals(List.of("r001"), m.heads());
        // MySQL commits DDL implicitly: the step's CREATE TABLE stays, and the step is not recorded
        assertEquals(family().name().equals("mysql"), tableExists("half_done"));
        List<HistoryEntry> hist = m.history();
        assertEquals(2, hist.size());
        assertEquals(HistoryEntry.SUCCESS, hist.get(0).outcome());
        assertEquals("r002", hist.get(1).revision());
        assertEquals(HistoryEntry.FAILED, hist.get(1).outcome());
        assertEquals(e.getMessage(), hist.get(1).error());
        // and the run can be completed once the script is fixed (on MySQL it resumes after the
        // CREATE TABLE that committed, and applied statements may not change)
        LinearHistory fixed = family().name().equals("mysql")
                ? history(3, true).upgrade(1, "CREATE TABLE half_done (id INTEGER)", "CREATE TABLE t2 (id INTEGER)")
                : history(3, true);
        run(m, fixed.upgradeHeads());
        assertEquals(List.of("r003"), m.heads());
    }

    @Test
    void failingStatementInOneTransactionModeRollsBackTheWholeRunWhereDdlIsTransactional() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(3, false).upgrade(1, "INSERT INTO no_such_table VALUES (1)");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        boolean oneTx = family().name().equals("postgresql");
        assertEquals(oneTx ? List.of() : List.of("r001"), m.heads());
        assertEquals(oneTx ? List.of() : List.of("r001"), e.committed().headsAfter());
        assertEquals(!oneTx, tableExists("t1"));
        List<String> outcomes = m.history().stream().map(x -> x.revision() + ":" + x.outcome()).collect(Collectors.toList());
        assertEquals(oneTx ? List.of("r002:failed") : List.of("r001:success", "r002:failed"), outcomes);
    }

    @Test
    void statementsSentToTheDriverAreExactlyThePreview() {
        RecordingDataSource rec = new RecordingDataSource(db.url());
        try (Database recording = RecordingDataSource.open(db.url(), rec)) {
            Migrator m = new Migrator(recording, MigrationSettings.defaults());
            LinearHistory h = history(4, false).upgrade(2, "CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)");
            for (var planner : List.of(h.upgradeTo(3), h.upgradeHeads(), h.downgradeTo(1), h.stamp(3))) {
                try (PreparedRun run = m.prepare(planner)) {
                    List<String> preview = run.sql();
                    rec.sent.clear();
                    run.execute();
                    List<String> sent = rec.sent.stream()
                            .filter(s -> !s.method().equals("executeQuery"))
                            .map(RecordingDataSource.Sent::sql)
                            .filter(s -> !s.contains(HistoryStore.TABLE) && !s.contains(ProgressStore.TABLE))
                            .filter(s -> !s.startsWith("PRAGMA busy_timeout"))
                            .collect(Collectors.toList());
                    assertEquals(preview, sent);
                    assertFalse(preview.isEmpty());
                }
            }
        }
    }

    @Test
    void noTransactionSectionRunsOutsideTheTransactionAndTheStepIsRecordedAfterIt() throws SQLException {
        for (boolean perMigration : List.of(false, true)) {
            Migrator m = migrator();
            LinearHistory h = history(3, perMigration).upgrade(1, outsideTransactionOnly()).noTransaction(1);
            run(m, h.upgradeHeads());
            assertEquals(List.of("r003"), m.heads());
            run(m, h.downgradeTo(0));
            assertEquals(List.of(), m.heads());
        }
    }

    @Test
    void failureInsideNoTransactionSectionSaysWhatIsAppliedAndTheNextRunResumesAfterIt() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(3, false).upgrade(1, "CREATE TABLE kept (id INTEGER)",
                "INSERT INTO kept VALUES (1)", "INSERT INTO no_such_table VALUES (1)").noTransaction(1);
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        assertTrue(e.getMessage().startsWith("Revision r002 (versions/r002_step.sql:14) failed: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; 2 of 3 statements of r002 (no-transaction) applied; the 3rd failed;"
                + " `upgrade` resumes at the 3rd once it is fixed"), e.getMessage());
        assertFalse(e.getMessage().contains("rolled back"), e.getMessage());
        assertEquals(List.of("r001"), m.heads());
        assertTrue(tableExists("kept"));
        assertEquals(List.of("r001:success", "r002:failed"),
                m.history().stream().map(x -> x.revision() + ":" + x.outcome()).collect(Collectors.toList()));
        assertEquals(e.getMessage(), m.history().get(1).error());

        // status shows the half-applied step
        var status = m.status(h.upgradeHeads());
        assertEquals(1, status.partial().size());
        assertEquals("2 of 3 statements of r002 (no-transaction upgrade) applied", status.partial().get(0).describe());

        // the same broken script again: resumes at the 3rd, fails again, applies nothing twice
        MigrationFailedException again = assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        assertTrue(again.getMessage().contains("2 of 3 statements of r002 (no-transaction) applied; the 3rd failed"),
                again.getMessage());
        assertEquals(1, count("kept"));

        // the failed statement fixed in the script: the plan says it resumes, and it does
        LinearHistory fixed = history(3, false).upgrade(1, "CREATE TABLE kept (id INTEGER)",
                "INSERT INTO kept VALUES (1)", "INSERT INTO kept VALUES (2)").noTransaction(1);
        try (PreparedRun run = m.prepare(fixed.upgradeHeads())) {
            assertEquals(List.of("Resuming r002 at its 3rd statement (line 14): 2 of 3 statements of r002"
                    + " (no-transaction upgrade) applied by an earlier run"), run.notes());
            assertEquals(2, run.plan().steps().get(0).resumeAt());
            assertEquals("INSERT INTO kept VALUES (2)", run.sql().get(0), "the preview starts where the run does");
            run.execute();
        }
        assertEquals(List.of("r003"), m.heads());
        assertEquals(2, count("kept"));
        assertEquals(List.of(), m.partialSteps());
        assertEquals(List.of(), m.status(h.upgradeHeads()).partial());
    }

    @Test
    void anAppliedStatementThatChangedIsRefusedWithTheDiffAndRestartStepRunsFromTheFirst() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(2, true).upgrade(1, "CREATE TABLE kept (id INTEGER)",
                "INSERT INTO no_such_table VALUES (1)").noTransaction(1);
        assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        LinearHistory edited = history(2, true).upgrade(1, "CREATE TABLE IF NOT EXISTS kept (id INTEGER)",
                "INSERT INTO kept VALUES (1)").noTransaction(1);
        RetortException e = assertThrows(RetortException.class, () -> m.prepare(edited.upgradeHeads()).close());
        assertEquals("Can't resume r002: its 1st statement (line 10) was applied by an earlier run and has changed"
                + " since; statements already applied may not change (those not yet applied may). Put it back, or use"
                + " --restart-step:\n- CREATE TABLE kept (id INTEGER)\n+ CREATE TABLE IF NOT EXISTS kept (id INTEGER)",
                e.getMessage());
        assertEquals(Optional.empty(), m.lockHolder(), "a refused plan releases the lock");
        try (PreparedRun run = m.prepare(edited.upgradeHeads(), false, RunListener.NONE, Cancellation.none(),
                dev.retort.engine.api.PartialStepPolicy.RESTART_STEP)) {
            assertEquals(0, run.plan().steps().get(0).resumeAt());
            assertTrue(run.notes().get(0).startsWith("Restarting r002 from its first statement (--restart-step)"),
                    run.notes().toString());
            run.execute();
        }
        assertEquals(List.of("r002"), m.heads());
        assertEquals(1, count("kept"));
        assertEquals(List.of(), m.partialSteps());
    }

    @Test
    void downgradeOfAPartlyAppliedStepIsExplainedAndStampForgetsIt() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(2, true).upgrade(1, "CREATE TABLE kept (id INTEGER)",
                "INSERT INTO no_such_table VALUES (1)").noTransaction(1);
        assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        RetortException e = assertThrows(RetortException.class, () -> m.prepare(h.downgradeTo(0)).close());
        assertEquals("1 of 2 statements of r002 (no-transaction upgrade) applied by an earlier run; finish that step"
                + " first: `upgrade r002` resumes it, or undo its statements by hand and `stamp` the current heads to"
                + " forget the record", e.getMessage());
        assertEquals(List.of("r001"), m.heads());
        exec("DROP TABLE kept");
        try (PreparedRun run = m.prepare(h.stamp(0), false, RunListener.NONE, Cancellation.none(),
                dev.retort.engine.api.PartialStepPolicy.FORGET)) {
            assertEquals(List.of("1 of 2 statements of r002 (no-transaction upgrade) applied: stamp neither runs nor"
                    + " undoes them, and forgets that record"), run.notes());
            run.execute();
        }
        assertEquals(List.of(), m.partialSteps());
        run(m, history(2, true).upgradeHeads());
        assertEquals(List.of("r002"), m.heads());
    }

    @Test
    void aStatementThatMayHaveCommittedIsNotGuessed() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(2, true).upgrade(1, "CREATE TABLE kept (id INTEGER)",
                "INSERT INTO no_such_table VALUES (1)").noTransaction(1);
        assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        // what a killed runner leaves: the 2nd statement recorded as running
        exec("INSERT INTO retort_progress (revision, direction, mode, statement_index, statement_count, line,"
                + " statement_sha, statement_sql, state, updated_at) VALUES ('r002', 'upgrade', 'no-transaction', 1, 2,"
                + " 12, 'x', 'INSERT INTO no_such_table VALUES (1)', 'running', 'now')");
        assertEquals("1 of 2 statements of r002 (no-transaction upgrade) applied; the 2nd was running when the run"
                + " stopped and may have committed", m.partialSteps().get(0).describe());
        RetortException e = assertThrows(RetortException.class, () -> m.prepare(h.upgradeHeads()).close());
        assertTrue(e.getMessage().startsWith("Can't resume r002: 1 of 2 statements"), e.getMessage());
        assertTrue(e.getMessage().contains("`upgrade --restart-step`"), e.getMessage());
    }

    @Test
    void cancelInsideANoTransactionSectionSaysWhatCommittedNotARollback() throws Exception {
        Migrator m = migrator();
        LinearHistory h = history(3, false).upgrade(1, "CREATE TABLE kept (id INTEGER)", "INSERT INTO kept VALUES (1)",
                slowStatement(), "INSERT INTO kept VALUES (2)").noTransaction(1);
        MigrationFailedException e = cancelledInSecondStep(m, h, 800);
        assertEquals(130, e.exitCode());
        assertEquals("Cancelled at r002 (versions/r002_step.sql:14); 2 of 4 statements of r002 (no-transaction)"
                + " applied; the 3rd was cancelled; `upgrade` resumes at the 3rd", e.getMessage());
        assertEquals(List.of("r001"), m.heads());
        assertEquals(1, count("kept"));
        assertEquals(List.of("r001:success", "r002:cancelled"),
                m.history().stream().map(x -> x.revision() + ":" + x.outcome()).collect(Collectors.toList()));
        assertEquals(2, m.partialSteps().get(0).applied());
        assertFalse(m.partialSteps().get(0).inDoubt());
    }

    long count(String table) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void secondRunnerTimesOutNamingTheHolderAndStatusShowsIt() {
        Migrator first = migrator();
        LinearHistory h = history(2, false);
        try (PreparedRun held = first.prepare(h.upgradeHeads())) {
            assertEquals(ProcessHandle.current().pid(), first.lockHolder().orElseThrow().pid());
            try (Database other = Database.open(url)) {
                Migrator second = new Migrator(other, MigrationSettings.defaults().withLockTimeout(Duration.ofMillis(300)));
                long t0 = System.nanoTime();
                RetortException e = assertThrows(RetortException.class, () -> second.prepare(h.upgradeHeads()));
                assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300));
                assertTrue(e.getMessage().startsWith("Timed out after 0.3s waiting for the migration lock on "
                        + DatabaseUrl.mask(url) + "; it is held by pid " + ProcessHandle.current().pid() + " on host "),
                        e.getMessage());
                assertTrue(e.getMessage().contains(" since 20"), e.getMessage());
                assertEquals(ProcessHandle.current().pid(), second.status(h.upgradeHeads()).lockHolder().orElseThrow().pid());
            }
            held.execute();
        }
        assertEquals(Optional.empty(), first.lockHolder());
        try (PreparedRun again = first.prepare(h.upgradeHeads())) {
            assertTrue(again.plan().isEmpty());
        }
    }

    @Test
    void statusListsHeadsPendingStepsAndChangedScripts() {
        Migrator m = migrator();
        LinearHistory h = history(4, false);
        run(m, h.upgradeTo(3));
        var status = m.status(h.upgradeHeads());
        assertEquals(List.of("r003"), status.currentHeads());
        assertEquals(List.of("upgrade r003 -> r004"),
                status.pending().stream().map(PlannedStep::step).map(s -> s.describe()).collect(Collectors.toList()));
        assertEquals(Optional.empty(), status.lockHolder());
        assertEquals(List.of(), status.changedScripts());

        checksums.put("r002", "edited");
        checksums.remove("r003");
        List<ChangedScript> changed = m.changedScripts();
        assertEquals(List.of("r002", "r003"), changed.stream().map(ChangedScript::revision).collect(Collectors.toList()));
        assertEquals("sum-1", changed.get(0).appliedChecksum());
        assertEquals("edited", changed.get(0).currentChecksum());
        assertTrue(changed.get(1).missing());

        checksums.put("r003", "sum-2");
        run(m, h.downgradeTo(1)); // r002 is no longer applied: its edit no longer matters
        assertEquals(List.of(), m.changedScripts());
    }

    @Test
    void cancelStopsTheRunningStatementRollsBackAndExitsWith130() throws Exception {
        Migrator m = migrator();
        LinearHistory h = history(3, true).upgrade(1, slowStatement());
        long t0 = System.nanoTime();
        MigrationFailedException e = cancelledInSecondStep(m, h, 400);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "cancel took effect");
        assertEquals(130, e.exitCode());
        assertTrue(e.cancelled());
        assertTrue(e.getMessage().startsWith("Cancelled at r002 (versions/r002_step.sql:10); the step was rolled back"),
                e.getMessage());
        assertEquals(List.of("r001"), m.heads());
        assertEquals(List.of("r001:success", "r002:cancelled"),
                m.history().stream().map(x -> x.revision() + ":" + x.outcome()).collect(Collectors.toList()));
        // the pool is healthy afterwards
        run(m, history(3, true).upgradeHeads());
        assertEquals(List.of("r003"), m.heads());
    }

    @Test
    void versionTableChangedOutsideTheLockIsRefusedBeforeAnythingRuns() throws SQLException {
        Migrator m = migrator();
        LinearHistory h = history(2, false);
        run(m, h.upgradeTo(1));
        try (PreparedRun run = m.prepare(h.upgradeHeads())) {
            exec("UPDATE retort_version SET version_num = 'r002'");
            RetortException e = assertThrows(RetortException.class, run::execute);
            assertTrue(e.getMessage().contains("changed since the plan was made (it was [r001], now [r002])"),
                    e.getMessage());
        }
        assertFalse(tableExists("t2"));
    }

    @Test
    void versionTableNameIsConfigurable() throws SQLException {
        Migrator m = new Migrator(db, MigrationSettings.defaults().withVersionTable("alembic_version", null));
        LinearHistory h = new LinearHistory(2, TestDialect.of(family()), "alembic_version", null, false);
        run(m, h.upgradeHeads());
        assertTrue(tableExists("alembic_version"));
        assertFalse(tableExists("retort_version"));
        assertEquals(List.of("r002"), m.heads());
    }

    /** A listener that runs {@code action} (on the runner's thread) as the run's second step starts. */
    static RunListener whenSecondStepStarts(Runnable action) {
        return new RunListener() {
            @Override
            public void stepStarted(int index, int total, PlannedStep step) {
                if (index == 1) {
                    action.run();
                }
            }
        };
    }

    /**
     * Upgrades {@code h} to its heads and cancels {@code afterMs} into its second step; the
     * failure the run ends with.
     */
    MigrationFailedException cancelledInSecondStep(Migrator m, LinearHistory h, long afterMs) throws Exception {
        Cancellation cancel = new Cancellation();
        CompletableFuture<Void> started = new CompletableFuture<>();
        RunListener listener = whenSecondStepStarts(() -> started.complete(null));
        CompletableFuture<Void> canceller = started.thenRunAsync(() -> {
            sleep(afterMs);
            cancel.cancel();
        });
        MigrationFailedException e;
        try (PreparedRun run = m.prepare(h.upgradeHeads())) {
            e = assertThrows(MigrationFailedException.class, () -> run.execute(listener, cancel));
        }
        canceller.get(5, TimeUnit.SECONDS);
        return e;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
