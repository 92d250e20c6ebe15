package dev.retort.engine.plan;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.LintReport;
import java.util.List;

/**
 * A {@link Plan} as Alembic's offline ({@code --sql}) script, byte for byte (reference §10.1):
 * every unit is written as {@code <text>\n\n}; statements end in {@code ;};
 * {@code BEGIN;}/{@code COMMIT;} wrap the run where DDL is transactional, or each step with
 * transaction-per-migration (a non-transactional dialect gets none); the version table's
 * CREATE precedes a step whenever the rows are empty before it; {@code -- Running <step>}
 * precedes the step's statements and its version-table statements follow them. A
 * no-transaction section of a transactional dialect is framed by {@code COMMIT;} and
 * {@code BEGIN;}, as Alembic's {@code autocommit_block()} renders offline. No final DROP of
 * the version table (Alembic 1.19).
 */
public final class OfflineSql {

    /**
     * Marks, in an online preview, a statement the database commits on its own (MySQL's DDL):
     * it is recorded as applied when it completes and never rolled back.
     */
    public static final String IMPLICIT_COMMIT_NOTE = "-- commits implicitly: recorded as it completes, never rolled back";

    private OfflineSql() {}

    public static String render(Plan plan) {
        return render(plan, LintReport.EMPTY);
    }

    /**
     * As {@link #render(Plan)}, with each lint finding as a SQL comment for offline reviewers:
     * a section's findings after its {@code -- Running} line, a statement's right under it.
     */
    public static String render(Plan plan, LintReport lint) {
        return render(plan, lint, false);
    }

    /**
     * {@link #render(Plan, LintReport)} for a preview of what an online run will do: the same
     * text, each statement that commits implicitly preceded by {@link #IMPLICIT_COMMIT_NOTE}.
     */
    public static String preview(Plan plan, LintReport lint) {
        return render(plan, lint, true);
    }

    private static String render(Plan plan, LintReport lint, boolean markImplicitCommits) {
        Dialect dialect = plan.dialect();
        boolean transactional = dialect.transactionalDdl();
        boolean perRun = transactional && !plan.transactionPerMigration();
        boolean perStep = transactional && plan.transactionPerMigration();
        StringBuilder out = new StringBuilder();
        if (perRun) {
            unit(out, "BEGIN;");
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            PlannedStep step = plan.steps().get(i);
            if (perStep) {
                unit(out, "BEGIN;");
            }
            if (step.createVersionTable()) {
                unit(out, dialect.versionTableDdl(plan.versionTable(), plan.versionTableSchema()) + ";");
            }
            unit(out, "-- Running " + step.step().describe());
            String sectionFindings = comments(lint.of(i, -1));
            if (!sectionFindings.isEmpty()) {
                unit(out, sectionFindings.stripTrailing());
            }
            boolean autocommit = transactional && step.noTransaction();
            if (autocommit) {
                unit(out, "COMMIT;");
            }
            if (step.resumeAt() > 0) {
                unit(out, "-- The first " + step.resumeAt() + " statement(s) of this step were applied by an earlier run");
            }
            for (int k = step.resumeAt(); k < step.statements().size(); k++) {
                Statement statement = step.statements().get(k);
                if (markImplicitCommits && dialect.commitsImplicitly(statement)) {
                    out.append(IMPLICIT_COMMIT_NOTE).append('\n');
                }
                unit(out, (statement.sql() + ";\n" + comments(lint.of(i, k))).stripTrailing());
            }
            if (autocommit) {
                unit(out, "BEGIN;");
            }
            for (String sql : step.versionSql()) {
                unit(out, sql + ";");
            }
            if (perStep) {
                unit(out, "COMMIT;");
            }
        }
        if (perRun) {
            unit(out, "COMMIT;");
        }
        return out.toString();
    }

    private static String comments(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            b.append("-- ").append(f.oneLine()).append('\n');
        }
        return b.toString();
    }

    private static void unit(StringBuilder out, String text) {
        out.append(text).append("\n\n");
    }
}
