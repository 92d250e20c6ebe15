package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Urls;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed database URL: JDBC ({@code jdbc:sqlite:...}, {@code jdbc:postgresql://...}) or
 * Alembic/SQLAlchemy style ({@code sqlite:///relative.db}, {@code sqlite:////abs.db},
 * {@code postgresql://user:pass@host:port/db}, also {@code postgresql+psycopg2://} and
 * {@code postgres://}).
 *
 * <p>The password is kept apart from the JDBC URL handed to the driver, and never appears in
 * {@link #toString()} or {@link #masked()}. It comes, first found wins, from the URL (userinfo
 * or {@code password=} parameter), {@code PGPASSWORD}, then the {@code .pgpass} file
 * ({@code PGPASSFILE} or {@code ~/.pgpass}). Immutable.
 */
public final class DatabaseUrl {


    private final DatabaseKind kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path sqliteFile;
    private final String masked;
    private final String host;
    private final int port;
    private final String database;

    private DatabaseUrl(DatabaseKind kind, String jdbcUrl, String user, String password, Path sqliteFile,
            String masked, String host, int port, String database) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.sqliteFile = sqliteFile;
        this.masked = masked;
        this.host = host;
        this.port = port;
        this.database = database;
    }

    /** Parses {@code url} with the process environment and {@code ~/.pgpass}. */
    public static DatabaseUrl parse(String url) {
        return parse(url, System.getenv());
    }

    /**
     * Parses {@code url}; {@code environment} supplies {@code PGPASSWORD}, {@code PGUSER},
     * {@code PGPASSFILE} and {@code HOME} (for {@code ~/.pgpass}).
     */
    public static DatabaseUrl parse(String url, Map<String, String> environment) {
        if (url == null || url.isBlank()) {
            throw new RetortException("No database URL: set url in retort.ini or pass --url");
        }
        String u = url.strip();
        if (u.startsWith("jdbc:sqlite:")) {
            return sqlite(u, u.substring("jdbc:sqlite:".length()), u);
        }
        if (u.matches("(?i)sqlite(\\+\\w+)?://.*")) {
            String rest = u.substring(u.indexOf("://") + 3);
            if (rest.isEmpty() || rest.equals("/") || rest.equals("/:memory:")) {
                return sqlite("jdbc:sqlite::memory:", ":memory:", u);
            }
            if (!rest.startsWith("/")) {
                throw new RetortException("Bad SQLite URL " + mask(u) + ": expected sqlite:///path");
            }
            String path = rest.substring(1);
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            return sqlite("jdbc:sqlite:" + path, path, u);
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return jdbcPostgres(u, environment);
        }
        if (u.matches("(?i)(postgresql|postgres)(\\+\\w+)?://.*")) {
            return alembicPostgres(u, environment);
        }
        if (MySqlUrls.accepts(u)) {
            return MySqlUrls.parse(u, environment);
        }
        throw new RetortException("Unsupported database URL " + mask(u)
                + ": use jdbc:sqlite:, jdbc:postgresql://, jdbc:mysql://, sqlite:///, postgresql://, mysql:// or mariadb://");
    }

    /** A MySQL/MariaDB URL as {@link MySqlUrls} parsed it. */
    static DatabaseUrl mysql(String jdbcUrl, String user, String password, String masked, String host, int port,
            String database) {
        return new DatabaseUrl(DatabaseKind.MYSQL, jdbcUrl, user, password, null, masked, host, port, database);
    }

    private static DatabaseUrl sqlite(String jdbcUrl, String spec, String asWritten) {
        String path = spec;
        if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        Path file = path.isEmpty() || path.equals(":memory:") || path.contains("mode=memory")
                ? null : Path.of(path).toAbsolutePath().normalize();
        return new DatabaseUrl(DatabaseKind.SQLITE, jdbcUrl, null, null, file, Urls.mask(asWritten), null, -1,
                file == null ? ":memory:" : file.toString());
    }

    private static DatabaseUrl jdbcPostgres(String u, Map<String, String> env) {
        // jdbc:postgresql://host:port/db?user=..&password=..  (also jdbc:postgresql:db)
        String rest = u.substring("jdbc:postgresql:".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> params = parseQuery(query);
        String password = removeIgnoreCase(params, "password");
        String user = params.get("user");
        String host = "localhost";
        int port = 5432;
        String db = rest;
        if (rest.startsWith("//")) {
            String auth = rest.substring(2);
            int slash = auth.indexOf('/');
            db = slash < 0 ? "" : auth.substring(slash + 1);
            auth = slash < 0 ? auth : auth.substring(0, slash);
            String firstHost = auth.split(",")[0];
            int colon = firstHost.lastIndexOf(':');
            if (colon > 0 && !firstHost.endsWith("]")) {
                host = firstHost.substring(0, colon);
                port = parsePort(firstHost.substring(colon + 1), u);
            } else if (!firstHost.isEmpty()) {
                host = firstHost;
            }
            rest = "//" + auth + "/" + db;
        }
        if (user == null) {
            user = env.get("PGUSER");
        }
        String jdbc = "jdbc:postgresql:" + rest + (params.isEmpty() ? "" : "?" + joinQuery(params));
        String effectiveUser = user != null ? user : System.getProperty("user.name");
        password = resolvePassword(password, env, host, port, db.isEmpty() ? effectiveUser : db, effectiveUser);
        return new DatabaseUrl(DatabaseKind.POSTGRESQL, jdbc, user, password, null,
                Urls.mask(u), host, port, db);
    }

    private static DatabaseUrl alembicPostgres(String u, Map<String, String> env) {
        String rest = u.substring(u.indexOf("://") + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 ? "" : decode(rest.substring(slash + 1));
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userinfo.indexOf(':');
            user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
            password = colon < 0 ? null : decode(userinfo.substring(colon + 1));
        }
        String host = authority.isEmpty() ? "localhost" : authority;
        int port = 5432;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            port = parsePort(host.substring(colon + 1), u);
            host = host.substring(0, colon);
        }
        Map<String, String> params = parseQuery(query);
        String pwParam = removeIgnoreCase(params, "password");
        if (password == null) {
            password = pwParam;
        }
        if (user == null) {
            user = params.remove("user");
        } else {
            params.remove("user");
        }
        if (user == null) {
            user = env.get("PGUSER");
        }
        String effectiveUser = user != null ? user : System.getProperty("user.name");
        password = resolvePassword(password, env, host, port, db.isEmpty() ? effectiveUser : db, effectiveUser);
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String jdbc = "jdbc:postgresql://" + hostPart + ":" + port + "/" + encode(db)
                + (params.isEmpty() ? "" : "?" + joinQuery(params));
        return new DatabaseUrl(DatabaseKind.POSTGRESQL, jdbc, user, password, null, Urls.mask(u), host, port, db);
    }

    private static String resolvePassword(String fromUrl, Map<String, String> env, String host, int port,
            String db, String user) {
        if (fromUrl != null) {
            return fromUrl;
        }
        String pw = env.get("PGPASSWORD");
        if (pw != null && !pw.isEmpty()) {
            return pw;
        }
        return PgPass.lookup(env, host, port, db, user).orElse(null);
    }

    private static int parsePort(String s, String url) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RetortException("Bad port '" + s + "' in database URL " + mask(url));
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String removeIgnoreCase(Map<String, String> params, String key) {
        String found = null;
        for (var it = params.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) {
                found = e.getValue();
                it.remove();
            }
        }
        return found;
    }

    private static String joinQuery(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(k)).append('=').append(encode(v));
        });
        return sb.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Replaces any password in free text that may hold URLs (a driver's message, say) by
     * {@code ***}: userinfo {@code user:pw@} and {@code password=} parameters anywhere in the
     * text. A whole URL is masked by {@link Urls#mask}, as everywhere else in Retort.
     */
    public static String mask(String text) {
        return Urls.maskText(text);
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The URL for the driver, without the password (that goes in the connection properties). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The resolved password. Handle with care: never print it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The SQLite database file (absolute), or empty for PostgreSQL and in-memory SQLite. */
    public Optional<Path> sqliteFile() {
        return Optional.ofNullable(sqliteFile);
    }

    /** PostgreSQL host ({@code localhost} when none), null for SQLite. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** PostgreSQL database name, or the SQLite file name. */
    public String database() {
        return database;
    }

    /** The URL as the user wrote it, password replaced by {@code ***}. */
    public String masked() {
        return masked;
    }

    @Override
    public String toString() {
        return masked;
    }
}
