package dev.retort.shell.json;

import dev.retort.engine.api.RunResult;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.Plan;

/**
 * {@code upgrade}, {@code downgrade} and {@code stamp}: the plan, and whether it ran.
 *
 * @param mode      {@code sql} (offline, {@code --sql}), {@code dry_run} (planned from the
 *                  database, nothing written) or {@code run} (applied)
 * @param plan      the plan; for a run, {@code plan.start_heads}/{@code plan.end_heads} are the
 *                  version rows read under the lock before it and written by it; each step's
 *                  {@code findings} are lint's (as {@code --sql} and {@code --dry-run} print
 *                  them as comments), null for a run
 * @param elapsedMs the run's wall time without waiting for the lock; null unless {@code run}
 */
public record MoveView(String mode, PlanView plan, Long elapsedMs) implements JsonView {

    public static MoveView offline(Plan plan, LintReport lint) {
        return new MoveView("sql", PlanView.of(plan, lint), null);
    }

    public static MoveView dryRun(Plan plan, LintReport lint) {
        return new MoveView("dry_run", PlanView.of(plan, lint), null);
    }

    public static MoveView ran(Plan plan, RunResult result) {
        return new MoveView("run", PlanView.of(plan, null), result.elapsed().toMillis());
    }
}
