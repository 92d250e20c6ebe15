package dev.retort.engine.db;

import dev.retort.engine.db.mysql.MySqlFamily;
import dev.retort.engine.db.postgresql.PostgresFamily;
import dev.retort.engine.db.sqlite.SqliteFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of database families: the one place a URL or a dialect name is matched to a
 * family. A new family is one line in {@link #ALL}.
 */
public final class DatabaseFamilies {

    /** Every family Retort knows, in the order their names are listed to users. */
    public static final List<DatabaseFamily> ALL = List.of(
            new SqliteFamily(),
            new PostgresFamily(),
            new MySqlFamily());

    /** Alembic/SQLAlchemy style: {@code name[+driver]://...}. */
    private static final Pattern SQLALCHEMY_URL =
            Pattern.compile("([A-Za-z][A-Za-z0-9]*)(\\+[A-Za-z0-9_]+)?://.*", Pattern.DOTALL);

    /** JDBC style: {@code jdbc:name:...}. */
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:([A-Za-z][A-Za-z0-9]*):.*", Pattern.DOTALL);

    private DatabaseFamilies() {}

    /** The family whose scheme {@code url} has ({@code jdbc:<scheme>:...}, {@code <scheme>[+driver]://...}). */
    public static Optional<DatabaseFamily> forUrl(String url) {
        return scheme(url).flatMap(DatabaseFamilies::named);
    }

    /** The scheme of {@code url} ({@code jdbc:<scheme>:...}, {@code <scheme>[+driver]://...}), as written. */
    public static Optional<String> scheme(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher jdbc = JDBC_URL.matcher(url);
        if (jdbc.matches()) {
            return Optional.of(jdbc.group(1));
        }
        Matcher sqlalchemy = SQLALCHEMY_URL.matcher(url);
        return sqlalchemy.matches() ? Optional.of(sqlalchemy.group(1)) : Optional.empty();
    }

    /** The family with this name or scheme ({@code postgres} finds PostgreSQL), case-insensitive. */
    public static Optional<DatabaseFamily> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.schemes().contains(n)).findFirst();
    }

    /** The families' names: the dialect names sections may be qualified with. */
    public static List<String> names() {
        return ALL.stream().map(DatabaseFamily::name).toList();
    }

    /** {@code jdbc:sqlite:, jdbc:postgresql://, sqlite:/// or postgresql://}: the forms to suggest. */
    public static String urlFormsHint() {
        List<String> forms = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (DatabaseFamily f : ALL) {
                if (i < f.urlForms().size()) {
                    forms.add(f.urlForms().get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return forms.size() == 1 ? forms.get(0)
                : String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.get(forms.size() - 1);
    }
}
