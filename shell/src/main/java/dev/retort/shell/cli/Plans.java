package dev.retort.shell.cli;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlanBuilder;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.revision.Step;
import dev.retort.engine.script.ScriptDirectory;
import java.util.List;

/** Builds {@link Plan}s for the commands: steps plus scripts plus dialect plus version table. */
final class Plans {
    private Plans() {}

    /** The dialect of the configured URL; offline SQL needs one too. */
    static Dialect dialect(RetortConfig config) {
        return Dialects.forUrl(config.requireUrl());
    }

    static Plan build(RetortConfig config, ScriptDirectory scripts, RevisionMap map, Dialect dialect,
            List<Step> steps, List<String> startHeads) {
        return PlanBuilder.of(config, scripts, map, dialect).build(steps, startHeads);
    }
}
