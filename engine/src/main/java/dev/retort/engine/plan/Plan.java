package dev.retort.engine.plan;

import dev.retort.engine.dialect.Dialect;
import java.util.List;

/**
 * What a run will do, statement by statement: the same object is rendered as offline SQL,
 * shown as a preview, and executed, so that what is shown is exactly what runs.
 *
 * @param dialect                  the dialect the statements are for
 * @param versionTable             version table name
 * @param versionTableSchema       its schema, or null
 * @param transactionPerMigration  one transaction per step rather than one for the run
 * @param startHeads               version-table rows before the run, storage order
 * @param steps                    the steps in execution order
 */
public record Plan(
        Dialect dialect,
        String versionTable,
        String versionTableSchema,
        boolean transactionPerMigration,
        List<String> startHeads,
        List<PlannedStep> steps) {

    public Plan {
        startHeads = List.copyOf(startHeads);
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Version-table rows after the run. */
    public List<String> endHeads() {
        return steps.isEmpty() ? startHeads : steps.get(steps.size() - 1).headsAfter();
    }
}
