package dev.retort.shell.json;

import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.Plan;
import java.util.List;

/**
 * A plan: what {@code --sql} prints, {@code --dry-run} shows and a run executes.
 *
 * @param dialect     the SQL dialect's name ({@code sqlite}, {@code postgresql}, ...)
 * @param startHeads  version-table rows before the first step
 * @param endHeads    version-table rows after the last step
 */
public record PlanView(String dialect, String versionTable, String versionTableSchema, boolean transactionalDdl,
        boolean transactionPerMigration, List<String> startHeads, List<String> endHeads, List<StepView> steps) {

    /** {@code lint}: its findings go with their steps; null when the plan was not linted. */
    public static PlanView of(Plan plan, LintReport lint) {
        return new PlanView(plan.dialect().name(), plan.versionTable(), plan.versionTableSchema(),
                plan.dialect().transactionalDdl(), plan.transactionPerMigration(), plan.startHeads(), plan.endHeads(),
                StepView.of(plan, plan.steps(), lint));
    }
}
