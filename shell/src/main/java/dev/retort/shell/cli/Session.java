package dev.retort.shell.cli;

import dev.retort.engine.Retort;
import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.script.ScriptDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one invocation of the CLI, or one whole shell session, works on: where it runs, its
 * output streams, and the environment (configuration, scripts, revision map) loaded lazily and
 * kept until the files behind it change. The shell keeps one session for its whole life, so
 * the second {@code heads} is served from memory.
 *
 * <p>Not thread-safe: one command at a time.
 */
public final class Session implements AutoCloseable {

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private PrintWriter out;
    private PrintWriter err;
    private final boolean interactive;

    private Loaded loaded;
    private Prompter prompter = Prompter.NONE;
    private Interrupts interrupts = Interrupts.SIGINT;
    private boolean terminalOutput;
    private String databaseKey;
    private dev.retort.engine.db.Database database;
    private java.util.function.IntSupplier width = () -> 0;
    private Path home;
    private boolean sampleNoted;
    private java.util.function.Supplier<dev.retort.themes.Styler> shellStyler;

    /** Configuration, scripts and map for one (file, section, overrides) key. */
    private static final class Loaded {
        final String key;
        final RetortConfig config;
        ScriptDirectory scripts;
        RevisionMap map;
        Retort retort;
        long scriptsStamp;

        Loaded(String key, RetortConfig config) {
            this.key = key;
            this.config = config;
        }
    }

    public Session(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err,
            boolean interactive) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        DriverLogging.silence(this.environment);
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Replaces the output streams (the shell writes through its terminal). */
    public void redirect(PrintWriter out, PrintWriter err) {
        this.out = Objects.requireNonNull(out);
        this.err = Objects.requireNonNull(err);
    }

    /** True inside the interactive shell: commands may ask questions there. */
    public boolean interactive() {
        return interactive;
    }

    /** How commands ask yes/no questions: the shell's, or {@link Prompter#NONE} in one-shot runs. */
    public Prompter prompter() {
        return prompter;
    }

    /** Installs the shell's way of asking (see {@link Prompter}). */
    public void prompter(Prompter prompter) {
        this.prompter = Objects.requireNonNull(prompter);
    }

    /** Whether standard output is a terminal (one-shot runs colour their output only then, by default). */
    public boolean terminalOutput() {
        return terminalOutput;
    }

    public void terminalOutput(boolean terminal) {
        this.terminalOutput = terminal;
    }

    /**
     * The styles of one-shot output, chosen as the shell chooses its own: the theme
     * ({@code RETORT_THEME}, else the user settings' {@code theme}, else dark) under the colour
     * policy of {@code --color} (else the settings' {@code color}, else auto), {@code NO_COLOR},
     * {@code CLICOLOR_FORCE} and whether output is a terminal. Inside the shell, commands print
     * plain text: the shell styles what it shows itself.
     */
    public dev.retort.themes.Styler styler(GlobalOptions options) {
        if (interactive) {
            return dev.retort.themes.Styler.plain();
        }
        UserSettings settings = UserSettings.load(environment);
        String color = options != null && options.color != null ? options.color : settings.color().orElse("auto");
        dev.retort.themes.ColorMode mode;
        try {
            mode = dev.retort.themes.ColorMode.parse(color);
        } catch (IllegalArgumentException e) {
            throw new RetortException(e.getMessage(), 2, e);
        }
        var policy = dev.retort.themes.ColorPolicy.resolve(mode, environment, terminalOutput);
        if (!policy.enabled()) {
            return dev.retort.themes.Styler.plain();
        }
        var catalog = dev.retort.themes.ThemeCatalog.forUser(environment, UserSettings.home(environment));
        dev.retort.themes.Theme theme;
        try {
            theme = catalog.load(environment.getOrDefault("RETORT_THEME",
                    settings.theme().orElse(dev.retort.themes.ThemeCatalog.DEFAULT_THEME)));
        } catch (dev.retort.themes.ThemeException e) {
            theme = catalog.load(dev.retort.themes.ThemeCatalog.DEFAULT_THEME);
        }
        return new dev.retort.themes.Styler(theme, policy);
    }

    /**
     * The styles of help pages: the shell's current theme inside the shell (help is the one
     * output the shell does not style itself), else those of one-shot output.
     */
    public dev.retort.themes.Styler helpStyler(GlobalOptions options) {
        if (interactive) {
            return shellStyler == null ? dev.retort.themes.Styler.plain() : shellStyler.get();
        }
        return styler(options);
    }

    /** The shell's styles, for {@link #helpStyler}. */
    public void shellStyler(java.util.function.Supplier<dev.retort.themes.Styler> styler) {
        this.shellStyler = styler;
    }

    /**
     * Columns of the terminal output goes to (80 when unknown), asked for only when needed:
     * finding out costs a terminal query, and only help pages wrap.
     */
    public int width() {
        int w = width.getAsInt();
        if (w <= 0) {
            String columns = environment.get("COLUMNS");
            try {
                w = columns == null ? 80 : Integer.parseInt(columns.strip());
            } catch (NumberFormatException e) {
                w = 80;
            }
        }
        return w <= 0 ? 80 : w;
    }

    public void width(java.util.function.IntSupplier width) {
        this.width = Objects.requireNonNull(width);
    }

    /** How Ctrl-C reaches a running migration: SIGINT in one-shot runs, the terminal in the shell. */
    public Interrupts interrupts() {
        return interrupts;
    }

    public void interrupts(Interrupts interrupts) {
        this.interrupts = Objects.requireNonNull(interrupts);
    }

    /**
     * The database of {@code config}, opened on first use and kept (with its small connection
     * pool, or SQLite's one connection) until the URL changes or the session closes;
     * {@link #retort} uses it.
     */
    private dev.retort.engine.db.Database database(RetortConfig config) {
        String url = config.requireUrl();
        if (database == null || !url.equals(databaseKey)) {
            closeDatabase();
            database = dev.retort.engine.db.Database.open(dev.retort.engine.db.DatabaseUrl.parse(url, environment));
            databaseKey = url;
        }
        return database;
    }

    private void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
            databaseKey = null;
        }
    }

    /**
     * The configuration file the global options name: {@code -c}, else RETORT_CONFIG, else
     * ./retort.ini; when none of those exists, the sample environment beside the launcher
     * ({@link #sampleConfig()}), so the README's commands work from the repository root.
     */
    public Path configFile(GlobalOptions options) {
        boolean named = options.config != null || environment.get("RETORT_CONFIG") != null;
        Path file = ownConfigFile(options);
        if (!named && !Files.exists(file)) {
            Optional<Path> sample = sampleConfig();
            if (sample.isPresent()) {
                if (!sampleNoted && !interactive) {
                    err.println("(using " + shortPath(sample.get()) + ")");
                    err.flush();
                }
                sampleNoted = true;
                return sample.get();
            }
        }
        return file;
    }

    /**
     * The configuration file the global options name ({@code -c}, else RETORT_CONFIG, else
     * ./retort.ini), never the sample: where {@code init} writes one.
     */
    public Path ownConfigFile(GlobalOptions options) {
        String named = options.config != null ? options.config : environment.get("RETORT_CONFIG");
        Path p = named != null ? Path.of(named) : Path.of("retort.ini");
        return p.isAbsolute() ? p.normalize() : workingDirectory.resolve(p).normalize();
    }

    /**
     * The sample environment's {@code retort.ini} under the Retort home (the launcher's
     * directory, {@code -Dretort.home}), when there is one: what the shell and one-shot
     * commands open when there is no {@code retort.ini}, no {@code -c} and no
     * {@code RETORT_CONFIG}.
     */
    public Optional<Path> sampleConfig() {
        if (home == null) {
            return Optional.empty();
        }
        Path sample = home.resolve("sample-env").resolve("retort.ini");
        return Files.isRegularFile(sample) ? Optional.of(sample.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** Where Retort is installed (the launcher passes {@code -Dretort.home}); null for none. */
    public void home(Path home) {
        this.home = home;
    }

    public Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    private String shortPath(Path p) {
        return p.startsWith(workingDirectory) ? workingDirectory.relativize(p).toString() : p.toString();
    }

    public RetortConfig config(GlobalOptions options) {
        Map<String, String> overrides = new LinkedHashMap<>(options.overrides());
        Path file = configFile(options);
        String section = options.name == null ? "retort" : options.name;
        String key = file + "\0" + section + "\0" + overrides;
        if (loaded == null || !loaded.key.equals(key)) {
            loaded = new Loaded(key, RetortConfig.load(file, section, overrides, environment));
            // once per load: a misspelt key silently ignored is a setting that silently does not apply
            for (String warning : loaded.config.warnings()) {
                err().println("WARNING: " + warning);
            }
            err().flush();
        }
        return loaded.config;
    }

    public ScriptDirectory scripts(GlobalOptions options) {
        RetortConfig config = config(options);
        // only the shell runs commands long enough apart for an edit to matter; a one-shot
        // command skips the walk (it stat'ed every script again on each call: bench/startup)
        long stamp = interactive ? stamp(config) : 0;
        if (loaded.scripts == null || loaded.scriptsStamp != stamp) {
            loaded.scripts = ScriptDirectory.load(config, dev.retort.engine.script.HeaderCache.forUser(environment).orElse(null));
            loaded.map = null;
            loaded.scriptsStamp = stamp;
        }
        return loaded.scripts;
    }

    public RevisionMap map(GlobalOptions options) {
        ScriptDirectory scripts = scripts(options);
        if (loaded.map == null) {
            loaded.map = RevisionMap.of(scripts.revisions());
        }
        return loaded.map;
    }

    /**
     * The engine service of the environment the options name, over the session's configuration,
     * scripts and database pool (one per configuration; scripts and map are read through
     * {@link #scripts} and {@link #map}, so they stay fresh). Every command, the REPL and the
     * panel go through it.
     */
    public Retort retort(GlobalOptions options) {
        RetortConfig config = config(options);
        if (loaded.retort == null) {
            // scripts and map through the session's cache: a script edited meanwhile is read again
            loaded.retort = Retort.over(config, () -> scripts(options), () -> map(options), () -> database(config));
        }
        return loaded.retort;
    }

    /** Forgets the loaded scripts, e.g. after {@code revision} wrote a file. */
    public void invalidate() {
        if (loaded != null) {
            loaded.scripts = null;
            loaded.map = null;
        }
    }

    /**
     * What the loaded scripts depend on: every file's modification time and size in the version
     * locations (an editor that writes a script in place leaves its directory's time as it was,
     * and the shell must not plan, show or run the text it read before the edit).
     */
    private static long stamp(RetortConfig config) {
        long h = 17;
        int depth = config.recursiveVersionLocations() ? Integer.MAX_VALUE : 1;
        for (Path dir : config.versionLocations()) {
            if (!Files.isDirectory(dir)) {
                h = h * 31;
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir, depth)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    java.nio.file.attribute.BasicFileAttributes a =
                            Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                    h = h * 31 + p.hashCode();
                    h = h * 31 + a.lastModifiedTime().toMillis();
                    h = h * 31 + a.size();
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                throw new RetortException("Cannot read version directory: " + e.getMessage(), e);
            }
        }
        return h;
    }

    @Override
    public void close() {
        loaded = null;
        closeDatabase();
    }
}
