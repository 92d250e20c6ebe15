package dev.retort.engine.dialect;

import dev.retort.engine.RetortException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dialect for a database URL or a dialect name. Adding a database family means a
 * {@link Dialect} implementation and one line in {@link #forName} and {@link #familyOf}.
 */
public final class Dialects {

    /** Alembic/SQLAlchemy style: {@code name[+driver]://...}. */
    private static final Pattern SQLALCHEMY_URL = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(\\+[A-Za-z0-9_]+)?://.*", Pattern.DOTALL);

    /** JDBC style: {@code jdbc:name:...}. */
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:([A-Za-z][A-Za-z0-9]*):.*", Pattern.DOTALL);

    private Dialects() {}

    /** The dialect names Retort knows, as sections are qualified with them. */
    public static List<String> names() {
        return List.of("sqlite", "postgresql", MySqlDialect.NAME);
    }

    /**
     * The dialect of {@code url}: {@code jdbc:sqlite:...}, {@code sqlite:///path},
     * {@code sqlite://} (in memory), {@code jdbc:postgresql:...}, {@code postgresql://...},
     * {@code postgres://...}, {@code jdbc:mysql:...}, {@code jdbc:mariadb:...},
     * {@code mysql://...}, {@code mariadb://...}, and any {@code +driver} form
     * ({@code postgresql+psycopg2://}, {@code mysql+pymysql://}).
     *
     * @throws RetortException {@code Unsupported database URL '<url, password masked>'}
     */
    public static Dialect forUrl(String url) {
        String family = null;
        if (url != null) {
            Matcher jdbc = JDBC_URL.matcher(url);
            Matcher sqlalchemy = SQLALCHEMY_URL.matcher(url);
            if (jdbc.matches()) {
                family = familyOf(jdbc.group(1));
            } else if (sqlalchemy.matches()) {
                family = familyOf(sqlalchemy.group(1));
            }
        }
        if (family == null) {
            throw new RetortException("Unsupported database URL '" + Urls.mask(url) + "'");
        }
        return forName(family);
    }

    /**
     * The dialect called {@code name} ({@code sqlite}, {@code postgresql}, {@code mysql};
     * {@code postgres} and {@code mariadb} are accepted too), case-insensitive.
     *
     * @throws RetortException {@code Unknown dialect 'x'; known dialects: sqlite, postgresql}
     */
    public static Dialect forName(String name) {
        String family = name == null ? null : familyOf(name);
        if ("sqlite".equals(family)) {
            return new SqliteDialect();
        }
        if ("postgresql".equals(family)) {
            return new PostgresDialect();
        }
        if (MySqlDialect.NAME.equals(family)) {
            return new MySqlDialect();
        }
        throw new RetortException("Unknown dialect '" + name + "'; known dialects: " + String.join(", ", names()));
    }

    /**
     * The dialect name that {@code name} stands for, lower-cased: aliases ({@code postgres},
     * {@code mariadb}) give their family's name, so {@code -- retort:upgrade mariadb} is a
     * {@code mysql} section. An unknown name comes back lower-cased, for the caller to judge.
     */
    public static String canonicalName(String name) {
        String family = familyOf(name);
        return family != null ? family : name.toLowerCase(Locale.ROOT);
    }

    /** URL scheme or dialect name to a dialect name, or null. */
    private static String familyOf(String scheme) {
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "sqlite":
                return "sqlite";
            case "postgresql":
            case "postgres":
                return "postgresql";
            case MySqlDialect.NAME:
            case MySqlDialect.ALIAS:
                return MySqlDialect.NAME;
            default:
                return null;
        }
    }
}
