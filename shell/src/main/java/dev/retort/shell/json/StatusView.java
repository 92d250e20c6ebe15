package dev.retort.shell.json;

import dev.retort.engine.api.LockHolder;
import java.util.List;

/**
 * {@code status}: where the database stands. {@code database}, {@code version_rows} and
 * {@code current} are exactly {@code current --json}'s.
 *
 * @param heads      the graph's head ids
 * @param pending    the steps {@code upgrade heads} would run now, each with lint's findings
 * @param lockHolder who holds the migration lock, or null when it is free
 * @param partialSteps steps an earlier run left partly applied (self-committing statements)
 */
public record StatusView(String database, List<String> versionRows, List<RevisionView> current, List<String> heads,
        List<StepView> pending, Holder lockHolder, List<ChangedScriptView> changedScripts,
        List<PartialStepView> partialSteps) implements JsonView {

    /** @param since ISO-8601 instant, or null when unknown */
    public record Holder(long pid, String host, String since, String description) {
        public static Holder of(LockHolder h) {
            return new Holder(h.pid(), h.host(), h.since() == null ? null : h.since().toString(), h.describe());
        }
    }
}
