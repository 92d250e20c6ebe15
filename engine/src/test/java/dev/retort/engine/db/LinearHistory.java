package dev.retort.engine.db;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A straight line of revisions r001 → r002 → … and hand-built plans over it, standing in for
 * the planner in these tests. Each revision {@code i} creates table {@code t<i>} unless told
 * otherwise.
 */
final class LinearHistory {

    final List<Revision> revisions = new ArrayList<>();
    final Map<Integer, List<Statement>> upgrades = new HashMap<>();
    final Map<Integer, List<Statement>> downgrades = new HashMap<>();
    final Set<Integer> noTransaction = new HashSet<>();
    final Dialect dialect;
    final String table;
    final String schema;
    final boolean perMigration;

    LinearHistory(int n, Dialect dialect, String table, String schema, boolean perMigration) {
        this.dialect = dialect;
        this.table = table;
        this.schema = schema;
        this.perMigration = perMigration;
        for (int i = 0; i < n; i++) {
            String id = id(i);
            revisions.add(new Revision(id, i == 0 ? List.of() : List.of(id(i - 1)), List.of(), List.of(),
                    "step " + i, Path.of("versions", id + "_step.sql").toAbsolutePath()));
        }
    }

    static String id(int i) {
        return String.format("r%03d", i + 1);
    }

    LinearHistory upgrade(int i, String... sql) {
        List<Statement> st = new ArrayList<>();
        for (int k = 0; k < sql.length; k++) {
            st.add(new Statement(sql[k], 10 + 2 * k));
        }
        upgrades.put(i, st);
        downgrades.putIfAbsent(i, List.of());
        return this;
    }

    LinearHistory noTransaction(int i) {
        noTransaction.add(i);
        return this;
    }

    List<Statement> upgradeStatements(int i) {
        return upgrades.getOrDefault(i, List.of(new Statement("CREATE TABLE t" + (i + 1) + " (id INTEGER)", 10)));
    }

    List<Statement> downgradeStatements(int i) {
        return downgrades.getOrDefault(i, List.of(new Statement("DROP TABLE t" + (i + 1), 14)));
    }

    private int position(List<String> heads) {
        if (heads.isEmpty()) {
            return 0;
        }
        return revisions.indexOf(revisions.stream().filter(r -> r.id().equals(heads.get(0))).findFirst().orElseThrow()) + 1;
    }

    /** Upgrade to the first {@code count} revisions applied ({@code size()} = heads). */
    Function<List<String>, Plan> upgradeTo(int count) {
        return heads -> {
            List<PlannedStep> steps = new ArrayList<>();
            for (int i = position(heads); i < count; i++) {
                Revision r = revisions.get(i);
                VersionChange ch = i == 0 ? new VersionChange.Insert(r.id()) : new VersionChange.Update(id(i - 1), r.id());
                steps.add(new PlannedStep(new Step.Migration(r, true, r.downRevisions()), r.path(), upgradeStatements(i),
                        noTransaction.contains(i), i == 0, List.of(ch),
                        List.of(dialect.versionChangeSql(ch, table, schema)), List.of(r.id())));
            }
            return new Plan(dialect, table, schema, perMigration, heads, steps);
        };
    }

    Function<List<String>, Plan> upgradeHeads() {
        return upgradeTo(revisions.size());
    }

    /** Downgrade until {@code count} revisions stay applied. */
    Function<List<String>, Plan> downgradeTo(int count) {
        return heads -> {
            List<PlannedStep> steps = new ArrayList<>();
            for (int i = position(heads) - 1; i >= count; i--) {
                Revision r = revisions.get(i);
                VersionChange ch = i == 0 ? new VersionChange.Delete(r.id()) : new VersionChange.Update(r.id(), id(i - 1));
                steps.add(new PlannedStep(new Step.Migration(r, false, r.downRevisions()), r.path(),
                        downgradeStatements(i), false, false, List.of(ch),
                        List.of(dialect.versionChangeSql(ch, table, schema)), i == 0 ? List.of() : List.of(id(i - 1))));
            }
            return new Plan(dialect, table, schema, perMigration, heads, steps);
        };
    }

    /** Stamp to revision index {@code i} (its id), from whatever is there. */
    Function<List<String>, Plan> stamp(int i) {
        return heads -> {
            String to = id(i);
            VersionChange ch = heads.isEmpty() ? new VersionChange.Insert(to) : new VersionChange.Update(heads.get(0), to);
            PlannedStep s = new PlannedStep(new Step.Stamp(heads, List.of(to), true, !heads.isEmpty()), null, List.of(),
                    false, heads.isEmpty(), List.of(ch), List.of(dialect.versionChangeSql(ch, table, schema)), List.of(to));
            return new Plan(dialect, table, schema, perMigration, heads, List.of(s));
        };
    }
}
