package dev.retort.engine.api;

import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.PlannedStep;
import java.util.List;
import java.util.Optional;

/**
 * A database's migration state, read without taking the lock.
 *
 * @param currentHeads   version-table rows, storage order
 * @param pending        steps {@code upgrade heads} would run now
 * @param lockHolder     the runner holding the migration lock, if any
 * @param changedScripts applied revisions whose script changed since
 * @param partial        steps whose self-committing statements only partly ran
 * @param missingScripts version-table rows no script declares (nothing is planned from them:
 *                       {@code pending} is empty then)
 * @param pendingPlan    the plan {@code pending} belongs to (dialect, version table), or null
 */
public record Status(List<String> currentHeads, List<PlannedStep> pending, Optional<LockHolder> lockHolder,
        List<ChangedScript> changedScripts, List<PartialStep> partial, List<String> missingScripts, Plan pendingPlan) {
    public Status {
        currentHeads = List.copyOf(currentHeads);
        pending = List.copyOf(pending);
        changedScripts = List.copyOf(changedScripts);
        partial = List.copyOf(partial);
        missingScripts = List.copyOf(missingScripts);
    }

    public Status(List<String> currentHeads, List<PlannedStep> pending, Optional<LockHolder> lockHolder,
            List<ChangedScript> changedScripts, List<PartialStep> partial) {
        this(currentHeads, pending, lockHolder, changedScripts, partial, List.of(), null);
    }

    public Status(List<String> currentHeads, List<PlannedStep> pending, Optional<LockHolder> lockHolder,
            List<ChangedScript> changedScripts) {
        this(currentHeads, pending, lockHolder, changedScripts, List.of());
    }

    /** This status with the rows that have no script, found while planning. */
    public Status withMissingScripts(List<String> missing) {
        return new Status(currentHeads, pending, lockHolder, changedScripts, partial, missing, pendingPlan);
    }
}
