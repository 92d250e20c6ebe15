package dev.retort.engine.api;

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
 */
public record Status(List<String> currentHeads, List<PlannedStep> pending, Optional<LockHolder> lockHolder,
        List<ChangedScript> changedScripts, List<PartialStep> partial) {
    public Status {
        currentHeads = List.copyOf(currentHeads);
        pending = List.copyOf(pending);
        changedScripts = List.copyOf(changedScripts);
        partial = List.copyOf(partial);
    }

    public Status(List<String> currentHeads, List<PlannedStep> pending, Optional<LockHolder> lockHolder,
            List<ChangedScript> changedScripts) {
        this(currentHeads, pending, lockHolder, changedScripts, List.of());
    }
}
