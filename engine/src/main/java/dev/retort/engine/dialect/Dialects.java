package dev.retort.engine.dialect;

import dev.retort.engine.RetortException;
import dev.retort.engine.db.DatabaseFamilies;
import dev.retort.engine.db.DatabaseFamily;
import java.util.List;

/**
 * Finds the dialect for a database URL or a dialect name, without connecting (offline SQL,
 * section names). The families own their dialects; this only asks
 * {@link DatabaseFamilies}, the one place URLs are classified.
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
     * {@code postgres://...}, and any {@code +driver} form ({@code postgresql+psycopg2://}).
     *
     * @throws RetortException {@code Unsupported database URL '<url, password masked>'}
     */
    public static Dialect forUrl(String url) {
        return DatabaseFamilies.forUrl(url).map(DatabaseFamily::dialect)
                .orElseThrow(() -> new RetortException("Unsupported database URL '" + Urls.mask(url) + "'"));
    }

    /**
     * The dialect called {@code name} ({@code sqlite}, {@code postgresql}; {@code postgres}
     * is accepted too), case-insensitive.
     *
     * @throws RetortException {@code Unknown dialect 'x'; known dialects: sqlite, postgresql}
     */
    public static Dialect forName(String name) {
        return DatabaseFamilies.named(name).map(DatabaseFamily::dialect)
                .orElseThrow(() -> new RetortException("Unknown dialect '" + name + "'; known dialects: "
                        + String.join(", ", names())));
    }
}
