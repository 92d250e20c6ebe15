package dev.retort.engine.schema;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseFamilies;
import dev.retort.engine.db.DatabaseFamily;
import dev.retort.engine.db.DatabaseUrl;
import dev.retort.engine.dialect.Urls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens plain JDBC connections for schema work (reading catalogs, building scratch schemas),
 * one per side for the length of a diff: no pool, no migration lock. URLs are parsed by their
 * database family ({@link DatabaseUrl#parse}), exactly as for migrations; what differs by
 * family in schema work is asked of the family's {@link SchemaFamily}.
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

        /** The same, named in messages as {@code role} before its masked URL ({@code the dev_url (scratch database) ...}). */
        public Target as(String role) {
            return new Target(family, jdbcUrl, user, password, schema, role + " " + masked, database);
        }

        /** The same server, another database. */
        public Target withDatabase(String db) {
            return new Target(family, family.withDatabase(jdbcUrl, db), user, password, null, masked + " (scratch " + db + ")", db);
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

    /** The schema support of the family named {@code name} (a dialect name or URL scheme: {@code postgres}, {@code mysql}...). */
    public static SchemaFamily family(String name) {
        return DatabaseFamilies.named(name).flatMap(DatabaseFamily::schema).orElseThrow(
                () -> new RetortException("Unknown dialect '" + name + "'; known dialects: "
                        + String.join(", ", DatabaseFamilies.names())));
    }

    /**
     * {@link #target}, for a side of a diff: the database must exist, since opening a SQLite
     * file that is not there creates it empty, and the diff would then call the whole schema
     * missing. Scratch databases (in memory, or made on purpose) do not come through here.
     */
    public static Target existing(String url) {
        DatabaseUrl d = DatabaseUrl.parse(url.strip());
        if (d instanceof dev.retort.engine.db.FileUrl f && f.file().isPresent() && !java.nio.file.Files.exists(f.file().get())) {
            throw new RetortException("No database at " + d.masked() + ": " + f.file().get()
                    + " does not exist (a diff side must be an existing database; nothing was created)");
        }
        return target(url);
    }

    public static Target target(String url) {
        DatabaseUrl d = DatabaseUrl.parse(url.strip());
        SchemaFamily family = d.family().schema()
                .orElseThrow(() -> new RetortException("Can't diff " + d.masked() + ": no schema support for its database yet"));
        return new Target(family, d.jdbcUrl(), d.user().orElse(null), d.password().orElse(null), family.schemaOf(d.jdbcUrl()),
                d.masked(), d.database());
    }
}
