package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.PartialStepPolicy;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a plan to the steps an earlier run left partly applied: the step resumes at the first
 * statement that did not complete, or starts over ({@code --restart-step}), or is forgotten
 * ({@code stamp}); anything else is refused with the way out, before anything runs. Each
 * decision is told as a note for the plan's preview, so that what is shown is what runs.
 */
final class Resumption {
    private Resumption() {}

    /** The plan to run and what to tell the user about it. */
    record Fitted(Plan plan, List<String> notes) {}

    static Fitted fit(Plan plan, List<PartialStep> partial, PartialStepPolicy policy) {
        List<String> notes = new ArrayList<>();
        List<PlannedStep> steps = new ArrayList<>(plan.steps());
        for (PartialStep p : partial) {
            if (policy == PartialStepPolicy.FORGET) {
                notes.add(p.describe() + ": stamp neither runs nor undoes them, and forgets that record");
                continue;
            }
            int k = indexOf(steps, p);
            if (k < 0) {
                throw new RetortException(p.describe() + " by an earlier run; finish that step first: `"
                        + p.direction() + " " + p.revision() + "` resumes it"
                        + (p.inDoubt() ? " (with --restart-step)" : "") + ", or undo its statements by hand and"
                        + " `stamp` the current heads to forget the record");
            }
            PlannedStep step = steps.get(k);
            if (policy == PartialStepPolicy.RESTART_STEP) {
                notes.add("Restarting " + p.revision() + " from its first statement (--restart-step): " + p.describe()
                        + " before, and run again");
                continue;
            }
            if (p.inDoubt()) {
                throw new RetortException("Can't resume " + p.revision() + ": " + p.describe()
                        + ". Check the database; then `" + p.direction() + " --restart-step` runs the step from its"
                        + " first statement (its statements must be safe to repeat), or complete it by hand and"
                        + " `stamp " + target(step) + "`");
            }
            checkUnchanged(p, step);
            PlannedStep resumed = step.resumingAt(p.applied());
            steps.set(k, resumed);
            notes.add(resumed.resumeAt() == step.statements().size()
                    ? "Completing " + p.revision() + ": " + p.describe() + " by an earlier run; only its version"
                            + " change is left"
                    : "Resuming " + p.revision() + " at its " + PartialStep.ordinal(p.applied() + 1) + " statement (line "
                            + step.statements().get(p.applied()).line() + "): " + p.describe() + " by an earlier run");
        }
        return new Fitted(new Plan(plan.dialect(), plan.versionTable(), plan.versionTableSchema(),
                plan.transactionPerMigration(), plan.startHeads(), steps), notes);
    }

    private static int indexOf(List<PlannedStep> steps, PartialStep p) {
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep s = steps.get(i);
            if (s.step() instanceof Step.Migration m && m.revision().id().equals(p.revision())
                    && s.direction().equals(p.direction())) {
                return i;
            }
        }
        return -1;
    }

    private static String target(PlannedStep step) {
        return String.join(" ", step.headsAfter());
    }

    /** Applied statements may not change (those not yet applied may); refused with the diff. */
    private static void checkUnchanged(PartialStep p, PlannedStep step) {
        List<Statement> now = step.statements();
        for (PartialStep.StatementProgress done : p.statements()) {
            if (!done.applied()) {
                continue;
            }
            Statement current = done.index() < now.size() ? now.get(done.index()) : null;
            if (current == null || !ProgressStore.sha256(current.sql()).equals(done.sha256())) {
                StringBuilder m = new StringBuilder("Can't resume " + p.revision() + ": its "
                        + PartialStep.ordinal(done.index() + 1) + " statement (line " + done.line()
                        + ") was applied by an earlier run and has changed since; statements already applied may"
                        + " not change (those not yet applied may). Put it back, or use --restart-step:\n");
                done.sql().lines().forEach(l -> m.append("- ").append(l).append('\n'));
                if (current == null) {
                    m.append("+ (no such statement now)");
                } else {
                    current.sql().lines().forEach(l -> m.append("+ ").append(l).append('\n'));
                }
                throw new RetortException(m.toString().stripTrailing());
            }
        }
    }
}
