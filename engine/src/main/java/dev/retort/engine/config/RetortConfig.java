package dev.retort.engine.config;

import dev.retort.engine.RetortException;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of one environment: {@code retort.ini} (DESIGN §3) after interpolation and
 * command-line overrides. Immutable.
 *
 * <p>PUBLIC CONTRACT: the CLI codes against these accessors.
 *
 * <p>File syntax and interpolation are Python ConfigParser's (see {@link IniFile}):
 * {@code %(here)s}, {@code %(key)s}, {@code %%}, plus {@code ${VAR}} and
 * {@code ${VAR:-default}} from the environment. Every key of the main section is interpolated
 * when the file is loaded, so a bad value fails early, naming {@code file:line}; other
 * sections are interpolated when {@link #section(String)} reads them.
 *
 * <p>Paths: a relative {@code script_location} or {@code version_locations} entry is
 * resolved against the directory of the ini file (not the working directory, as Alembic
 * does), so {@code retort -c other/retort.ini} works from anywhere; {@code %(here)s/...}
 * values are absolute already.
 *
 * <p>Override values ({@code -x key=value}, {@code --url}) are taken literally (a URL-encoded
 * password keeps its {@code %}), replace the file's value of that key in the main section,
 * and are what {@code %(key)s} references to that key see.
 */
public final class RetortConfig {

    public static final String DEFAULT_SECTION = "retort";
    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    public static final String DEFAULT_FILE_TEMPLATE = "%(rev)s_%(slug)s";
    public static final int DEFAULT_TRUNCATE_SLUG_LENGTH = 40;
    public static final int DEFAULT_LOCK_TIMEOUT = 60;
    /** What the version table's {@code version_num VARCHAR(32)} holds: the longest revision id accepted. */
    public static final int DEFAULT_VERSION_NUM_LENGTH = 32;

    /**
     * Every key the main section may hold: Retort's, those other parts of Retort read
     * ({@code schema}, {@code dev_url}, {@code on_changed_script}), and Alembic's that an
     * {@code alembic.ini} shared with Retort carries. Anything else is most likely a typo, and
     * a typo silently ignored is a setting that silently does not apply.
     */
    public static final java.util.Set<String> KNOWN_KEYS = java.util.Set.of(
            "script_location", "url", "version_locations", "recursive_version_locations", "file_template",
            "truncate_slug_length", "timezone", "version_table", "version_table_schema", "transaction_per_migration",
            "lock_timeout", "version_num_length", "schema", "dev_url", "include", "exclude", "on_changed_script",
            // Alembic's, accepted so that one ini serves both
            "sqlalchemy.url", "prepend_sys_path", "path_separator", "version_path_separator", "output_encoding",
            "revision_environment", "sourceless");

    private static final Pattern SPACE_OR_COMMA = Pattern.compile("[\\s,]+");

    private final IniFile ini;
    private final Path file;
    private final String section;
    private final Map<String, String> overrides;
    private final Map<String, String> values;
    private final Path scriptLocation;
    private final List<Path> versionLocations;
    private final boolean recursiveVersionLocations;
    private final boolean transactionPerMigration;
    private final int truncateSlugLength;
    private final int lockTimeoutSeconds;
    private final boolean fromFile;

    private RetortConfig(IniFile ini, String section, Map<String, String> overrides) {
        this(ini, section, overrides, true);
    }

    private RetortConfig(IniFile ini, String section, Map<String, String> overrides, boolean fromFile) {
        this.fromFile = fromFile;
        this.ini = ini;
        this.file = ini.file().toAbsolutePath().normalize();
        this.section = section;
        this.overrides = overrides;
        Map<String, String> v = new LinkedHashMap<>();
        for (String key : ini.keys(section)) {
            v.put(key, ini.get(section, key, overrides));
        }
        v.putAll(overrides);
        this.values = Collections.unmodifiableMap(v);

        String location = values.get("script_location");
        if (location == null || location.isBlank()) {
            throw new RetortException("No 'script_location' key found in configuration.");
        }
        this.scriptLocation = resolve("script_location", location);
        this.versionLocations = parseVersionLocations();
        this.recursiveVersionLocations = bool("recursive_version_locations", false);
        this.transactionPerMigration = bool("transaction_per_migration", false);
        this.truncateSlugLength = integer("truncate_slug_length", DEFAULT_TRUNCATE_SLUG_LENGTH, 1);
        this.lockTimeoutSeconds = integer("lock_timeout", DEFAULT_LOCK_TIMEOUT, 0);
        this.versionNumLength = integer("version_num_length", DEFAULT_VERSION_NUM_LENGTH, 1);
    }

    private final int versionNumLength;

    /**
     * The longest revision id the version table holds ({@code version_num_length}, default 32,
     * Alembic's {@code VARCHAR(32)}): set it after widening {@code version_num} by hand.
     */
    public int versionNumLength() {
        return versionNumLength;
    }

    /**
     * One line per key of the main section or of {@code -x} that Retort does not know, naming
     * where it is and the nearest known key: {@code retort.ini:4: unknown key 'version_tabel'
     * in [retort]; did you mean 'version_table'?}. The front end prints them as warnings.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String key : values.keySet()) {
            if (KNOWN_KEYS.contains(key) || key.startsWith("hooks") || key.contains(".")) {
                continue; // dotted keys are hook options (fmt.type) and driver settings
            }
            String where = overrides.containsKey(key) ? "-x " + key + ": unknown key '" + key + "'"
                    : origin(key) + ": unknown key '" + key + "' in [" + section + "]";
            String near = nearest(key);
            out.add(where + (near == null ? "; it is ignored" : "; did you mean '" + near + "'?"));
        }
        return out;
    }

    /** The known key closest to {@code key}, if close enough to be a typo. */
    static String nearest(String key) {
        return dev.retort.engine.Suggestions.nearest(key, new java.util.TreeSet<>(KNOWN_KEYS)).orElse(null);
    }

    /**
     * Loads {@code file}, section {@code section} (default {@code retort}), applying
     * {@code overrides} ({@code -x key=value} and {@code --url}) on top. Errors name the file
     * and line (missing file, unknown section, bad interpolation, missing script_location).
     */
    public static RetortConfig load(Path file, String section, Map<String, String> overrides,
            Map<String, String> environment) {
        String name = section == null || section.isBlank() ? DEFAULT_SECTION : section;
        IniFile ini = IniFile.read(file, environment == null ? Map.of() : environment);
        if (!ini.hasSection(name)) {
            throw new RetortException("No config file section '[" + name + "]' found in " + file);
        }
        Map<String, String> o = new LinkedHashMap<>();
        if (overrides != null) {
            overrides.forEach((k, val) -> o.put(k.strip().toLowerCase(Locale.ROOT), val));
        }
        return new RetortConfig(ini, name, Collections.unmodifiableMap(o));
    }

    /**
     * Configuration given in code, with no file (the embedding API): {@code values} as
     * {@code [retort]} keys; relative paths resolve against {@code base}. {@code script_location}
     * may be left out when {@link #withLocations} supplies the scripts.
     */
    public static RetortConfig inCode(Path base, Map<String, String> values, Map<String, String> environment) {
        Map<String, String> o = new LinkedHashMap<>();
        values.forEach((k, val) -> o.put(k.strip().toLowerCase(Locale.ROOT), val));
        o.putIfAbsent("script_location", ".");
        IniFile ini = IniFile.parse(base.resolve("(configured in code)"), "[" + DEFAULT_SECTION + "]\n",
                environment == null ? Map.of() : environment);
        return new RetortConfig(ini, DEFAULT_SECTION, Collections.unmodifiableMap(o), false);
    }

    /**
     * This configuration with the scripts in {@code locations} (directories of the default file
     * system or of a jar's): the first is the script location, all are version locations.
     */
    public RetortConfig withLocations(List<Path> locations) {
        if (locations.isEmpty()) {
            return this;
        }
        return new RetortConfig(this, locations.get(0), List.copyOf(locations));
    }

    private RetortConfig(RetortConfig c, Path scriptLocation, List<Path> versionLocations) {
        this.ini = c.ini;
        this.file = c.file;
        this.section = c.section;
        this.overrides = c.overrides;
        this.values = c.values;
        this.scriptLocation = scriptLocation;
        this.versionLocations = versionLocations;
        this.recursiveVersionLocations = c.recursiveVersionLocations;
        this.transactionPerMigration = c.transactionPerMigration;
        this.truncateSlugLength = c.truncateSlugLength;
        this.lockTimeoutSeconds = c.lockTimeoutSeconds;
        this.versionNumLength = c.versionNumLength;
        this.fromFile = c.fromFile;
    }

    /** Whether this came from a file (else it was {@linkplain #inCode given in code}). */
    public boolean fromFile() {
        return fromFile;
    }

    /** The ini file this came from (absolute). */
    public Path file() {
        return file;
    }

    /** The main section's name ({@code retort}, or {@code -n NAME}). */
    public String sectionName() {
        return section;
    }

    /** Raw interpolated value of any key in the main section (after overrides). */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
    }

    /** Every key of the main section (with [DEFAULT]'s), interpolated, after overrides. */
    public Map<String, String> values() {
        return values;
    }

    /** {@code script_location}, absolute. */
    public Path scriptLocation() {
        return scriptLocation;
    }

    /** {@code version_locations}, or {@code <script_location>/versions}. */
    public List<Path> versionLocations() {
        return versionLocations;
    }

    /** {@code recursive_version_locations}: {@code true/yes/on/1}; default false. */
    public boolean recursiveVersionLocations() {
        return recursiveVersionLocations;
    }

    /**
     * Database URL as configured (may hold a password: never print it unmasked): {@code url},
     * else Alembic's {@code sqlalchemy.url}, so that an Alembic ini can be shared.
     */
    public Optional<String> url() {
        return get("url").or(() -> get("sqlalchemy.url")).filter(s -> !s.isBlank());
    }

    /**
     * The database URL, or the one error every front end gives when there is none:
     * {@code No database URL: set 'url' in [retort] of /path/retort.ini, or pass --url}.
     *
     * @throws RetortException when no URL is configured
     */
    public String requireUrl() {
        return url().orElseThrow(() -> new RetortException(fromFile
                ? "No database URL: set 'url' in [" + sectionName() + "] of " + file() + ", or pass --url"
                : "No database URL: call url(...) or dataSource(...) before load()"));
    }

    public String versionTable() {
        return get("version_table").filter(s -> !s.isBlank()).orElse(DEFAULT_VERSION_TABLE);
    }

    public Optional<String> versionTableSchema() {
        return get("version_table_schema").filter(s -> !s.isBlank());
    }

    public boolean transactionPerMigration() {
        return transactionPerMigration;
    }

    /** {@code file_template} after interpolation: default {@code %(rev)s_%(slug)s}. */
    public String fileTemplate() {
        return get("file_template").filter(s -> !s.isBlank()).orElse(DEFAULT_FILE_TEMPLATE);
    }

    public int truncateSlugLength() {
        return truncateSlugLength;
    }

    public Optional<String> timezone() {
        return get("timezone").filter(s -> !s.isBlank());
    }

    /** Seconds a runner waits for the migration lock ({@code lock_timeout}, default 60). */
    public int lockTimeoutSeconds() {
        return lockTimeoutSeconds;
    }

    /**
     * A whole other section of the file, interpolated (e.g. {@code post_write_hooks}); keys
     * lower-cased, in file order, [DEFAULT]'s keys included; empty when the file has no such
     * section. The main section's name returns {@link #values()}.
     */
    public Map<String, String> section(String name) {
        if (name.equals(section)) {
            return values;
        }
        if (!ini.hasSection(name)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : ini.keys(name)) {
            out.put(key, ini.get(name, key, Map.of()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Where {@code key}'s value came from, for messages: {@code file:line} or {@code -x key}. */
    public String origin(String key) {
        key = key.toLowerCase(Locale.ROOT);
        if (overrides.containsKey(key)) {
            return "-x " + key;
        }
        IniFile.Entry entry = ini.entry(section, key);
        return entry == null ? ini.file().toString() : ini.file() + ":" + entry.line();
    }

    private RetortException error(String key, String message) {
        return new RetortException(origin(key) + ": " + message);
    }

    private Path resolve(String key, String value) {
        try {
            Path p = Path.of(value.strip());
            Path base = file.getParent();
            return (p.isAbsolute() || base == null ? p : base.resolve(p)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw error(key, "invalid path '" + value + "'");
        }
    }

    private List<Path> parseVersionLocations() {
        String raw = values.get("version_locations");
        if (raw == null || raw.isBlank()) {
            return List.of(scriptLocation.resolve("versions"));
        }
        List<Path> out = new ArrayList<>();
        for (String part : splitPathList(raw)) {
            if (!part.isBlank()) {
                out.add(resolve("version_locations", part));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Splits a path list as Alembic 1.16 does: by {@code path_separator} ({@code space},
     * {@code newline}, {@code os}, {@code :}, {@code ;}), else the legacy
     * {@code version_path_separator}, else on spaces and commas.
     */
    private List<String> splitPathList(String raw) {
        String key = values.containsKey("path_separator") ? "path_separator"
                : values.containsKey("version_path_separator") ? "version_path_separator" : null;
        if (key == null) {
            return List.of(SPACE_OR_COMMA.split(raw.strip()));
        }
        String sep = values.get(key).strip();
        String regex = switch (sep) {
            case "space" -> "[ \\t]+";
            case "newline" -> "\\n";
            case "os" -> Pattern.quote(File.pathSeparator);
            case ":", ";" -> Pattern.quote(sep);
            default -> throw error(key, "'" + sep + "' is not a valid value for " + key
                    + "; expected 'space', 'newline', 'os', ':', ';'");
        };
        List<String> out = new ArrayList<>();
        for (String s : raw.split(regex)) {
            out.add(s.strip());
        }
        return out;
    }

    private boolean bool(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw error(key, key + ": expected a boolean (true/false, yes/no, on/off, 1/0), found '"
                    + v + "'");
        };
    }

    private int integer(String key, int fallback, int min) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min) {
                throw error(key, key + ": must be at least " + min + ", found " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(key, key + ": expected an integer, found '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "RetortConfig[" + file + " [" + section + "]]";
    }
}
