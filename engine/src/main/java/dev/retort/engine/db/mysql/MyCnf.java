package dev.retort.engine.db.mysql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The client options of a MySQL option file ({@code ~/.my.cnf}), as the {@code mysql} and
 * {@code mariadb} clients read them: the {@code [client]} group, then MariaDB's
 * {@code [client-server]} and {@code [client-mariadb]} (a later group overrides an earlier
 * one, a later line an earlier line), {@code key=value} with optional quotes and the
 * option-file escapes, {@code -} and {@code _} alike in keys, {@code #} and {@code ;}
 * comments, {@code !include} directives ignored. Only {@code user}, {@code password},
 * {@code host}, {@code port}, {@code database} and {@code socket} are kept. Immutable.
 */
record MyCnf(Map<String, String> options) {

    private static final List<String> GROUPS = List.of("client", "client-server", "client-mariadb");
    private static final Set<String> KEPT = Set.of("user", "password", "host", "port", "database", "socket");

    static final MyCnf NONE = new MyCnf(Map.of());

    MyCnf {
        options = Map.copyOf(options);
    }

    /** {@code $HOME/.my.cnf} (HOME from {@code environment}), or no options when it is missing or unreadable. */
    static MyCnf load(Map<String, String> environment) {
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            return NONE;
        }
        Path file = Path.of(home, ".my.cnf");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return NONE; // as the clients do: an unreadable option file is no options
        }
    }

    static MyCnf parse(String text) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        String group = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("!")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            if (group == null) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (!KEPT.contains(key)) {
                continue;
            }
            String value = eq < 0 ? "" : value(line.substring(eq + 1).strip());
            groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, value);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String g : GROUPS) {
            out.putAll(groups.getOrDefault(g, Map.of()));
        }
        return new MyCnf(out);
    }

    /** A value: quoted ({@code '...'} or {@code "..."}) or bare up to a {@code #} comment, escapes resolved. */
    private static String value(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            int close = v.indexOf(v.charAt(0), 1);
            if (close > 0) {
                return unescape(v.substring(1, close));
            }
        }
        int hash = v.indexOf(" #");
        return unescape((hash < 0 ? v : v.substring(0, hash)).strip());
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 's' -> b.append(' ');
                    case '\\' -> b.append('\\');
                    default -> b.append('\\').append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    String get(String key) {
        return options.get(key);
    }

    /** Never the password: an option file's contents are not for printing. */
    @Override
    public String toString() {
        return "MyCnf" + options.keySet();
    }
}
