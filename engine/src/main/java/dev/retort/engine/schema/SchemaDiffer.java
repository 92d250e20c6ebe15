package dev.retort.engine.schema;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.dialect.Urls;
import dev.retort.engine.schema.SchemaConnections.Target;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The engine's schema service: reads each side of a diff (a database URL, or a {@code .sql}
 * file or directory built in a scratch database and read back from its catalog, never parsed
 * by hand) and returns the ordered changes between them. Stateless; each call opens and closes
 * its own connections and drops any scratch database it created.
 */
public final class SchemaDiffer {
    private SchemaDiffer() {}

    private static final AtomicInteger SEQ = new AtomicInteger();

    /**
     * @param scope   what takes part (tables, schemas)
     * @param devUrl  scratch database for building a {@code .sql} side; null for the default
     *                (SQLite in memory; a temporary database on the other side's server)
     * @param dialect family of a scratch database when neither side is a URL; null otherwise
     */
    public record Options(Scope scope, String devUrl, String dialect) {
        public static Options defaults() {
            return new Options(Scope.all(), null, null);
        }
    }

    /** The outcome: the family the changes are rendered for, and the changes in order. */
    public record Result(String family, List<Change> changes) {
        public boolean isEmpty() {
            return changes.isEmpty();
        }

        /** The statements, each ending with {@code ;}, destructive ones preceded by a marking comment. */
        public String sql() {
            StringBuilder sb = new StringBuilder();
            for (Change c : changes) {
                if (c.destructive()) {
                    sb.append("-- DESTRUCTIVE: ").append(c.op()).append(' ').append(c.object()).append(" (may lose data)\n");
                }
                for (String s : c.statements()) {
                    sb.append(s).append(";\n");
                }
            }
            return sb.toString();
        }

        /** Every statement, in order, without terminators. */
        public List<String> statements() {
            return changes.stream().flatMap(c -> c.statements().stream()).toList();
        }
    }

    /** The changes turning {@code from}'s schema into {@code to}'s; each side a URL or a path. */
    public static Result diff(String from, String to, Options options) {
        boolean fromUrl = SchemaConnections.isUrl(from);
        boolean toUrl = SchemaConnections.isUrl(to);
        Target ft = fromUrl ? SchemaConnections.target(from) : null;
        Target tt = toUrl ? SchemaConnections.target(to) : null;
        Target reference = ft != null ? ft : tt;
        SchemaFamily family = reference != null ? reference.family()
                : options.dialect() != null ? SchemaConnections.family(options.dialect())
                : options.devUrl() != null ? SchemaConnections.target(options.devUrl()).family()
                : null;
        if (family == null) {
            throw new RetortException("Neither side is a database: pass --dialect (sqlite, postgresql, mariadb) or set dev_url");
        }
        if (ft != null && tt != null && !ft.family().name().equals(tt.family().name())) {
            throw new RetortException("Can't diff a " + ft.family().name() + " database against a " + tt.family().name() + " one");
        }
        DbSchema a = fromUrl ? read(ft, options.scope()) : build(Path.of(from), family, reference, options);
        DbSchema b = toUrl ? read(tt, options.scope()) : build(Path.of(to), family, reference, options);
        return new Result(family.name(), SchemaDiff.diff(family, a, b));
    }

    /** The schema of the database at {@code t}. */
    public static DbSchema read(Target t, Scope scope) {
        try (Connection c = t.open()) {
            return t.family().read(c, t.schema() == null ? scope : scope.withSchema(t.schema()));
        } catch (SQLException e) {
            throw new RetortException("Can't read the catalog of " + t.masked() + ": " + Urls.maskText(SchemaConnections.firstLine(e.getMessage())), e);
        }
    }

    private static final List<String> DIALECT_NAMES = List.of("sqlite", "postgresql", "mariadb", "mysql");

    /**
     * The text of a {@code .sql} file, or of every {@code .sql} file of a directory in name order,
     * for {@code family}: a file {@code NAME.<dialect>.sql} is that dialect's own (beside
     * {@code NAME.sql} it replaces it; in a directory other dialects' files are left out), so one
     * schema can say what differs between databases the way script sections do.
     */
    public static String load(Path path, String family) {
        String own = Dialects.canonicalName(family); // mariadb files are mysql ones too
        try {
            if (Files.isDirectory(path)) {
                StringBuilder sb = new StringBuilder();
                try (Stream<Path> files = Files.list(path)) {
                    for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                        String dialect = dialectOf(p);
                        if (dialect == null || dialect.equals(own) || dialect.equals(family)) {
                            sb.append(Files.readString(p)).append("\n;\n");
                        }
                    }
                }
                return sb.toString();
            }
            String name = path.getFileName().toString();
            if (name.endsWith(".sql") && dialectOf(path) == null) {
                String stem = name.substring(0, name.length() - 4);
                for (String d : List.of(family, own)) {
                    Path variant = path.resolveSibling(stem + "." + d + ".sql");
                    if (Files.isRegularFile(variant)) {
                        return Files.readString(variant);
                    }
                }
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw new RetortException("Can't read schema " + path + ": " + e.getMessage(), e);
        }
    }

    private static String dialectOf(Path p) {
        String n = p.getFileName().toString();
        for (String d : DIALECT_NAMES) {
            if (n.endsWith("." + d + ".sql")) {
                return d;
            }
        }
        return null;
    }

    /** The statements of a schema script for {@code family}. */
    public static List<String> split(String sql, SchemaFamily family) {
        return family.split(sql);
    }

    /** Builds {@code path}'s schema in a scratch database of {@code family} and reads it back. */
    public static DbSchema build(Path path, SchemaFamily family, Target reference, Options options) {
        if (!Files.exists(path)) {
            throw new RetortException("Schema " + path + " does not exist (expected a database URL, a .sql file or a directory)");
        }
        List<String> statements = split(load(path, family.name()), family);
        String scratch = "retort_dev_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        Scope scope = options.scope();
        String memory = family.memoryUrl();
        if (memory != null) {
            Target t = options.devUrl() != null ? SchemaConnections.target(options.devUrl())
                    : new Target(family, memory, null, null, null, family.name() + " in memory", ":memory:");
            try (Connection c = t.open()) {
                apply(c, statements, path);
                return family.read(c, scope);
            } catch (SQLException e) {
                throw new RetortException("Can't read back schema " + path + ": " + e.getMessage(), e);
            }
        }
        Target server = options.devUrl() != null ? SchemaConnections.target(options.devUrl()) : reference;
        if (server == null || !server.family().name().equals(family.name())) {
            throw new RetortException("No scratch database for " + family.name() + " schema " + path
                    + ": set dev_url to a " + family.name() + " database Retort may create databases on");
        }
        String schema = reference != null ? reference.schema() : null;
        boolean created = false;
        try (Connection admin = server.open()) {
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + family.q(scratch));
                created = true;
            } catch (SQLException e) {
                throw new RetortException("Can't create a scratch database on " + server.masked() + ": "
                        + SchemaConnections.firstLine(e.getMessage()) + "; set dev_url to a database server where Retort may", e);
            }
            try {
                Target t = server.withDatabase(scratch);
                try (Connection c = t.open()) {
                    if (schema != null) {
                        family.enterSchema(c, schema);
                    }
                    apply(c, statements, path);
                    return family.read(c, schema == null ? scope : scope.withSchema(schema));
                }
            } finally {
                if (created) {
                    try (Statement st = admin.createStatement()) {
                        st.execute(family.dropDatabase(scratch));
                    }
                }
            }
        } catch (SQLException e) {
            throw new RetortException("Can't read back schema " + path + ": " + SchemaConnections.firstLine(e.getMessage()), e);
        }
    }

    private static void apply(Connection c, List<String> statements, Path path) {
        for (String s : statements) {
            try (Statement st = c.createStatement()) {
                st.execute(s);
            } catch (SQLException e) {
                String head = s.length() > 60 ? s.substring(0, 60) + "..." : s;
                throw new RetortException("Schema " + path + " failed on the scratch database at '" + head.replace('\n', ' ')
                        + "': " + SchemaConnections.firstLine(e.getMessage()), e);
            }
        }
    }

    /** Lower-case family name of a URL, for messages and section markers. */
    public static String familyOf(String url) {
        return SchemaConnections.target(url).family().name().toLowerCase(Locale.ROOT);
    }

    static List<String> copy(List<String> l) {
        return new ArrayList<>(l);
    }
}
