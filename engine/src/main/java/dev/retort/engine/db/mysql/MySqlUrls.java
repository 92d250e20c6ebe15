package dev.retort.engine.db.mysql;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseFamily;
import dev.retort.engine.db.Secret;
import dev.retort.engine.db.ServerUrl;
import dev.retort.engine.db.UrlParts;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL and MariaDB URLs into {@link ServerUrl}s, both servers through MariaDB Connector/J:
 * Alembic/SQLAlchemy style {@code mysql://user:pass@host:port/db}, {@code mariadb://...} and
 * their {@code +driver} forms ({@code mysql+pymysql://}), and JDBC {@code jdbc:mysql://...} /
 * {@code jdbc:mariadb://...}, also Connector/J's modes ({@code jdbc:mariadb:replication://}).
 * Connector/J takes {@code jdbc:mysql:} only with {@code permitMysqlScheme}, so the driver is
 * always handed {@code jdbc:mariadb:}.
 *
 * <p>The password never stays in the driver's URL. First found wins: the URL (user info or
 * {@code password=}), {@code MYSQL_PWD}, then {@code password} of the option file
 * {@code ~/.my.cnf} ({@link MyCnf}); the user likewise from the URL, the option file, else
 * the OS user ({@code USER}), as the {@code mysql} client does; host, port and database fall
 * back on the option file too. SQLAlchemy's {@code charset} parameter is dropped (Connector/J
 * always speaks utf8mb4) and {@code unix_socket} becomes Connector/J's {@code localSocket}.
 */
final class MySqlUrls {

    static final int DEFAULT_PORT = 3306;

    private MySqlUrls() {}

    static ServerUrl parse(DatabaseFamily family, String u, Map<String, String> env) {
        MyCnf cnf = MyCnf.load(env);
        if (!u.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return alembic(family, u, env, cnf);
        }
        // jdbc:mysql://..., jdbc:mariadb://..., jdbc:mariadb:replication://...
        String rest = u.substring(u.indexOf(':', 5) + 1);
        int slashes = rest.indexOf("//");
        if (slashes < 0 || rest.substring(0, slashes).contains("/")) {
            throw new RetortException("Bad MySQL URL " + UrlParts.maskQuery(u)
                    + ": expected jdbc:mysql://host:port/database or mysql://user@host:port/database");
        }
        String mode = rest.substring(0, slashes);
        UrlParts parts = UrlParts.split(u);
        Map<String, String> params = parts.parameters();
        String password = remove(params, "password");
        if (password == null && parts.password() != null) {
            password = parts.password().reveal();
        }
        String user = remove(params, "user");
        if (user == null) {
            user = parts.user();
        }
        remove(params, "permitMysqlScheme");
        String db = parts.path() == null ? "" : UrlParts.decode(parts.path());
        String first = parts.hosts().split(",", -1)[0];
        boolean addressForm = first.startsWith("address=");
        String host = addressForm ? "localhost" : parts.firstHost();
        int port = addressForm ? DEFAULT_PORT : parts.firstPort(DEFAULT_PORT);
        String jdbc = "jdbc:mariadb:" + mode + "//" + parts.hosts() + "/" + UrlParts.encode(db)
                + (params.isEmpty() ? "" : "?" + driverQuery(params));
        return build(family, jdbc, host, port, db, user, password, parts.masked(), env, cnf);
    }

    private static ServerUrl alembic(DatabaseFamily family, String u, Map<String, String> env, MyCnf cnf) {
        UrlParts parts = UrlParts.split(u);
        Map<String, String> params = parts.parameters();
        String pwParam = remove(params, "password");
        String password = parts.password() != null ? parts.password().reveal() : pwParam;
        String userParam = remove(params, "user");
        String user = parts.user() != null && !parts.user().isEmpty() ? parts.user() : userParam;
        remove(params, "charset");
        String socket = remove(params, "unix_socket");
        if (socket != null) {
            params.put("localSocket", socket);
        }
        boolean namesHost = !parts.hosts().isEmpty();
        String host = namesHost ? parts.firstHost() : cnf.get("host") != null ? cnf.get("host") : "localhost";
        int named = namesHost ? parts.firstPort(-1) : -1;
        int port = named >= 0 ? named : cnfPort(cnf, parts);
        String db = parts.path() == null || parts.path().isEmpty()
                ? (cnf.get("database") != null ? cnf.get("database") : "") : UrlParts.decode(parts.path());
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String jdbc = "jdbc:mariadb://" + hostPart + ":" + port + "/" + UrlParts.encode(db)
                + (params.isEmpty() ? "" : "?" + driverQuery(params));
        return build(family, jdbc, host, port, db, user, password, parts.masked(), env, cnf);
    }

    /**
     * The driver's query string: MariaDB Connector/J does not percent-decode parameter values
     * ({@code sessionVariables=sql_mode=ANSI} must reach it as written), so they pass as they are.
     */
    private static String driverQuery(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    private static int cnfPort(MyCnf cnf, UrlParts parts) {
        String p = cnf.get("port");
        if (p == null) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(p.strip());
        } catch (NumberFormatException e) {
            throw new RetortException("Bad port '" + p + "' in ~/.my.cnf (for " + parts.masked() + ")");
        }
    }

    private static ServerUrl build(DatabaseFamily family, String jdbc, String host, int port, String db, String user,
            String password, String masked, Map<String, String> env, MyCnf cnf) {
        String u = user != null && !user.isEmpty() ? user
                : cnf.get("user") != null ? cnf.get("user")
                : env.getOrDefault("USER", System.getProperty("user.name"));
        String pw = password;
        if (pw == null) {
            String fromEnv = env.get("MYSQL_PWD");
            pw = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : cnf.get("password");
        }
        return new ServerUrl(family, jdbc, host, port, db, u, pw == null ? null : new Secret(pw), masked);
    }

    private static String remove(Map<String, String> params, String key) {
        String found = null;
        for (var it = params.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                found = e.getValue();
                it.remove();
            }
        }
        return found;
    }
}
