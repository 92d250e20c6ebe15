package dev.retort.engine.plan;

import dev.retort.engine.dialect.Statement;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Plan} as a tree of plain values ({@link Map} with stable key order, {@link List},
 * {@link String}, {@link Integer}, {@link Boolean}, null) for {@code --json}: any JSON writer
 * prints it without knowing Retort's types. The shape:
 *
 * <pre>
 * {dialect, versionTable, versionTableSchema, transactionalDdl, transactionPerMigration,
 *  startHeads: [..], endHeads: [..],
 *  steps: [{kind: "migration"|"stamp", direction: "upgrade"|"downgrade", describe,
 *           revision (null for stamps), from: [..], to: [..], file (null for stamps),
 *           noTransaction, createVersionTable, versionTableDdl (null unless created),
 *           statements: [{line, sql}], versionChanges: [{op: "insert"|"update"|"delete",
 *           revision | from, to}], versionSql: [..], headsAfter: [..]}]}
 * </pre>
 *
 * SQL texts carry no terminator.
 */
public final class PlanJson {

    private PlanJson() {}

    public static Map<String, Object> tree(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialect", plan.dialect().name());
        root.put("versionTable", plan.versionTable());
        root.put("versionTableSchema", plan.versionTableSchema());
        root.put("transactionalDdl", plan.dialect().transactionalDdl());
        root.put("transactionPerMigration", plan.transactionPerMigration());
        root.put("startHeads", List.copyOf(plan.startHeads()));
        root.put("endHeads", List.copyOf(plan.endHeads()));
        List<Object> steps = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            steps.add(step(plan, step));
        }
        root.put("steps", steps);
        return root;
    }

    private static Map<String, Object> step(Plan plan, PlannedStep planned) {
        Step step = planned.step();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", step instanceof Step.Migration ? "migration" : "stamp");
        m.put("direction", step.upgrade() ? "upgrade" : "downgrade");
        m.put("describe", step.describe());
        m.put("revision", step instanceof Step.Migration migration ? migration.revision().id() : null);
        m.put("from", List.copyOf(step.from()));
        m.put("to", List.copyOf(step.to()));
        m.put("file", planned.script() == null ? null : planned.script().toString());
        m.put("noTransaction", planned.noTransaction());
        m.put("createVersionTable", planned.createVersionTable());
        m.put("versionTableDdl", planned.createVersionTable()
                ? plan.dialect().versionTableDdl(plan.versionTable(), plan.versionTableSchema())
                : null);
        List<Object> statements = new ArrayList<>();
        for (Statement s : planned.statements()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("line", s.line());
            st.put("sql", s.sql());
            statements.add(st);
        }
        m.put("statements", statements);
        List<Object> changes = new ArrayList<>();
        for (VersionChange change : planned.versionChanges()) {
            changes.add(change(change));
        }
        m.put("versionChanges", changes);
        m.put("versionSql", List.copyOf(planned.versionSql()));
        m.put("headsAfter", List.copyOf(planned.headsAfter()));
        return m;
    }

    private static Map<String, Object> change(VersionChange change) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (change instanceof VersionChange.Insert insert) {
            m.put("op", "insert");
            m.put("revision", insert.revision());
        } else if (change instanceof VersionChange.Update update) {
            m.put("op", "update");
            m.put("from", update.from());
            m.put("to", update.to());
        } else if (change instanceof VersionChange.Delete delete) {
            m.put("op", "delete");
            m.put("revision", delete.revision());
        }
        return m;
    }
}
