package dev.retort.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one environment: {@code retort.ini} (DESIGN §3) after interpolation and
 * command-line overrides. Immutable.
 *
 * <p>PUBLIC CONTRACT: the CLI codes against these accessors.
 */
public final class RetortConfig {

    /**
     * Loads {@code file}, section {@code section} (default {@code retort}), applying
     * {@code overrides} ({@code -x key=value} and {@code --url}) on top. Errors name the file
     * and line (missing file, unknown section, bad interpolation, missing script_location).
     */
    public static RetortConfig load(Path file, String section, Map<String, String> overrides,
            Map<String, String> environment) {
        throw new UnsupportedOperationException();
    }

    /** The ini file this came from (absolute). */
    public Path file() { throw new UnsupportedOperationException(); }

    /** Raw interpolated value of any key in the main section (after overrides). */
    public Optional<String> get(String key) { throw new UnsupportedOperationException(); }

    /** {@code script_location}, absolute. */
    public Path scriptLocation() { throw new UnsupportedOperationException(); }

    /** {@code version_locations}, or {@code <script_location>/versions}. */
    public List<Path> versionLocations() { throw new UnsupportedOperationException(); }

    public boolean recursiveVersionLocations() { throw new UnsupportedOperationException(); }

    /** Database URL as configured (may hold a password: never print it unmasked). */
    public Optional<String> url() { throw new UnsupportedOperationException(); }

    public String versionTable() { throw new UnsupportedOperationException(); }

    public Optional<String> versionTableSchema() { throw new UnsupportedOperationException(); }

    public boolean transactionPerMigration() { throw new UnsupportedOperationException(); }

    public String fileTemplate() { throw new UnsupportedOperationException(); }

    public int truncateSlugLength() { throw new UnsupportedOperationException(); }

    public Optional<String> timezone() { throw new UnsupportedOperationException(); }

    /** Seconds a runner waits for the migration lock ({@code lock_timeout}, default 60). */
    public int lockTimeoutSeconds() { throw new UnsupportedOperationException(); }

    /** A whole other section of the file, interpolated (e.g. {@code post_write_hooks}). */
    public Map<String, String> section(String name) { throw new UnsupportedOperationException(); }
}
