package dev.retort.engine.db.postgresql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a libpq password file ({@code hostname:port:database:username:password}, {@code *}
 * wildcards, {@code \:} and {@code \\} escapes, first match wins), as psql does.
 */
final class PgPass {
    private PgPass() {}

    static Optional<String> lookup(Map<String, String> env, String host, int port, String db, String user) {
        Path file;
        if (env.get("PGPASSFILE") != null) {
            file = Path.of(env.get("PGPASSFILE"));
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            if (home == null) {
                return Optional.empty();
            }
            file = Path.of(home, ".pgpass");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() < 5) {
                continue;
            }
            if (matches(f.get(0), host) && matches(f.get(1), Integer.toString(port))
                    && matches(f.get(2), db) && matches(f.get(3), user)) {
                return Optional.of(f.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
