package dev.retort.engine.revision;

import java.util.List;

/**
 * Keeps the set of version-table rows while steps run, and says which INSERT, UPDATE and
 * DELETE each step makes (reference §8.2, §9). Not thread-safe: one per run.
 */
public final class HeadMaintainer {

    /** @param heads the version table's rows, in storage order */
    public HeadMaintainer(RevisionMap map, List<String> heads) {
        throw new UnsupportedOperationException();
    }

    /** Applies one step and returns its version-table changes, in the order they run. */
    public List<VersionChange> apply(Step step) {
        throw new UnsupportedOperationException();
    }

    /** The rows now, in storage order (an UPDATE keeps a row's place, an INSERT appends). */
    public List<String> heads() {
        throw new UnsupportedOperationException();
    }
}
