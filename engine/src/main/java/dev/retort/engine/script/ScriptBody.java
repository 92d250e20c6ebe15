package dev.retort.engine.script;

import java.util.List;
import java.util.Optional;

/**
 * The parsed body of one script: its sections and checksum.
 *
 * <p>PUBLIC CONTRACT.
 */
public final class ScriptBody {

    public List<Section> sections() { throw new UnsupportedOperationException(); }

    /** The section a dialect runs: its own where one exists, else the unqualified one. */
    public Optional<Section> upgrade(String dialect) { throw new UnsupportedOperationException(); }

    public Optional<Section> downgrade(String dialect) { throw new UnsupportedOperationException(); }

    /** SHA-256 (hex) over the sections, line endings and trailing whitespace normalised. */
    public String checksum() { throw new UnsupportedOperationException(); }
}
