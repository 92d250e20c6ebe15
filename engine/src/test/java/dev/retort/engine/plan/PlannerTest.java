package dev.retort.engine.plan;

import static dev.retort.engine.plan.Fixtures.down;
import static dev.retort.engine.plan.Fixtures.rev;
import static dev.retort.engine.plan.Fixtures.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.PostgresDialect;
import dev.retort.engine.dialect.SqliteDialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Fixtures.LinearTracker;
import dev.retort.engine.plan.Fixtures.Scripts;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Revision a = rev("aaaa1111");
    private final Revision b = rev("bbbb2222", "aaaa1111");
    private final Revision c = rev("cccc3333", "bbbb2222");

    private Planner sqlite(Scripts scripts) {
        return new Planner(new SqliteDialect(), scripts, "alembic_version", null, false);
    }

    @Test
    void statementsCarryTheirFileLines() {
        Scripts scripts = new Scripts().up("aaaa1111", "\nCREATE TABLE t (id INT);\n\n-- note\nINSERT INTO t VALUES (1);\n", 9);
        Plan plan = sqlite(scripts).plan(List.of(up(a)), new LinearTracker());
        assertEquals(List.of(new Statement("CREATE TABLE t (id INT)", 10), new Statement("INSERT INTO t VALUES (1)", 13)),
                plan.steps().get(0).statements());
        assertEquals(Path.of("/env/versions/aaaa1111_x.sql"), plan.steps().get(0).script());
    }

    @Test
    void sectionIsAskedForTheDialectByName() {
        Scripts scripts = new Scripts().up("aaaa1111", "SELECT 1", 1);
        new Planner(new PostgresDialect(), scripts, "alembic_version", null, false).plan(List.of(up(a)), new LinearTracker());
        assertEquals(List.of("postgresql"), scripts.dialectsAsked);
    }

    @Test
    void missingDowngradeIsRefusedBeforeAnyStepIsPlanned() {
        Scripts scripts = new Scripts().down("cccc3333", "DROP TABLE c", 5).down("aaaa1111", "DROP TABLE a", 5);
        LinearTracker tracker = new LinearTracker("cccc3333");
        RetortException e = assertThrows(RetortException.class,
                () -> sqlite(scripts).plan(List.of(down(c), down(b), down(a)), tracker));
        assertEquals("Revision bbbb2222 (bbbb2222_x.sql) has no downgrade section; cannot downgrade through it",
                e.getMessage());
        assertTrue(tracker.applied.isEmpty(), "no step may be applied once a refusal is due");
    }

    @Test
    void missingDowngradeOfARevisionWithoutFileNamesJustTheId() {
        Revision bare = Revision.of("dead", List.of(), List.of(), List.of());
        RetortException e = assertThrows(RetortException.class,
                () -> sqlite(new Scripts()).plan(List.of(new Step.Migration(bare, false, List.of())), new LinearTracker("dead")));
        assertEquals("Revision dead has no downgrade section; cannot downgrade through it", e.getMessage());
    }

    @Test
    void splitterErrorsNameTheRevisionFileAndLine() {
        Scripts scripts = new Scripts().up("aaaa1111", "SELECT 1;\nSELECT 'oops;\n", 7);
        LinearTracker tracker = new LinearTracker();
        RetortException e = assertThrows(RetortException.class, () -> sqlite(scripts).plan(List.of(up(a)), tracker));
        assertEquals("Revision aaaa1111 (aaaa1111_x.sql): unterminated string starting at line 8", e.getMessage());
        assertTrue(tracker.applied.isEmpty());
    }

    @Test
    void noTransactionComesFromTheSection() {
        Scripts scripts = new Scripts().up("aaaa1111", "CREATE TABLE t (id INT)", 1)
                .upNoTransaction("bbbb2222", "CREATE INDEX CONCURRENTLY i ON t (id)", 1);
        Plan plan = sqlite(scripts).plan(List.of(up(a), up(b)), new LinearTracker());
        assertFalse(plan.steps().get(0).noTransaction());
        assertTrue(plan.steps().get(1).noTransaction());
    }

    @Test
    void versionTableIsCreatedOnlyWhenNoRowsPrecedeTheStep() {
        Scripts scripts = new Scripts().up("aaaa1111", "", 1).up("bbbb2222", "", 1);
        Plan plan = sqlite(scripts).plan(List.of(up(a), up(b)), new LinearTracker());
        assertTrue(plan.steps().get(0).createVersionTable());
        assertFalse(plan.steps().get(1).createVersionTable());
    }

    @Test
    void versionTableIsCreatedAgainAfterAllRowsWereDeleted() {
        Revision other = rev("ffff0000");
        Scripts scripts = new Scripts().down("aaaa1111", "DROP TABLE a", 1).up("ffff0000", "CREATE TABLE f (id INT)", 1);
        Plan plan = sqlite(scripts).plan(List.of(down(a), up(other)), new LinearTracker("aaaa1111"));
        assertFalse(plan.steps().get(0).createVersionTable());
        assertEquals(List.of(), plan.steps().get(0).headsAfter());
        assertTrue(plan.steps().get(1).createVersionTable());
        assertEquals(List.of("ffff0000"), plan.endHeads());
    }

    @Test
    void versionChangesAndTheirSqlFollowTheTracker() {
        Scripts scripts = new Scripts().up("bbbb2222", "", 1).up("cccc3333", "", 1);
        Plan plan = new Planner(new PostgresDialect(), scripts, "retort_version", "ops", true)
                .plan(List.of(up(b), up(c)), new LinearTracker("aaaa1111"));
        assertEquals(List.of("aaaa1111"), plan.startHeads());
        PlannedStep first = plan.steps().get(0);
        assertEquals(List.of(new VersionChange.Update("aaaa1111", "bbbb2222")), first.versionChanges());
        assertEquals(List.of("UPDATE ops.retort_version SET version_num='bbbb2222' WHERE ops.retort_version.version_num = 'aaaa1111'"),
                first.versionSql());
        assertEquals(List.of("bbbb2222"), first.headsAfter());
        assertEquals(List.of("cccc3333"), plan.endHeads());
        assertTrue(plan.transactionPerMigration());
        assertEquals("ops", plan.versionTableSchema());
    }

    @Test
    void stampsRunNoScript() {
        Step stamp = new Step.Stamp(List.of(), List.of("bbbb2222"), true, false);
        Plan plan = sqlite(new Scripts()).plan(List.of(stamp), new LinearTracker());
        PlannedStep step = plan.steps().get(0);
        assertNull(step.script());
        assertEquals(List.of(), step.statements());
        assertEquals(List.of("INSERT INTO alembic_version (version_num) VALUES ('bbbb2222')"), step.versionSql());
        assertTrue(step.createVersionTable());
    }

    @Test
    void noStepsGiveAnEmptyPlanKeepingTheRows() {
        Plan plan = sqlite(new Scripts()).plan(List.of(), new LinearTracker("aaaa1111"));
        assertTrue(plan.isEmpty());
        assertEquals(List.of("aaaa1111"), plan.endHeads());
    }
}
