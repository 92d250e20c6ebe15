package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Urls;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB URLs, both servers through MariaDB Connector/J: Alembic/SQLAlchemy style
 * {@code mysql://user:pass@host:port/db}, {@code mariadb://...} and their {@code +driver}
 * forms ({@code mysql+pymysql://}), and JDBC {@code jdbc:mysql:...} / {@code jdbc:mariadb:...}
 * (Connector/J takes {@code jdbc:mysql:} only with {@code permitMysqlScheme}, so the driver
 * is always handed {@code jdbc:mariadb:}).
 *
 * <p>The password never stays in the driver's URL. First found wins: the URL (user-info or
 * {@code password=}), {@code MYSQL_PWD}, then {@code password} of the option file
 * {@code ~/.my.cnf} ({@link MyCnf}); the user likewise from the URL, the option file, else
 * the OS user, as the {@code mysql} client does. SQLAlchemy's {@code charset} parameter is
 * dropped (Connector/J always speaks utf8mb4) and {@code unix_socket} becomes Connector/J's
 * {@code localSocket}.
 */
final class MySqlUrls {

    private static final Pattern ALEMBIC = Pattern.compile("(?i)(mysql|mariadb)(\\+\\w+)?://.*", Pattern.DOTALL);
    static final int DEFAULT_PORT = 3306;

    private MySqlUrls() {}

    static boolean accepts(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:") || ALEMBIC.matcher(url).matches();
    }

    static DatabaseUrl parse(String u, Map<String, String> env) {
        MyCnf cnf = MyCnf.load(env);
        return u.startsWith("jdbc:") ? jdbc(u, env, cnf) : alembic(u, env, cnf);
    }

    private static DatabaseUrl alembic(String u, Map<String, String> env, MyCnf cnf) {
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
        Map<String, String> params = parseQuery(query);
        String pw = remove(params, "password");
        password = password != null ? password : pw;
        String qUser = remove(params, "user");
        user = user != null && !user.isEmpty() ? user : qUser;
        remove(params, "charset");
        String socket = remove(params, "unix_socket");
        String host = authority.isEmpty() ? null : authority;
        int port = -1;
        if (host != null) {
            int colon = host.lastIndexOf(':');
            if (colon > 0 && !host.endsWith("]")) {
                port = parsePort(host.substring(colon + 1), u);
                host = host.substring(0, colon);
            }
        }
        if (host == null) {
            host = cnf.get("host") != null ? cnf.get("host") : "localhost";
        }
        if (port < 0) {
            port = cnf.get("port") != null ? parsePort(cnf.get("port"), "~/.my.cnf") : DEFAULT_PORT;
        }
        if (db.isEmpty() && cnf.get("database") != null) {
            db = cnf.get("database");
        }
        if (socket != null) {
            params.put("localSocket", socket);
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String jdbc = "jdbc:mariadb://" + hostPart + ":" + port + "/" + encode(db) + joinQuery(params);
        return build(jdbc, user, password, env, cnf, Urls.mask(u), host, port, db);
    }

    /** {@code jdbc:mysql://host[:port][,host2...]/db?user=..&password=..}, kept as written but for the scheme and password. */
    private static DatabaseUrl jdbc(String u, Map<String, String> env, MyCnf cnf) {
        String rest = u.substring(u.indexOf(':', "jdbc:".length()) + 1);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> params = parseQuery(query);
        String password = remove(params, "password");
        String user = remove(params, "user");
        remove(params, "permitMysqlScheme");
        String host = "localhost";
        int port = DEFAULT_PORT;
        String db = "";
        int authStart = rest.indexOf("//");
        if (authStart < 0) {
            throw new RetortException("Bad MySQL URL " + Urls.mask(u) + ": expected jdbc:mysql://host:port/database");
        }
        String prefix = rest.substring(0, authStart); // a Connector/J mode such as "replication:"
        String auth = rest.substring(authStart + 2);
        int slash = auth.indexOf('/');
        if (slash >= 0) {
            db = decode(auth.substring(slash + 1));
            auth = auth.substring(0, slash);
        }
        String first = auth.split(",")[0];
        if (!first.isEmpty() && !first.startsWith("address=")) {
            int colon = first.lastIndexOf(':');
            if (colon > 0 && !first.endsWith("]")) {
                host = first.substring(0, colon);
                port = parsePort(first.substring(colon + 1), u);
            } else {
                host = first;
            }
        }
        String jdbc = "jdbc:mariadb:" + prefix + "//" + auth + "/" + encode(db) + joinQuery(params);
        return build(jdbc, user, password, env, cnf, Urls.mask(u), host, port, db);
    }

    private static DatabaseUrl build(String jdbc, String user, String password, Map<String, String> env, MyCnf cnf,
            String masked, String host, int port, String db) {
        String u = user != null && !user.isEmpty() ? user
                : cnf.get("user") != null ? cnf.get("user")
                : env.getOrDefault("USER", System.getProperty("user.name"));
        String pw = password;
        if (pw == null) {
            String fromEnv = env.get("MYSQL_PWD");
            pw = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : cnf.get("password");
        }
        return DatabaseUrl.mysql(jdbc, u, pw, masked, host, port, db);
    }

    private static int parsePort(String s, String where) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new RetortException("Bad port '" + s + "' in " + Urls.mask(where));
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
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

    private static String joinQuery(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
