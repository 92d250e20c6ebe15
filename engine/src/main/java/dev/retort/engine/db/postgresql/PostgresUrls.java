package dev.retort.engine.db.postgresql;

import dev.retort.engine.db.DatabaseFamily;
import dev.retort.engine.db.Secret;
import dev.retort.engine.db.ServerUrl;
import dev.retort.engine.db.UrlParts;
import java.util.Map;

/**
 * PostgreSQL URLs into {@link ServerUrl}s: {@code jdbc:postgresql://host:port/db?user=..&password=..}
 * (also {@code jdbc:postgresql:db}) and {@code postgresql[+driver]://user:pass@host:port/db?..}
 * (also {@code postgres://}). The password is taken out of the driver's URL; when the URL has
 * none it comes from {@code PGPASSWORD}, then the {@code .pgpass} file.
 */
final class PostgresUrls {
    private PostgresUrls() {}

    static ServerUrl parse(DatabaseFamily family, String u, Map<String, String> env) {
        return u.regionMatches(true, 0, "jdbc:", 0, 5) ? jdbc(family, u, env) : alembic(family, u, env);
    }

    private static ServerUrl jdbc(DatabaseFamily family, String u, Map<String, String> env) {
        String afterScheme = u.substring("jdbc:postgresql:".length());
        if (!afterScheme.startsWith("//")) {
            // jdbc:postgresql:db?...: local server, default port
            String query = "";
            String db = afterScheme;
            int q = afterScheme.indexOf('?');
            if (q >= 0) {
                query = afterScheme.substring(q + 1);
                db = afterScheme.substring(0, q);
            }
            UrlParts parts = new UrlParts("jdbc:postgresql:", null, null, "", db, query,
                    "jdbc:postgresql:" + db + (q < 0 ? "" : "?" + UrlParts.maskQuery(query)));
            Map<String, String> params = parts.parameters();
            String password = removeIgnoreCase(params, "password");
            String user = params.get("user");
            return build(family, "jdbc:postgresql:" + db, params, "localhost", PostgresFamily.DEFAULT_PORT, db, user,
                    password, parts.masked(), env);
        }
        UrlParts parts = UrlParts.split(u);
        Map<String, String> params = parts.parameters();
        String password = removeIgnoreCase(params, "password");
        if (password == null && parts.password() != null) {
            password = parts.password().reveal();
        }
        String user = params.get("user");
        if (user == null) {
            user = parts.user();
        }
        String db = parts.path() == null ? "" : parts.path();
        return build(family, "jdbc:postgresql://" + parts.hosts() + "/" + db, params, parts.firstHost(),
                parts.firstPort(PostgresFamily.DEFAULT_PORT), db, user, password, parts.masked(), env);
    }

    private static ServerUrl alembic(DatabaseFamily family, String u, Map<String, String> env) {
        UrlParts parts = UrlParts.split(u);
        String db = parts.path() == null ? "" : UrlParts.decode(parts.path());
        String host = parts.firstHost();
        int port = parts.firstPort(PostgresFamily.DEFAULT_PORT);
        Map<String, String> params = parts.parameters();
        String pwParam = removeIgnoreCase(params, "password");
        String password = parts.password() != null ? parts.password().reveal() : pwParam;
        String user = parts.user();
        if (user == null) {
            user = params.remove("user");
        } else {
            params.remove("user");
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return build(family, "jdbc:postgresql://" + hostPart + ":" + port + "/" + UrlParts.encode(db), params, host,
                port, db, user, password, parts.masked(), env);
    }

    private static ServerUrl build(DatabaseFamily family, String jdbcBase, Map<String, String> params, String host,
            int port, String db, String user, String password, String masked, Map<String, String> env) {
        String jdbc = jdbcBase + (params.isEmpty() ? "" : "?" + UrlParts.joinQuery(params));
        if (user == null) {
            user = env.get("PGUSER");
        }
        String effectiveUser = user != null ? user : System.getProperty("user.name");
        if (password == null) {
            String pw = env.get("PGPASSWORD");
            password = pw != null && !pw.isEmpty() ? pw
                    : PgPass.lookup(env, host, port, db.isEmpty() ? effectiveUser : db, effectiveUser).orElse(null);
        }
        return new ServerUrl(family, jdbc, host, port, db, user, password == null ? null : new Secret(password), masked);
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
}
