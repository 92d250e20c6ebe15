package dev.retort.shell.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options that come before the command, as in Alembic: {@code retort -c FILE -x k=v upgrade head}. */
public final class GlobalOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: $RETORT_CONFIG or ./retort.ini).")
    String config;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Section of the configuration file (default: retort).")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "Database URL, overriding the configuration.")
    String url;

    @Option(names = "-x", paramLabel = "KEY=VALUE", description = "Override a configuration key for this run.")
    List<String> x = new ArrayList<>();

    /** Null when not given: then the user settings' {@code color}, else auto. */
    @Option(names = "--color", paramLabel = "WHEN",
            description = "Colour output: auto, always or never (default: auto; NO_COLOR turns it off).")
    String color;

    /** {@code -x} and {@code --url} as configuration overrides, in the order given. */
    Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        for (String kv : x) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new dev.retort.engine.RetortException(
                        "-x expects KEY=VALUE, got '" + kv + "'", 2, null);
            }
            o.put(kv.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), kv.substring(eq + 1).strip());
        }
        if (url != null) {
            o.put("url", url);
        }
        return o;
    }
}
