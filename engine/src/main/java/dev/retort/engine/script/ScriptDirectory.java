package dev.retort.engine.script;

import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.nio.file.Path;
import java.util.List;

/**
 * The revision scripts of one environment (DESIGN §2): headers parsed eagerly, bodies only
 * when asked for. Immutable.
 *
 * <p>PUBLIC CONTRACT: the CLI and planner code against these signatures.
 */
public final class ScriptDirectory {

    /**
     * Reads every {@code *.sql} file of the version locations (sorted by file name per
     * location; recursive when configured). Malformed headers fail with one line naming file
     * and line; a duplicate id names both files.
     */
    public static ScriptDirectory load(RetortConfig config) {
        throw new UnsupportedOperationException();
    }

    /** Revisions in load order. */
    public List<Revision> revisions() { throw new UnsupportedOperationException(); }

    public Path scriptLocation() { throw new UnsupportedOperationException(); }

    public List<Path> versionLocations() { throw new UnsupportedOperationException(); }

    /** Parses (and caches) the body of {@code revision}'s script. */
    public ScriptBody body(Revision revision) { throw new UnsupportedOperationException(); }
}
