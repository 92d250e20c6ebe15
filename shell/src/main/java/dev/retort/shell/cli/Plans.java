package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.Planner;
import dev.retort.engine.plan.VersionTracker;
import dev.retort.engine.revision.HeadMaintainer;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.ScriptDirectory;
import java.util.List;

/** Builds {@link Plan}s for the commands: steps plus scripts plus dialect plus version table. */
final class Plans {
    private Plans() {}

    /** The dialect of the configured URL; offline SQL needs one too. */
    static Dialect dialect(RetortConfig config) {
        String url = config.url().orElseThrow(() -> new RetortException(
                "No database URL: set 'url' in [retort] of " + config.file() + ", or pass --url"));
        return Dialects.forUrl(url);
    }

    static Plan build(RetortConfig config, ScriptDirectory scripts, RevisionMap map, Dialect dialect,
            List<Step> steps, List<String> startHeads) {
        HeadMaintainer heads = new HeadMaintainer(map, startHeads);
        Planner planner = new Planner(dialect,
                (revision, upgrade, d) -> {
                    var body = scripts.body(revision);
                    return upgrade ? body.upgrade(d) : body.downgrade(d);
                },
                config.versionTable(), config.versionTableSchema().orElse(null), config.transactionPerMigration());
        return planner.plan(steps, VersionTracker.of(heads::apply, heads::heads));
    }
}
