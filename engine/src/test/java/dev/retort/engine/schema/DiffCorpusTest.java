package dev.retort.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of current/desired schema pairs ({@code schema-corpus/<family>.sql}), each run in
 * both directions against the real database: a fresh database holding one side, migrated with
 * the SQL of the diff to a fresh database built from the other, must (a) apply without error,
 * (b) end with a catalog equal to the other's ({@link CatalogFingerprint}), (c) keep the rows
 * of every table both sides have, and (d) give an empty second diff. Prints the pass rate per
 * family and object kind.
 */
class DiffCorpusTest {

    record Pair(String family, String name, String kind, String current, String desired) {}

    private static final Map<String, int[]> RATES = new TreeMap<>();

    static List<Pair> load(String family) throws IOException {
        String text;
        try (InputStream in = DiffCorpusTest.class.getResourceAsStream("/schema-corpus/" + family + ".sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Pair> out = new ArrayList<>();
        for (String block : text.split("(?m)^-- ==== ")) {
            if (block.isBlank()) {
                continue;
            }
            int nl = block.indexOf('\n');
            String head = block.substring(0, nl).strip();
            String body = block.substring(nl + 1);
            String[] sides = body.split("(?m)^-- ---- desired\\s*$", 2);
            String kind = head.replaceAll(".*\\[(.*)\\].*", "$1");
            String name = head.replaceAll("\\s*\\[.*\\]", "");
            out.add(new Pair(family, name, kind, sides[0], sides.length > 1 ? sides[1] : ""));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> sqlite() throws IOException {
        return tests("sqlite");
    }

    @TestFactory
    Stream<DynamicTest> postgresql() throws IOException {
        return tests("postgresql");
    }

    @TestFactory
    Stream<DynamicTest> mariadb() throws IOException {
        return tests("mariadb");
    }

    /** {@code -Dcorpus.filter=REGEX} runs only the pairs whose name or kind matches (all by default). */
    private Stream<DynamicTest> tests(String family) throws IOException {
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("corpus.filter", ".*"));
        return load(family).stream().filter(p -> only.matcher(p.name() + " [" + p.kind() + "]").find()).flatMap(p -> Stream.of(
                DynamicTest.dynamicTest(family + ": " + p.name() + " [" + p.kind() + "] forward", () -> run(p, p.current(), p.desired())),
                DynamicTest.dynamicTest(family + ": " + p.name() + " [" + p.kind() + "] backward", () -> run(p, p.desired(), p.current()))));
    }

    private static void run(Pair p, String fromSql, String toSql) throws Exception {
        CorpusDatabases.require(p.family());
        String key = p.family() + " " + p.kind();
        RATES.computeIfAbsent(key, k -> new int[2])[1]++;
        boolean whole = p.family().equals("postgresql") && p.kind().startsWith("database");
        try (CorpusDatabases.Db from = whole ? CorpusDatabases.wholePostgres("cf") : CorpusDatabases.db(p.family(), "cf");
                CorpusDatabases.Db to = whole ? CorpusDatabases.wholePostgres("ct") : CorpusDatabases.db(p.family(), "ct")) {
            build(from, fromSql);
            build(to, toSql);
            SchemaFamily f = from.family();
            Map<String, Long> before = counts(from, from.read());
            List<Change> diff = SchemaDiff.diff(f, from.read(), to.read());
            String text = new SchemaDiffer.Result(f.name(), diff).sql();
            // (a) applies
            try (Statement st = from.use().createStatement()) {
                for (Change ch : diff) {
                    for (String s : ch.statements()) {
                        try {
                            st.execute(s);
                        } catch (SQLException e) {
                            throw new AssertionError("(a) failed at: " + s + "\n" + e.getMessage() + "\nwhole diff:\n" + text, e);
                        }
                    }
                }
            }
            // (b) catalog equal
            TreeSet<String> got = CatalogFingerprint.of(from);
            TreeSet<String> want = CatalogFingerprint.of(to);
            if (!got.equals(want)) {
                TreeSet<String> extra = new TreeSet<>(got);
                extra.removeAll(want);
                TreeSet<String> missing = new TreeSet<>(want);
                missing.removeAll(got);
                throw new AssertionError("(b) catalogs differ\n  only migrated: " + extra + "\n  only desired:  " + missing
                        + "\nwhole diff:\n" + text);
            }
            // (c) rows kept
            Map<String, Long> after = counts(from, from.read());
            for (Map.Entry<String, Long> e : before.entrySet()) {
                if (after.containsKey(e.getKey())) {
                    assertEquals(e.getValue(), after.get(e.getKey()), "(c) rows of " + e.getKey() + "\n" + text);
                }
            }
            // (d) second diff empty
            List<Change> again = SchemaDiff.diff(f, from.read(), to.read());
            assertTrue(again.isEmpty(), "(d) second diff not empty:\n" + new SchemaDiffer.Result(f.name(), again).sql()
                    + "\nfirst diff:\n" + text);
            RATES.get(key)[0]++;
        }
    }

    private static void build(CorpusDatabases.Db db, String sql) throws SQLException {
        try (Statement st = db.use().createStatement()) {
            for (String s : SchemaDiffer.split(sql, db.family())) {
                st.execute(s);
            }
        }
    }

    private static Map<String, Long> counts(CorpusDatabases.Db db, SchemaModel.DbSchema schema) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = db.use().createStatement()) {
            for (SchemaModel.Table t : schema.tables().values()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db.family().qn(t))) {
                    rs.next();
                    out.put(t.key(), rs.getLong(1));
                }
            }
        }
        return out;
    }

    @AfterAll
    static void report() {
        if (RATES.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\nSchema diff corpus pass rate (family kind: passed/run, both directions)\n");
        Map<String, int[]> perFamily = new TreeMap<>();
        RATES.forEach((k, v) -> {
            sb.append(String.format("  %-28s %3d/%-3d%n", k, v[0], v[1]));
            int[] f = perFamily.computeIfAbsent(k.split(" ")[0], x -> new int[2]);
            f[0] += v[0];
            f[1] += v[1];
        });
        perFamily.forEach((k, v) -> sb.append(String.format("  %-28s %3d/%-3d (%.0f%%)%n", k + " TOTAL", v[0], v[1], 100.0 * v[0] / v[1])));
        System.out.println(sb);
    }
}
