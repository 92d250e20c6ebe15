package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Urls;
import java.util.Map;
import java.util.Optional;

/**
 * A database URL, parsed once by its {@link DatabaseFamily}: JDBC ({@code jdbc:sqlite:...},
 * {@code jdbc:postgresql://...}) or Alembic/SQLAlchemy style ({@code sqlite:///relative.db},
 * {@code sqlite:////abs.db}, {@code postgresql://user:pass@host:port/db}, also
 * {@code postgresql+psycopg2://} and {@code postgres://}).
 *
 * <p>Masked by construction: the password lives in a {@link Secret}, apart from the JDBC URL
 * handed to the driver, and {@link #toString()} is {@link #masked()}, built from the parse.
 * A closed set of shapes: {@link ServerUrl} for a server (host, port, database, user) and
 * {@link FileUrl} for an embedded database file; a new family reuses one of them.
 */
public sealed interface DatabaseUrl permits FileUrl, ServerUrl {

    /** The family that parsed this URL and runs against its database. */
    DatabaseFamily family();

    /** The URL for the driver, without the password (that goes in the connection properties). */
    String jdbcUrl();

    Optional<String> user();

    /** The resolved password. Handle with care: never print it. */
    Optional<String> password();

    /** The database's name: a server database's name, or the file (or {@code :memory:}). */
    String database();

    /** The URL as the user wrote it, password replaced by {@code ***}. */
    String masked();

    /** Parses {@code url} with the process environment and {@code ~/.pgpass}. */
    static DatabaseUrl parse(String url) {
        return parse(url, System.getenv());
    }

    /**
     * Parses {@code url}; {@code environment} supplies variables such as {@code PGPASSWORD},
     * {@code PGUSER}, {@code PGPASSFILE} and {@code HOME} (for {@code ~/.pgpass}).
     *
     * @throws RetortException for no URL, an unsupported one, or a malformed one; the message
     *                         never holds the password
     */
    static DatabaseUrl parse(String url, Map<String, String> environment) {
        if (url == null || url.isBlank()) {
            throw new RetortException("No database URL: set url in retort.ini or pass --url");
        }
        String u = url.strip();
        DatabaseFamily family = DatabaseFamilies.forUrl(u).orElseThrow(() -> new RetortException(
                "Unsupported database URL " + mask(u) + ": use " + DatabaseFamilies.urlFormsHint()));
        return family.parse(u, environment);
    }

    /**
     * Replaces any password in free text that may hold URLs (a driver's message, say) by
     * {@code ***}: userinfo {@code user:pw@} and {@code password=} parameters anywhere in the
     * text. A whole URL is masked by {@link Urls#mask}, as everywhere else in Retort.
     */
    static String mask(String text) {
        return Urls.maskText(text);
    }
}
