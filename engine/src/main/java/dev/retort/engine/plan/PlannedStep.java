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
 */
public record PlannedStep(
        Step step,
        Path script,
        List<Statement> statements,
        boolean noTransaction,
        boolean createVersionTable,
        List<VersionChange> versionChanges,
        List<String> versionSql,
        List<String> headsAfter) {

    public PlannedStep {
        statements = List.copyOf(statements);
        versionChanges = List.copyOf(versionChanges);
        versionSql = List.copyOf(versionSql);
        headsAfter = List.copyOf(headsAfter);
    }
}
