package dev.retort.themes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds themes by name: the bundled ones ({@value #DEFAULT_THEME}, {@code light},
 * {@code high-contrast}, {@code mono}) and user themes, files {@code NAME.theme} in the user's
 * theme directory ({@code $XDG_CONFIG_HOME/retort/themes}, else {@code ~/.config/retort/themes}).
 * A user theme with a bundled name replaces the bundled one.
 *
 * <h2>Theme files</h2>
 * <pre>
 * # my theme: dark, but with a louder prompt
 * extends = dark
 * prompt = bold bright-magenta
 * revision-id = fg:#e5c07b
 * status = fg:black bg:250
 * </pre>
 * Lines are {@code role-key = style} ({@link Role#key()}, {@link Style#parse}); {@code #}
 * starts a comment line. {@code extends = NAME} starts from another theme (default
 * {@value #DEFAULT_THEME}), so a user theme needs to name only what it changes. Bundled themes
 * extend nothing and define every role.
 *
 * <p>Thread-safe; loaded themes are cached for the life of the catalog.
 */
public final class ThemeCatalog {

    /** The theme used when none is chosen. */
    public static final String DEFAULT_THEME = "dark";

    /** Bundled theme names, in the order {@code theme} lists them. */
    public static final List<String> BUNDLED = List.of("dark", "light", "high-contrast", "mono");

    private static final String RESOURCE_DIR = "/dev/retort/themes/";
    private static final String SUFFIX = ".theme";

    private final Path userDirectory;
    private final Map<String, Theme> cache = new ConcurrentHashMap<>();

    /** @param userDirectory directory of user theme files; null for bundled themes only */
    public ThemeCatalog(Path userDirectory) {
        this.userDirectory = userDirectory;
    }

    /** A catalog over the user's theme directory as found from {@code environment}. */
    public static ThemeCatalog forUser(Map<String, String> environment, Path home) {
        return new ThemeCatalog(userThemeDirectory(environment, home));
    }

    /**
     * {@code $XDG_CONFIG_HOME/retort/themes} when that variable is set to an absolute path (as
     * the XDG spec requires), else {@code HOME/.config/retort/themes}.
     */
    public static Path userThemeDirectory(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "retort", "themes");
        }
        return home.resolve(".config").resolve("retort").resolve("themes");
    }

    public Optional<Path> userDirectory() {
        return Optional.ofNullable(userDirectory);
    }

    /** Bundled and user theme names, bundled first, then user themes sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>(BUNDLED);
        Set<String> user = new TreeSet<>();
        if (userDirectory != null && Files.isDirectory(userDirectory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userDirectory, "*" + SUFFIX)) {
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    user.add(n.substring(0, n.length() - SUFFIX.length()));
                }
            } catch (IOException e) {
                // an unreadable directory lists no user themes; load() reports the real error
            }
        }
        user.removeAll(BUNDLED);
        names.addAll(user);
        return names;
    }

    /** The default theme. */
    public Theme defaultTheme() {
        return load(DEFAULT_THEME);
    }

    /**
     * The theme called {@code name}.
     *
     * @throws ThemeException when there is no such theme or its file is malformed
     */
    public Theme load(String name) {
        Theme cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        Theme theme = load(name, new HashSet<>());
        cache.put(name, theme);
        return theme;
    }

    private Theme load(String name, Set<String> loading) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ThemeException("invalid theme name '" + name + "'");
        }
        if (!loading.add(name)) {
            throw new ThemeException("theme '" + name + "' extends itself");
        }
        Path userFile = userDirectory == null ? null : userDirectory.resolve(name + SUFFIX);
        if (userFile != null && Files.isRegularFile(userFile)) {
            try (Reader r = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
                return parse(name, userFile.toString(), r, false, loading);
            } catch (IOException e) {
                throw new ThemeException("cannot read theme " + userFile + ": " + e.getMessage(), e);
            }
        }
        if (BUNDLED.contains(name)) {
            return bundled(name);
        }
        throw new ThemeException("unknown theme '" + name + "' (available: " + String.join(", ", names()) + ")");
    }

    /** A bundled theme, ignoring user files of the same name. */
    public static Theme bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new ThemeException("no bundled theme '" + name + "'");
        }
        String resource = RESOURCE_DIR + name + SUFFIX;
        try (InputStream in = ThemeCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ThemeException("bundled theme missing from the jar: " + resource);
            }
            return parseBundled(name, resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses theme text; {@code extends} may name bundled themes only. For tests and tools.
     */
    public static Theme parse(String name, String text) {
        return new ThemeCatalog(null).parse(name, "<" + name + ">", new StringReader(text), false, new HashSet<>());
    }

    private static Theme parseBundled(String name, String source, Reader reader) {
        return new ThemeCatalog(null).parse(name, source, reader, true, new HashSet<>());
    }

    private Theme parse(String name, String source, Reader reader, boolean strict, Set<String> loading) {
        Theme.Builder own = Theme.builder(name);
        Set<Role> seen = new HashSet<>();
        String base = DEFAULT_THEME;
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String at = source + ":" + lineNo + ": ";
                int eq = s.indexOf('=');
                if (eq < 0) {
                    throw new ThemeException(at + "expected 'role = style'");
                }
                String key = s.substring(0, eq).strip();
                String value = s.substring(eq + 1).strip();
                if (key.equals("extends")) {
                    if (strict) {
                        throw new ThemeException(at + "bundled themes extend nothing");
                    }
                    base = value;
                    continue;
                }
                Optional<Role> role = Role.byKey(key);
                if (role.isEmpty()) {
                    throw new ThemeException(at + "unknown role '" + key + "'");
                }
                if (!seen.add(role.get())) {
                    throw new ThemeException(at + "role '" + key + "' given twice");
                }
                try {
                    own.style(role.get(), Style.parse(value));
                } catch (IllegalArgumentException e) {
                    throw new ThemeException(at + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ThemeException("cannot read theme " + source + ": " + e.getMessage(), e);
        }
        if (strict) {
            for (Role r : Role.values()) {
                if (!seen.contains(r)) {
                    throw new ThemeException(source + ": bundled theme does not define '" + r.key() + "'");
                }
            }
            return own.build();
        }
        Theme parent = userDirectory == null ? bundled(base) : load(base, loading);
        Theme.Builder merged = parent.derive(name);
        own.build().styles().forEach(merged::style);
        return merged.build();
    }
}
