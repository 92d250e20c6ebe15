package dev.retort.engine.plan;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;

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
        return render(plan, false);
    }

    /**
     * {@link #render} for a preview of what an online run will do: the same text, each
     * statement that commits implicitly preceded by {@link #IMPLICIT_COMMIT_NOTE}.
     */
    public static String preview(Plan plan) {
        return render(plan, true);
    }

    private static String render(Plan plan, boolean markImplicitCommits) {
        Dialect dialect = plan.dialect();
        boolean transactional = dialect.transactionalDdl();
        boolean perRun = transactional && !plan.transactionPerMigration();
        boolean perStep = transactional && plan.transactionPerMigration();
        StringBuilder out = new StringBuilder();
        if (perRun) {
            unit(out, "BEGIN;");
        }
        for (PlannedStep step : plan.steps()) {
            if (perStep) {
                unit(out, "BEGIN;");
            }
            if (step.createVersionTable()) {
                unit(out, dialect.versionTableDdl(plan.versionTable(), plan.versionTableSchema()) + ";");
            }
            unit(out, "-- Running " + step.step().describe());
            boolean autocommit = transactional && step.noTransaction();
            if (autocommit) {
                unit(out, "COMMIT;");
            }
            if (step.resumeAt() > 0) {
                unit(out, "-- The first " + step.resumeAt() + " statement(s) of this step were applied by an earlier run");
            }
            for (Statement statement : step.statementsToRun()) {
                if (markImplicitCommits && dialect.commitsImplicitly(statement)) {
                    out.append(IMPLICIT_COMMIT_NOTE).append('\n');
                }
                unit(out, statement.sql() + ";");
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

    private static void unit(StringBuilder out, String text) {
        out.append(text).append("\n\n");
    }
}
