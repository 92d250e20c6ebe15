package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.schema.Change;
import dev.retort.engine.schema.SchemaDiffer;
import dev.retort.engine.schema.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code diff}, {@code check} and {@code revision --autogenerate} share: the options of a
 * schema diff from the configuration ({@code schema}, {@code dev_url}, {@code include},
 * {@code exclude}, the version table), sides resolved against the working directory, and the
 * changes as JSON data.
 */
final class SchemaSides {
    private SchemaSides() {}

    /** The configuration when there is one; {@code diff} works without. */
    static Optional<RetortConfig> config(BaseCommand c, boolean required) {
        try {
            return Optional.of(c.config());
        } catch (RetortException e) {
            if (required) {
                throw e;
            }
            return Optional.empty();
        }
    }

    static SchemaDiffer.Options options(BaseCommand c, Optional<RetortConfig> config, String dialect, String devUrl) {
        Set<String> ignored = new HashSet<>(Scope.defaultIgnored());
        List<String> include = List.of();
        List<String> exclude = List.of();
        String dev = devUrl;
        if (config.isPresent()) {
            RetortConfig cfg = config.get();
            ignored.add(cfg.versionTable().toLowerCase(java.util.Locale.ROOT));
            include = list(cfg.get("include").orElse(""));
            exclude = list(cfg.get("exclude").orElse(""));
            if (dev == null) {
                dev = cfg.get("dev_url").filter(s -> !s.isBlank()).orElse(null);
            }
        }
        return new SchemaDiffer.Options(new Scope(null, Set.copyOf(ignored), include, exclude), dev, dialect);
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    /**
     * A side as the engine takes it: a URL as is, a path made absolute against the working
     * directory. A path that does not exist is refused here, by name: otherwise a missing file
     * beside another file read as "neither side is a database".
     */
    static String side(BaseCommand c, String s) {
        if (dev.retort.engine.schema.SchemaConnections.isUrl(s)) {
            return s;
        }
        Path p = c.session().workingDirectory().resolve(s).toAbsolutePath().normalize();
        if (!java.nio.file.Files.exists(p)) {
            throw new RetortException("Schema " + p + " does not exist (expected a database URL, a .sql file or a directory)");
        }
        return p.toString();
    }

    /** The desired schema of the configuration: {@code schema}, relative to the configuration file. */
    static String desired(RetortConfig cfg) {
        String s = cfg.get("schema").filter(v -> !v.isBlank()).orElseThrow(() -> new RetortException(
                "No desired schema: set 'schema' in [" + cfg.sectionName() + "] of " + cfg.file()
                        + " to a .sql file or a directory of them"));
        Path base = cfg.file() == null ? Path.of("") : cfg.file().toAbsolutePath().getParent();
        return base.resolve(s).toAbsolutePath().normalize().toString();
    }

    static String url(RetortConfig cfg) {
        return cfg.requireUrl();
    }

    /** Alembic's rendering of a list of operations: {@code [('add_column', 't.c'), ...]}. */
    static String operations(List<Change> changes) {
        List<String> ops = new ArrayList<>();
        for (Change ch : changes) {
            if (!ch.pragma()) {
                ops.add("('" + ch.op() + "', '" + ch.object().replace("'", "\\'") + "')");
            }
        }
        return "[" + String.join(", ", ops) + "]";
    }
}
