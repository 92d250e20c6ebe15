package dev.retort.engine.schema;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.dialect.Urls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens plain JDBC connections for schema work (reading catalogs, building scratch schemas),
 * one per side for the length of a diff: no pool, no migration lock. Knows the three families'
 * URL forms; MariaDB/MySQL URLs ({@code jdbc:mariadb://}, {@code jdbc:mysql://},
 * {@code mysql://user:pw@host/db}, {@code mariadb://...}) are parsed here until the MySQL family
 * owns them.
 */
public final class SchemaConnections {
    private SchemaConnections() {}

    /** Where a URL points: the family, the JDBC URL and credentials, and the one schema it names (PostgreSQL {@code currentSchema}). */
    public record Target(SchemaFamily family, String jdbcUrl, String user, String password, String schema, String masked,
            String database) {
        public Connection open() {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            try {
                DriverManager.setLoginTimeout(10);
                return DriverManager.getConnection(jdbcUrl, p);
            } catch (SQLException e) {
                throw new RetortException("Can't connect to " + masked + ": " + Urls.maskText(firstLine(e.getMessage())), e);
            }
        }

        /** The same server, another database. */
        public Target withDatabase(String db) {
            String url = switch (family.name()) {
                case "postgresql" -> jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + db)
                        .replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
                case "mariadb" -> jdbcUrl.replaceFirst("^(jdbc:mariadb://[^/?]*/)[^?]*", "$1" + db);
                default -> throw new IllegalStateException(family.name());
            };
            return new Target(family, url, user, password, null, masked + " (scratch " + db + ")", db);
        }
    }

    static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** Whether {@code s} looks like a database URL rather than a path. */
    public static boolean isUrl(String s) {
        return s.matches("(?i)(jdbc:[a-z]+:|[a-z][a-z0-9]*(\\+[a-z0-9_]+)?://).*");
    }

    public static SchemaFamily family(String name) {
        return dev.retort.engine.db.DatabaseFamilies.named(name).flatMap(dev.retort.engine.db.DatabaseFamily::schema)
                .orElseThrow(() -> new RetortException("Unknown dialect '" + name + "'; known dialects: "
                        + String.join(", ", dev.retort.engine.db.DatabaseFamilies.names())));
    }

    public static Target target(String url) {
        String u = url.strip();
        if (u.matches("(?i)(jdbc:(mariadb|mysql):|(mariadb|mysql)(\\+[a-z0-9_]+)?://).*")) {
            return mariadb(u);
        }
        DatabaseUrl d = DatabaseUrl.parse(u);
        SchemaFamily family = d.family().schema()
                .orElseThrow(() -> new RetortException("Can't diff " + d.masked() + ": no schema support for its database yet"));
        return switch (family.name()) {
            case "sqlite" -> new Target(family, d.jdbcUrl(), null, null, null, d.masked(), d.database());
            case "postgresql" -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]currentSchema=([^&]+)").matcher(d.jdbcUrl());
                String schema = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
                if (schema != null && schema.contains(",")) {
                    schema = schema.substring(0, schema.indexOf(','));
                }
                yield new Target(family, d.jdbcUrl(), d.user().orElse(null), d.password().orElse(null), schema,
                        d.masked(), d.database());
            }
            default -> throw new RetortException("Unsupported database URL " + d.masked());
        };
    }

    private static Target mariadb(String u) {
        String rest;
        String user = null;
        String password = null;
        if (u.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            rest = u.substring(u.indexOf("://") + 3);
        } else {
            rest = u.substring(u.indexOf("://") + 3);
            int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
            if (at >= 0) {
                String info = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = info.indexOf(':');
                user = dec(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? null : dec(info.substring(colon + 1));
            }
        }
        String query = "";
        int qm = rest.indexOf('?');
        if (qm >= 0) {
            query = rest.substring(qm + 1);
            rest = rest.substring(0, qm);
        }
        StringBuilder keep = new StringBuilder();
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            String k = kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv;
            String v = kv.contains("=") ? dec(kv.substring(kv.indexOf('=') + 1)) : "";
            if (k.equalsIgnoreCase("user")) {
                user = v;
            } else if (k.equalsIgnoreCase("password")) {
                password = v;
            } else {
                keep.append(keep.length() == 0 ? "?" : "&").append(kv);
            }
        }
        int slash = rest.indexOf('/');
        String hostPart = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 ? "" : rest.substring(slash + 1);
        if (hostPart.isEmpty()) {
            hostPart = "localhost";
        }
        if (db.isEmpty()) {
            throw new RetortException("Bad MariaDB URL " + Urls.mask(u) + ": no database named");
        }
        return new Target(new MariaDbSchema(), "jdbc:mariadb://" + hostPart + "/" + db + keep, user, password, null,
                Urls.mask(u), db);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
