package dev.retort.shell.cli;

import dev.retort.engine.Suggestions;
import dev.retort.engine.RetortException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own settings, the same for every environment: {@code settings.ini} in
 * {@code $XDG_CONFIG_HOME/retort/} (else {@code $HOME/.config/retort/}), one {@code [retort]}
 * section of {@code key = value} lines. Directories come from the environment variables, never
 * from Java's {@code user.home}, so tests and sandboxes can move them.
 *
 * <p>A missing file means the defaults; a key this version does not know or a bad value is a
 * {@link #warnings() warning}, never a failure: settings must not stop a migration.
 *
 * @param theme       the shell's and one-shot output's theme, unless {@code RETORT_THEME} names one
 * @param pager       when long shell output goes through a pager
 * @param historySize how many lines the shell's history file keeps
 * @param color       the colour policy when {@code --color} is not given (auto, always, never)
 */
public record UserSettings(Path file, Optional<String> theme, Pager pager, int historySize, Optional<String> color,
        List<String> warnings) {

    /** {@code pager = auto|always|never}: auto pages output taller than the screen, in the shell only. */
    public enum Pager { NEVER, AUTO, ALWAYS }

    public static final int DEFAULT_HISTORY_SIZE = 2000;

    /** The keys of {@code settings.ini} with what they mean: {@code retort help settings} and the README show them. */
    static final List<String[]> KEYS = List.of(
            new String[] {"theme = NAME", "Theme of the shell, the panel and coloured one-shot output: dark (default), light, "
                    + "high-contrast, mono, or a user theme. 'theme NAME' in the shell offers to remember it here."},
            new String[] {"pager = never|auto|always", "Long output in the shell: never paged (default), paged when taller "
                    + "than the screen (auto), or always. What the pager showed stays on the screen after it closes; "
                    + "plans are printed in full before the question. --pager on a shell command line pages that command."},
            new String[] {"history_size = N", "Lines kept in the shell's history file (default " + DEFAULT_HISTORY_SIZE + ")."},
            new String[] {"color = auto|always|never", "Colour when --color is not given (default auto: on a terminal, "
                    + "unless NO_COLOR is set; CLICOLOR_FORCE forces it)."});

    /** Related places and variables. */
    static final List<String[]> ALSO = List.of(
            new String[] {"RETORT_THEME=NAME", "Theme for this run, over the settings file."},
            new String[] {"$XDG_CONFIG_HOME/retort/themes/NAME.theme", "User themes (else ~/.config/retort/themes): "
                    + "'role = colour' lines over the dark theme, e.g. 'revision-id = yellow'; a bundled name is replaced."},
            new String[] {"$XDG_STATE_HOME/retort/history/", "Shell history, one file per environment (else "
                    + "~/.local/state/retort/history); passwords are masked before they are written."},
            new String[] {"NO_COLOR, CLICOLOR_FORCE", "Colour off, or on even when output is not a terminal."},
            new String[] {"RETORT_CONFIG=FILE", "The environment's retort.ini when -c is not given."});

    /** {@code $XDG_CONFIG_HOME/retort/settings.ini}, else {@code $HOME/.config/retort/settings.ini}. */
    public static Path file(Map<String, String> environment) {
        return baseDirectory(environment, "XDG_CONFIG_HOME", ".config").resolve("retort").resolve("settings.ini");
    }

    /** {@code $XDG_STATE_HOME/retort}, else {@code $HOME/.local/state/retort}: history and other state. */
    public static Path stateDirectory(Map<String, String> environment) {
        return baseDirectory(environment, "XDG_STATE_HOME", ".local/state").resolve("retort");
    }

    /** The user's home from {@code HOME} (Java's {@code user.home} only when the variable is missing). */
    public static Path home(Map<String, String> environment) {
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home", "/"));
    }

    private static Path baseDirectory(Map<String, String> environment, String variable, String fallback) {
        String xdg = environment.get(variable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home(environment).resolve(fallback);
    }

    /** The settings of {@code environment}'s user; defaults when there is no file. */
    public static UserSettings load(Map<String, String> environment) {
        Path file = file(environment);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try {
                values = read(file, warnings);
            } catch (IOException e) {
                warnings.add("cannot read " + file + ": " + e.getMessage());
            }
        }
        Optional<String> theme = Optional.ofNullable(values.remove("theme")).filter(s -> !s.isEmpty());
        Pager pager = Pager.NEVER;
        String p = values.remove("pager");
        if (p != null) {
            try {
                pager = Pager.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                warnings.add(file + ": pager = " + p + " is not one of never, auto, always; using never");
            }
        }
        int history = DEFAULT_HISTORY_SIZE;
        String h = values.remove("history_size");
        if (h != null) {
            try {
                history = Integer.parseInt(h);
                if (history < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                warnings.add(file + ": history_size = " + h + " is not a number of lines; using " + DEFAULT_HISTORY_SIZE);
                history = DEFAULT_HISTORY_SIZE;
            }
        }
        Optional<String> color = Optional.ofNullable(values.remove("color"));
        if (color.isPresent() && !List.of("auto", "always", "never").contains(color.get())) {
            warnings.add(file + ": color = " + color.get() + " is not one of auto, always, never; using auto");
            color = Optional.empty();
        }
        for (String unknown : values.keySet()) {
            String near = Suggestions.nearest(unknown, List.of("theme", "pager", "history_size", "color"))
                    .map(s -> "; did you mean '" + s + "'?").orElse("");
            warnings.add(file + ": unknown setting '" + unknown + "'" + near);
        }
        return new UserSettings(file, theme, pager, history, color, List.copyOf(warnings));
    }

    private static Map<String, String> read(Path file, List<String> warnings) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String section = "retort";
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                warnings.add(file + ":" + n + ": expected 'key = value'");
                continue;
            }
            if (section.equals("retort")) {
                values.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_'),
                        line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    /**
     * Sets {@code key} in the settings file, keeping every other line (comments too), creating
     * the file and its directory when missing.
     */
    public static Path remember(Map<String, String> environment, String key, String value) {
        Path file = file(environment);
        try {
            List<String> lines = Files.isRegularFile(file)
                    ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
            String section = "retort";
            int sectionLine = -1;
            boolean done = false;
            for (int i = 0; i < lines.size() && !done; i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1).strip();
                    if (section.equals("retort")) {
                        sectionLine = i;
                    }
                } else if (section.equals("retort") && line.contains("=")
                        && line.substring(0, line.indexOf('=')).strip().equalsIgnoreCase(key)) {
                    lines.set(i, key + " = " + value);
                    done = true;
                }
            }
            if (!done) {
                if (sectionLine < 0) {
                    lines.add("[retort]");
                    sectionLine = lines.size() - 1;
                }
                lines.add(sectionLine + 1, key + " = " + value);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new RetortException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
