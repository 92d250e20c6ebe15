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

    private Stream<DynamicTest> tests(String family) throws IOException {
        return load(family).stream().flatMap(p -> Stream.of(
                DynamicTest.dynamicTest(family + ": " + p.name() + " [" + p.kind() + "] forward", () -> run(p, p.current(), p.desired())),
                DynamicTest.dynamicTest(family + ": " + p.name() + " [" + p.kind() + "] backward", () -> run(p, p.desired(), p.current()))));
    }

    private static void run(Pair p, String fromSql, String toSql) throws Exception {
        CorpusDatabases.require(p.family());
        String key = p.family() + " " + p.kind();
        RATES.computeIfAbsent(key, k -> new int[2])[1]++;
        String from = CorpusDatabases.fresh(p.family(), "cf");
        String to = CorpusDatabases.fresh(p.family(), "ct");
        try {
            build(from, fromSql, p.family());
            build(to, toSql, p.family());
            SchemaDiffer.Options o = SchemaDiffer.Options.defaults();
            Map<String, Long> before = counts(from, SchemaDiffer.read(SchemaConnections.target(from), Scope.all()));
            SchemaDiffer.Result diff = SchemaDiffer.diff(from, to, o);
            // (a) applies
            try (Connection c = CorpusDatabases.open(from); Statement st = c.createStatement()) {
                for (String s : diff.statements()) {
                    try {
                        st.execute(s);
                    } catch (SQLException e) {
                        throw new AssertionError("(a) failed at: " + s + "\n" + e.getMessage() + "\nwhole diff:\n" + diff.sql(), e);
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
                        + "\nwhole diff:\n" + diff.sql());
            }
            // (c) rows kept
            Map<String, Long> after = counts(from, SchemaDiffer.read(SchemaConnections.target(from), Scope.all()));
            for (Map.Entry<String, Long> e : before.entrySet()) {
                if (after.containsKey(e.getKey())) {
                    assertEquals(e.getValue(), after.get(e.getKey()), "(c) rows of " + e.getKey() + "\n" + diff.sql());
                }
            }
            // (d) second diff empty
            SchemaDiffer.Result again = SchemaDiffer.diff(from, to, o);
            assertTrue(again.isEmpty(), "(d) second diff not empty:\n" + again.sql() + "\nfirst diff:\n" + diff.sql());
            RATES.get(key)[0]++;
        } finally {
            CorpusDatabases.drop(from);
            CorpusDatabases.drop(to);
        }
    }

    private static void build(String url, String sql, String family) throws SQLException {
        try (Connection c = CorpusDatabases.open(url); Statement st = c.createStatement()) {
            for (String s : SchemaDiffer.split(sql, SchemaConnections.target(url).family())) {
                st.execute(s);
            }
        }
    }

    private static Map<String, Long> counts(String url, SchemaModel.DbSchema schema) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        SchemaFamily f = SchemaConnections.target(url).family();
        try (Connection c = CorpusDatabases.open(url); Statement st = c.createStatement()) {
            for (SchemaModel.Table t : schema.tables().values()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + f.qn(t))) {
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
