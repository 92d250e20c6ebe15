package dev.retort.engine.plan;

import dev.retort.engine.dialect.Statement;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.nio.file.Path;
import java.util.List;

/**
 * One step of a {@link Plan}.
 *
 * @param step                the graph step
 * @param script              the script file run (null for stamps)
 * @param statements          the script statements, in order (empty for stamps)
 * @param noTransaction       the section runs outside a transaction
 * @param createVersionTable  the version table's CREATE precedes this step (offline: heads empty)
 * @param versionChanges      version-table changes after the statements
 * @param versionSql          those changes as SQL, same order, no terminator
 * @param headsAfter          version-table rows after this step, storage order
 * @param resumeAt            statements already applied by an earlier, interrupted run of this
 *                            self-committing step: the run starts at this index (0: from the start)
 */
public record PlannedStep(
        Step step,
        Path script,
        List<Statement> statements,
        boolean noTransaction,
        boolean createVersionTable,
        List<VersionChange> versionChanges,
        List<String> versionSql,
        List<String> headsAfter,
        int resumeAt) {

    public PlannedStep {
        if (resumeAt < 0 || resumeAt > statements.size()) {
            throw new IllegalArgumentException("resumeAt " + resumeAt + " outside 0.." + statements.size());
        }
        statements = List.copyOf(statements);
        versionChanges = List.copyOf(versionChanges);
        versionSql = List.copyOf(versionSql);
        headsAfter = List.copyOf(headsAfter);
    }

    /** A step run from its first statement. */
    public PlannedStep(Step step, Path script, List<Statement> statements, boolean noTransaction,
            boolean createVersionTable, List<VersionChange> versionChanges, List<String> versionSql,
            List<String> headsAfter) {
        this(step, script, statements, noTransaction, createVersionTable, versionChanges, versionSql, headsAfter, 0);
    }

    /** This step, resuming after its first {@code applied} statements. */
    public PlannedStep resumingAt(int applied) {
        return new PlannedStep(step, script, statements, noTransaction, createVersionTable, versionChanges,
                versionSql, headsAfter, applied);
    }

    /** The statements this step will send: those from {@link #resumeAt()} on. */
    public List<Statement> statementsToRun() {
        return statements.subList(resumeAt, statements.size());
    }

    /** {@code upgrade}, {@code downgrade} or {@code stamp}: the direction recorded in history and progress. */
    public String direction() {
        return step instanceof Step.Migration m ? (m.upgrade() ? "upgrade" : "downgrade") : "stamp";
    }
}
