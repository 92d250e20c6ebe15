package dev.retort.engine.plan;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.revision.HeadMaintainer;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.ScriptDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one wiring of planner, head maintainer and version tracker for an environment: graph
 * steps from some starting rows become the {@link Plan} that is shown and then run (online) or
 * printed (offline). Every front end plans through this, so what is previewed, what runs and
 * what {@code --sql} prints are built the same way. Immutable and thread-safe.
 */
public final class PlanBuilder {

    private final ScriptDirectory scripts;
    private final RevisionMap map;
    private final Dialect dialect;
    private final String versionTable;
    private final String versionTableSchema;
    private final boolean transactionPerMigration;

    public PlanBuilder(ScriptDirectory scripts, RevisionMap map, Dialect dialect, String versionTable,
            String versionTableSchema, boolean transactionPerMigration) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.map = Objects.requireNonNull(map, "map");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
        this.versionTableSchema = versionTableSchema;
        this.transactionPerMigration = transactionPerMigration;
    }

    /** Version table, schema and transaction mode from {@code config}. */
    public static PlanBuilder of(RetortConfig config, ScriptDirectory scripts, RevisionMap map, Dialect dialect) {
        return new PlanBuilder(scripts, map, dialect, config.versionTable(), config.versionTableSchema().orElse(null),
                config.transactionPerMigration());
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Plans {@code steps} from {@code startHeads} (the version table's rows before the first step). */
    public Plan build(List<Step> steps, List<String> startHeads) {
        List<Revision> revisions = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step instanceof Step.Migration m) {
                revisions.add(m.revision());
            }
        }
        scripts.preload(revisions);
        HeadMaintainer heads = new HeadMaintainer(map, startHeads, versionTable);
        Planner planner = new Planner(dialect,
                (revision, upgrade, d) -> {
                    var body = scripts.body(revision);
                    return upgrade ? body.upgrade(d) : body.downgrade(d);
                },
                versionTable, versionTableSchema, transactionPerMigration);
        return planner.plan(steps, VersionTracker.of(heads::apply, heads::heads));
    }

    /** A planner for {@link dev.retort.engine.db.Migrator#prepare}: the steps {@code steps} gives from the heads read under the lock. */
    public Function<List<String>, Plan> planner(Function<List<String>, List<Step>> steps) {
        return heads -> build(steps.apply(heads), heads);
    }
}
