package dev.retort.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.MigrationFailedException;
import dev.retort.engine.api.PartialStep;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The migrator contract on MySQL/MariaDB: one fresh database per test. */
class MySqlMigratorTest extends MigratorContract {

    @Override
    DatabaseFamily family() {
        return DatabaseFamilies.named("mysql").orElseThrow();
    }

    @Override
    String freshUrl(String hint) {
        return TestDatabases.freshMysqlDatabaseUrl("m");
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.dropMysqlDatabase(url);
    }

    @Override
    String slowStatement() {
        return "SELECT SLEEP(30)";
    }

    /** MySQL has no statement that refuses a transaction; one that commits on its own stands in. */
    @Override
    String outsideTransactionOnly() {
        return "CREATE INDEX t1_id ON t1 (id)";
    }

    /**
     * A failing statement in the middle of a multi-statement DDL step: the two CREATE TABLEs
     * before it committed on their own and say so, status shows the step partly applied, and
     * once the statement is fixed the next upgrade resumes after them (re-running either would
     * fail: the tables exist), applying nothing twice.
     */
    @Test
    void failureInTheMiddleOfADdlStepSaysWhatIsAppliedAndTheNextRunResumesAfterIt() throws SQLException {
        Migrator m = migrator();
        LinearHistory broken = history(3, false).upgrade(1, "CREATE TABLE a (id INTEGER)",
                "CREATE TABLE b (id INTEGER)", "INSERT INTO no_such_table VALUES (1)", "CREATE TABLE c (id INTEGER)");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(m, broken.upgradeHeads()));
        assertTrue(e.getMessage().startsWith("Revision r002 (versions/r002_step.sql:14) failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("2 of 4 statements of r002 (implicit-commit) applied; the 3rd failed"),
                e.getMessage());
        assertEquals(List.of("r001"), m.heads());
        assertTrue(tableExists("a") && tableExists("b"));
        assertTrue(!tableExists("c"));
        List<PartialStep> partial = m.status(broken.upgradeHeads()).partial();
        assertEquals(1, partial.size());
        assertEquals("r002", partial.get(0).revision());
        assertEquals(2, partial.get(0).applied());

        LinearHistory fixed = history(3, false).upgrade(1, "CREATE TABLE a (id INTEGER)",
                "CREATE TABLE b (id INTEGER)", "INSERT INTO a VALUES (1)", "CREATE TABLE c (id INTEGER)");
        run(m, fixed.upgradeHeads());
        assertEquals(List.of("r003"), m.heads());
        assertTrue(tableExists("c") && tableExists("t3"));
        assertEquals(List.of(), m.status(fixed.upgradeHeads()).partial());
        try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM a")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the fixed statement ran once");
        }
    }

    /** A step of data changes only still runs in one transaction with its version row. */
    @Test
    void dmlOnlyStepRollsBackWhole() throws SQLException {
        Migrator m = migrator();
        run(m, history(1, false).upgradeHeads());
        LinearHistory h = history(2, false).upgrade(1, "INSERT INTO t1 VALUES (1)", "INSERT INTO no_such_table VALUES (1)");
        assertThrows(MigrationFailedException.class, () -> run(m, h.upgradeHeads()));
        assertEquals(List.of("r001"), m.heads());
        try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t1")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the INSERT before the failure was rolled back");
        }
        assertEquals(List.of(), m.status(h.upgradeHeads()).partial());
    }

    /**
     * The lock's session killed ({@code KILL <id>}) while a run holds it: the run stops before
     * its next step saying the lock is lost, and nothing after that is applied; a new run then
     * takes the lock and completes without applying anything twice.
     */
    @Test
    void killingTheLockSessionStopsTheRunBeforeItsNextStep() throws Exception {
        Migrator m = migrator();
        LinearHistory h = history(4, false);
        for (int i = 0; i < 4; i++) {
            h.upgrade(i, "CREATE TABLE t" + (i + 1) + " (id INTEGER)", "DO SLEEP(0.3)");
        }
        var listener = whenSecondStepStarts(this::killLockSession);
        MigrationFailedException e;
        try (PreparedRun run = m.prepare(h.upgradeHeads())) {
            e = assertThrows(MigrationFailedException.class,
                    () -> run.execute(listener, dev.retort.engine.api.Cancellation.none()));
        }
        assertTrue(e.getMessage().contains("Lost the migration lock on "), e.getMessage());
        assertTrue(!tableExists("t3") && !tableExists("t4"), "nothing ran after the loss");
        run(m, history(4, false).upgradeHeads()); // resumes where the stopped run left off
        assertEquals(List.of("r004"), m.heads());
        assertEquals(4, m.history().stream().filter(x -> x.succeeded()).count(), "each step applied once");
    }

    private void killLockSession() {
        try (Connection c = db.connection(); java.sql.Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT IS_USED_LOCK('retort:" + db.url().database() + ".retort_version')")) {
            rs.next();
            long id = rs.getLong(1);
            st.execute("KILL " + id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
