package dev.retort.engine.plan;

import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The version table's rows kept in memory while a run is planned: the application backs it
 * with {@code HeadMaintainer} ({@code VersionTracker.of(hm::apply, hm::heads)}), tests with
 * a fake. Holds the starting rows when handed to the {@link Planner}; not thread-safe.
 */
public interface VersionTracker {

    /** Applies one step to the rows and returns its changes, in the order they run. */
    List<VersionChange> apply(Step step);

    /** The rows now, in storage order. */
    List<String> heads();

    static VersionTracker of(Function<Step, List<VersionChange>> apply, Supplier<List<String>> heads) {
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(heads, "heads");
        return new VersionTracker() {
            @Override
            public List<VersionChange> apply(Step step) {
                return apply.apply(step);
            }

            @Override
            public List<String> heads() {
                return heads.get();
            }
        };
    }
}
