package dev.retort.engine.config;

import dev.retort.engine.RetortException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ini file with Python {@code ConfigParser} semantics (strict mode, basic interpolation),
 * as Alembic reads {@code alembic.ini}, plus {@code ${VAR}} / {@code ${VAR:-default}} from an
 * environment map.
 *
 * <p>Syntax: {@code [section]} headers; {@code key = value} or {@code key: value}; keys are
 * case-insensitive (lower-cased); full-line comments start with {@code #} or {@code ;};
 * a line indented deeper than its key continues the value (blank lines inside a value are
 * kept, trailing ones dropped); {@code [DEFAULT]} keys are visible in every section. A
 * duplicate section or key, a key outside a section and a line without a delimiter are
 * errors naming {@code file:line}.
 *
 * <p>Interpolation, done when a value is read: {@code %(key)s} is the value of {@code key}
 * in the same section, then {@code [DEFAULT]}, then the built-in {@code here} (the absolute
 * directory of the file); {@code %%} is a literal {@code %}; {@code ${VAR}} is the
 * environment variable (an error when unset), {@code ${VAR:-default}} falls back to the
 * interpolated default when VAR is unset or empty; {@code $${} is a literal {@code ${}.
 * Environment values are inserted verbatim. References nest at most {@value #MAX_DEPTH}
 * deep, so a loop is reported rather than followed.
 *
 * <p>Immutable; thread-safe.
 */
final class IniFile {

    static final String DEFAULT_SECTION = "DEFAULT";
    static final int MAX_DEPTH = 10;

    /** A raw value and the 1-based line of its key. */
    record Entry(String raw, int line) {}

    private static final Pattern SECTION = Pattern.compile("\\[(?<name>.+)]");
    private static final Pattern OPTION = Pattern.compile("(?<key>.*?)\\s*(?<d>[=:])\\s*(?<value>.*)");

    private final Path file;
    private final String here;
    private final Map<String, String> environment;
    /** Section name to (lower-cased key to entry), in file order; DEFAULT included. */
    private final Map<String, Map<String, Entry>> sections;

    private IniFile(Path file, Map<String, String> environment, Map<String, Map<String, Entry>> sections) {
        this.file = file;
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.here = parent == null ? "/" : parent.toString();
        this.environment = Map.copyOf(environment);
        this.sections = sections;
    }

    /** Reads and parses {@code file}; a missing or unreadable file is a one-line error. */
    static IniFile read(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RetortException("No config file '" + file + "' found");
        } catch (CharacterCodingException e) {
            throw new RetortException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new RetortException("Cannot read config file '" + file + "': " + e.getMessage(), e);
        }
        return parse(file, text, environment);
    }

    static IniFile parse(Path file, String text, Map<String, String> environment) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        sections.put(DEFAULT_SECTION, new LinkedHashMap<>());
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        Map<String, Entry> current = null;
        String currentName = null;
        String key = null;
        List<String> valueLines = null;
        int keyLine = 0;
        int keyIndent = 0;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.isEmpty()) {
                if (valueLines != null) {
                    valueLines.add("");
                }
                continue;
            }
            int indent = indentOf(line);
            if (valueLines != null && indent > keyIndent) {
                valueLines.add(stripped);
                continue;
            }
            if (valueLines != null) {
                current.put(key, new Entry(join(valueLines), keyLine));
                valueLines = null;
            }
            Matcher section = SECTION.matcher(stripped);
            if (section.matches()) {
                currentName = section.group("name");
                if (sectionLines.containsKey(currentName)) {
                    throw error(file, lineNo, "section '" + currentName + "' already defined at line "
                            + sectionLines.get(currentName));
                }
                sectionLines.put(currentName, lineNo);
                current = sections.computeIfAbsent(currentName, n -> new LinkedHashMap<>());
                continue;
            }
            if (current == null) {
                throw error(file, lineNo, "key outside of any [section]: " + stripped);
            }
            Matcher option = OPTION.matcher(stripped);
            if (!option.matches() || option.group("key").isEmpty()) {
                throw error(file, lineNo, "expected 'key = value', found: " + stripped);
            }
            key = option.group("key").strip().toLowerCase(Locale.ROOT);
            Entry previous = current.get(key);
            if (previous != null) {
                throw error(file, lineNo, "key '" + key + "' in section '" + currentName
                        + "' already defined at line " + previous.line());
            }
            keyLine = lineNo;
            keyIndent = indent;
            valueLines = new ArrayList<>();
            valueLines.add(option.group("value").strip());
        }
        if (valueLines != null) {
            current.put(key, new Entry(join(valueLines), keyLine));
        }
        Map<String, Map<String, Entry>> frozen = new LinkedHashMap<>();
        sections.forEach((name, entries) -> frozen.put(name, Collections.unmodifiableMap(entries)));
        return new IniFile(file, environment, Collections.unmodifiableMap(frozen));
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }

    private static String join(List<String> valueLines) {
        return String.join("\n", valueLines).strip();
    }

    static RetortException error(Path file, int line, String message) {
        return new RetortException(file + ":" + line + ": " + message);
    }

    Path file() {
        return file;
    }

    /** The absolute directory of the file: the value of {@code %(here)s}. */
    String here() {
        return here;
    }

    /** True for a section in the file other than {@code [DEFAULT]}. */
    boolean hasSection(String section) {
        return !DEFAULT_SECTION.equals(section) && sections.containsKey(section);
    }

    /** Keys of {@code section} (own keys first, then [DEFAULT]'s), without {@code here}. */
    List<String> keys(String section) {
        List<String> keys = new ArrayList<>(sections.getOrDefault(section, Map.of()).keySet());
        for (String k : sections.get(DEFAULT_SECTION).keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** The raw entry for {@code key} in {@code section} or [DEFAULT]; null if neither has it. */
    Entry entry(String section, String key) {
        Entry own = sections.getOrDefault(section, Map.of()).get(key);
        return own != null ? own : sections.get(DEFAULT_SECTION).get(key);
    }

    /**
     * The interpolated value of {@code key} in {@code section}, or null when absent.
     * {@code literals} are values that replace the file's (command-line overrides): they are
     * returned, and substituted into references, without interpolation.
     */
    String get(String section, String key, Map<String, String> literals) {
        key = key.toLowerCase(Locale.ROOT);
        if (literals.containsKey(key)) {
            return literals.get(key);
        }
        Entry entry = entry(section, key);
        if (entry == null) {
            return key.equals("here") ? here : null;
        }
        return new Interpolation(section, key, entry, literals).run();
    }

    /** One interpolation of one value: tracks the key being read for error messages. */
    private final class Interpolation {
        private final String section;
        private final String key;
        private final Entry entry;
        private final Map<String, String> literals;

        Interpolation(String section, String key, Entry entry, Map<String, String> literals) {
            this.section = section;
            this.key = key;
            this.entry = entry;
            this.literals = literals;
        }

        String run() {
            return expand(entry.raw(), 1);
        }

        private RetortException fail(String message) {
            return error(file, entry.line(), message);
        }

        /**
         * The raw value for an error message, its passwords masked: the value is very often a
         * database URL ({@code postgresql://user:secret@host/%(db)s}).
         */
        private String raw() {
            return dev.retort.engine.dialect.Urls.maskText(entry.raw());
        }

        /** Whether a piece of the raw value may be quoted as it is (the value holds no password). */
        private boolean quotable() {
            return raw().equals(entry.raw());
        }

        private String expand(String raw, int depth) {
            if (depth > MAX_DEPTH) {
                throw fail("Recursion limit exceeded in value substitution: option '" + key
                        + "' in section '" + section + "' contains an interpolation key which cannot be"
                        + " substituted in " + MAX_DEPTH + " steps (a loop?). Raw value: '" + raw() + "'");
            }
            StringBuilder out = new StringBuilder(raw.length());
            int i = 0;
            while (i < raw.length()) {
                char c = raw.charAt(i);
                if (c == '%') {
                    i = percent(raw, i, depth, out);
                } else if (c == '$' && raw.startsWith("$${", i)) {
                    out.append("${");
                    i += 3;
                } else if (c == '$' && raw.startsWith("${", i)) {
                    i = dollar(raw, i, depth, out);
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private int percent(String raw, int i, int depth, StringBuilder out) {
            if (raw.startsWith("%%", i)) {
                out.append('%');
                return i + 2;
            }
            if (!raw.startsWith("%(", i)) {
                String found = raw.substring(i);
                throw fail("'%' must be followed by '%' or '(', found: '" + (quotable() ? found : raw())
                        + "' (write %% for a literal %)");
            }
            int close = raw.indexOf(")s", i + 2);
            if (close < 0) {
                throw fail("bad interpolation variable reference '" + (quotable() ? raw.substring(i) : raw()) + "'");
            }
            String name = raw.substring(i + 2, close).toLowerCase(Locale.ROOT);
            if (literals.containsKey(name)) {
                out.append(literals.get(name));
            } else {
                Entry ref = entry(section, name);
                if (ref != null) {
                    out.append(expand(ref.raw(), depth + 1));
                } else if (name.equals("here")) {
                    out.append(here);
                } else {
                    throw fail("Bad value substitution: option '" + key + "' in section '" + section
                            + "' contains an interpolation key '" + name + "' which is not a valid option"
                            + " name. Raw value: '" + raw() + "'");
                }
            }
            return close + 2;
        }

        private int dollar(String raw, int i, int depth, StringBuilder out) {
            int close = raw.indexOf('}', i + 2);
            if (close < 0) {
                throw fail("unterminated '${' in value of '" + key + "': '" + raw() + "'");
            }
            String body = raw.substring(i + 2, close);
            int sep = body.indexOf(":-");
            String name = sep < 0 ? body : body.substring(0, sep);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw fail("bad environment variable name '" + name + "' in '${" + body + "}'");
            }
            String value = environment.get(name);
            if (sep >= 0) {
                if (value == null || value.isEmpty()) {
                    value = expand(body.substring(sep + 2), depth + 1);
                }
            } else if (value == null) {
                throw fail("environment variable '" + name + "' is not set (referenced by '" + key
                        + "'; write ${" + name + ":-default} for a fallback)");
            }
            out.append(value);
            return close + 1;
        }
    }
}
