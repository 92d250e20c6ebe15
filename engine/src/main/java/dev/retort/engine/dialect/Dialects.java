package dev.retort.engine.dialect;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseFamilies;
import dev.retort.engine.db.DatabaseFamily;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the dialect for a database URL or a dialect name, without connecting (offline SQL,
 * section names). The families own their dialects; this asks {@link DatabaseFamilies}, the one
 * place URLs are classified.
 *
 */
public final class Dialects {

    private Dialects() {}

    /** The dialect names Retort knows, as sections are qualified with them. */
    public static List<String> names() {
        return DatabaseFamilies.names();
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
        return DatabaseFamilies.scheme(url).flatMap(Dialects::find)
                .orElseThrow(() -> new RetortException("Unsupported database URL '" + Urls.mask(url) + "'"));
    }

    /**
     * The dialect called {@code name} ({@code sqlite}, {@code postgresql}, {@code mysql};
     * {@code postgres} and {@code mariadb} are accepted too), case-insensitive.
     *
     * @throws RetortException {@code Unknown dialect 'x'; known dialects: sqlite, postgresql, mysql}
     */
    public static Dialect forName(String name) {
        return find(name).orElseThrow(() -> new RetortException("Unknown dialect '" + name + "'; known dialects: "
                + String.join(", ", names())));
    }

    /**
     * The dialect name that {@code name} stands for, lower-cased: aliases ({@code postgres},
     * {@code mariadb}) give their family's name, so {@code -- retort:upgrade mariadb} is a
     * {@code mysql} section. An unknown name comes back lower-cased, for the caller to judge.
     */
    public static String canonicalName(String name) {
        return find(name).map(Dialect::name).orElse(name.toLowerCase(Locale.ROOT));
    }

    private static Optional<Dialect> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return DatabaseFamilies.named(name).map(DatabaseFamily::dialect);
    }
}
