package example;

import dev.retort.engine.Retort;
import dev.retort.engine.api.RunResult;

/**
 * A tiny application that migrates its database at start-up, as a Flyway user would: the
 * scripts ship on its class path ({@code db/retort/} in its jar), there is no configuration
 * file, and the database URL comes from the command line (default {@code jdbc:sqlite:app.db}).
 */
public final class App {
    private App() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:sqlite:app.db";
        try (Retort retort = Retort.configure()
                .url(url)
                .locations("classpath:db/retort")
                .load()) {
            RunResult result = retort.upgrade("heads");
            System.out.println("migrated " + result.headsBefore() + " -> " + result.headsAfter() + " in "
                    + result.steps().size() + " step(s)");
        }
    }
}
