package dev.retort.shell.json;

import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.util.List;

/**
 * One planned step: the statements it runs and the version-table changes after them. SQL texts
 * carry no terminator.
 *
 * @param kind              {@code migration} or {@code stamp}
 * @param direction         {@code upgrade} or {@code downgrade}
 * @param describe          Alembic's description, e.g. {@code upgrade abc -> def}
 * @param revision          the migrated revision, null for a stamp
 * @param file              the script's path, null for a stamp
 * @param versionTableDdl   the version table's CREATE that precedes this step, or null
 * @param headsAfter        version-table rows after this step
 * @param findings          lint's findings on this step (every level, excused ones too, as
 *                          {@code lint --json} lists them), or null where the plan was not
 *                          linted (a run's report: the plan was shown before it ran)
 */
public record StepView(String kind, String direction, String describe, String revision, List<String> from,
        List<String> to, String file, boolean noTransaction, String versionTableDdl, List<StatementView> statements,
        List<VersionChangeView> versionChanges, List<String> versionSql, List<String> headsAfter,
        List<FindingView> findings) {

    /** @param line the statement's first line in the script */
    public record StatementView(int line, String sql) {}

    /**
     * @param op       {@code insert}, {@code update} or {@code delete}
     * @param revision the inserted or deleted row; null for an update
     * @param from     the updated row's old value; null unless an update
     * @param to       its new value; null unless an update
     */
    public record VersionChangeView(String op, String revision, String from, String to) {
        static VersionChangeView of(VersionChange change) {
            if (change instanceof VersionChange.Insert i) {
                return new VersionChangeView("insert", i.revision(), null, null);
            }
            if (change instanceof VersionChange.Update u) {
                return new VersionChangeView("update", null, u.from(), u.to());
            }
            VersionChange.Delete d = (VersionChange.Delete) change;
            return new VersionChangeView("delete", d.revision(), null, null);
        }
    }

    /** {@code lint} null: not linted ({@code findings} null). */
    public static StepView of(Plan plan, PlannedStep planned, LintReport lint) {
        Step step = planned.step();
        int index = plan.steps().indexOf(planned);
        return new StepView(step instanceof Step.Migration ? "migration" : "stamp",
                step.upgrade() ? "upgrade" : "downgrade", step.describe(),
                step instanceof Step.Migration m ? m.revision().id() : null, List.copyOf(step.from()),
                List.copyOf(step.to()), planned.script() == null ? null : planned.script().toString(),
                planned.noTransaction(),
                planned.createVersionTable()
                        ? plan.dialect().versionTableDdl(plan.versionTable(), plan.versionTableSchema())
                        : null,
                planned.statements().stream().map(s -> new StatementView(s.line(), s.sql())).toList(),
                planned.versionChanges().stream().map(VersionChangeView::of).toList(), planned.versionSql(),
                planned.headsAfter(),
                lint == null ? null : lint.findings().stream().filter(f -> f.stepIndex() == index)
                        .map(FindingView::of).toList());
    }

    /** {@code steps} of {@code plan}, with their findings in {@code lint} (null: not linted). */
    public static List<StepView> of(Plan plan, List<PlannedStep> steps, LintReport lint) {
        return steps.stream().map(s -> of(plan, s, lint)).toList();
    }
}
