package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded Alembic command of {@code shared/conformance/cases} run through Retort's CLI
 * (in process, one fresh session per command as a one-shot process would have) and compared by
 * the rules of {@code shared/tools/compare.py}: exit class, error text, stdout (sets where
 * Alembic's order is a Python set), offline SQL per step, version rows and applied tables after
 * every online command, generated headers and heads after every mutating command.
 */
class AlembicConformanceTest {

    @TestFactory
    Stream<DynamicNode> recordedAlembicCases() throws IOException {
        return cases().stream().map(f -> caseContainer(new ConformanceCase(f), ConformanceBackend.SQLITE, false));
    }

    /**
     * The same online sequences on PostgreSQL (RETORT_TEST_PG_URL, default the local server):
     * one schema per case and sequence; version rows and applied tables after every command.
     */
    @TestFactory
    Stream<DynamicNode> recordedOnlineSequencesOnPostgres() throws IOException {
        String url = System.getenv().getOrDefault("RETORT_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        ConformanceBackend.Postgres pg = new ConformanceBackend.Postgres(url);
        try (var c = pg.connect()) {
            c.isValid(2);
        } catch (java.sql.SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at " + dev.retort.engine.dialect.Urls.mask(url) + " does not answer: " + e.getMessage());
            }
            System.err.println("NOTICE: PostgreSQL not reachable (" + e.getMessage() + "); PostgreSQL conformance skipped");
            Assumptions.abort("no PostgreSQL");
        }
        return cases().stream().map(f -> caseContainer(new ConformanceCase(f), pg, true));
    }

    /**
     * The same online sequences on MariaDB/MySQL (RETORT_TEST_MYSQL_URL, default the local
     * MariaDB), through {@code mariadb://} URLs: one database per case and sequence; version
     * rows and applied tables after every command.
     */
    @TestFactory
    Stream<DynamicNode> recordedOnlineSequencesOnMariaDb() throws IOException {
        String url = System.getenv().getOrDefault("RETORT_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        ConformanceBackend.MySql my = new ConformanceBackend.MySql(url);
        try (var c = my.connect()) {
            c.isValid(2);
        } catch (java.sql.SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("MariaDB at " + dev.retort.engine.dialect.Urls.mask(url) + " does not answer: " + e.getMessage());
            }
            System.err.println("NOTICE: MariaDB not reachable (" + e.getMessage() + "); MariaDB conformance skipped");
            Assumptions.abort("no MariaDB");
        }
        return cases().stream().map(f -> caseContainer(new ConformanceCase(f), my, true));
    }

    /**
     * Whether the command's outcome hangs on which version row comes first: a relative
     * downgrade from several rows recorded in an order other than primary-key order.
     */
    private static boolean firstRowDecides(JsonNode before, List<String> argv) {
        if (before == null || !argv.contains("downgrade")
                || argv.stream().noneMatch(a -> a.matches("-\\d+|.*@-\\d+"))) {
            return false;
        }
        List<String> rows = ConformanceCase.strings(before.path("version_rows"));
        return rows.size() > 1 && !rows.equals(sorted(rows));
    }

    private static List<Path> cases() throws IOException {
        Path cases = ConformanceCase.casesDirectory();
        if (cases == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("shared/conformance/cases not found above " + Path.of("").toAbsolutePath());
            }
            System.err.println("NOTICE: shared/conformance/cases not found; conformance tests skipped");
            Assumptions.abort("no conformance cases");
        }
        List<Path> found;
        try (Stream<Path> s = Files.list(cases)) {
            found = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (found.isEmpty()) {
            // a directory without cases would pass as "Tests run: 0"
            if ("true".equals(System.getenv("CI"))) {
                fail("no *.json conformance case in " + cases);
            }
            System.err.println("NOTICE: no conformance case in " + cases + "; conformance tests skipped");
            Assumptions.abort("no conformance cases");
        }
        return found;
    }

    private DynamicContainer caseContainer(ConformanceCase c, ConformanceBackend backend, boolean onlineOnly) {
        Path tmp;
        Path base;
        try {
            tmp = Files.createTempDirectory("retort-conf-" + c.name + "-");
            base = tmp.resolve("base");
            c.buildProject(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> projects = new HashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        if (backend instanceof ConformanceBackend.Server server) {
            tests.add(DynamicTest.dynamicTest("fresh schemas", () -> server.reset(c.name, List.of("step", "full", "topo", "walk"))));
        }
        JsonNode cmds = c.root.path("commands");
        Map<String, JsonNode> previous = new HashMap<>();
        Map<String, String> torn = new HashMap<>();
        for (int i = 0; i < cmds.size(); i++) {
            JsonNode a = cmds.get(i);
            JsonNode before = previous.put(a.path("kind").asText(), a);
            String tornBy = torn.get(a.path("kind").asText());
            if (a.path("kind").asText().startsWith("online") && a.path("exit_code").asInt() == 1
                    && changedState(before, a)) {
                // Alembic crashed half-way through this command and left a database Retort never
                // produces (a step's script ran without its version row). Sequential replays can't
                // follow it from here; the PostgreSQL run compares every command from the recorded
                // state instead.
                torn.putIfAbsent(a.path("kind").asText(), String.join(" ", ConformanceCase.strings(a.path("argv"))));
            }
            if (a.path("exit_code").asInt() == 2) {
                continue; // Alembic's argparse rejected it: nothing to compare
            }
            int index = i;
            String kind = a.path("kind").asText();
            if (onlineOnly && !kind.startsWith("online")) {
                continue;
            }
            List<String> argv = ConformanceCase.strings(a.path("argv"));
            String title = "#" + i + " " + kind + ": " + String.join(" ", argv);
            boolean sequential = !(backend instanceof ConformanceBackend.Server);
            tests.add(DynamicTest.dynamicTest(title, () -> {
                Assumptions.assumeTrue(!sequential || tornBy == null,
                        () -> "skipped: Alembic crashed mid-run at '" + tornBy + "' and left a torn database");
                Assumptions.assumeFalse(backend instanceof ConformanceBackend.MySql && firstRowDecides(before, argv),
                        () -> "skipped on MySQL: `downgrade -N` from several heads takes the first version row, and"
                                + " InnoDB returns rows in primary-key order, not the recorded insertion order"
                                + " (Alembic on MySQL reads the same order)");
                if (backend instanceof ConformanceBackend.Server pg && kind.startsWith("online")) {
                    // start every command from the state Alembic recorded before it, in its row
                    // order: PostgreSQL's storage order after an UPDATE differs from SQLite's, and
                    // `downgrade -1` with several heads takes the first row
                    String db = dbName(argv);
                    if (before == null) {
                        pg.seed(c.name, db, false, List.of(), List.of());
                    } else {
                        pg.seed(c.name, db, before.path("version_table_exists").asBoolean(),
                                ConformanceCase.strings(before.path("version_rows")),
                                ConformanceCase.strings(before.path("applied")));
                    }
                }
                check(c, backend, tmp, base, projects, index, a, kind, argv);
            }));
        }
        tests.add(DynamicTest.dynamicTest("cleanup", () -> {
            backend.cleanup(c.name);
            delete(tmp);
        }));
        return DynamicContainer.dynamicContainer(c.name + " (" + backend.name() + ")", tests);
    }

    private void check(ConformanceCase c, ConformanceBackend backend, Path tmp, Path base, Map<String, Path> projects, int index, JsonNode a,
            String kind, List<String> argv) throws IOException {
        Path root;
        if (kind.equals("mutate")) {
            root = tmp.resolve("m" + index);
            copy(base, root);
        } else if (kind.startsWith("online")) {
            root = projects.get(kind);
            if (root == null) {
                root = tmp.resolve(kind.replace(':', '_'));
                copy(base, root);
                projects.put(kind, root);
            }
        } else {
            root = base;
        }
        String[] db = new String[1];
        List<String> mapped = ConformanceCase.mapArgv(argv, root, db, backend, c.name);
        Assumptions.assumeTrue(mapped != null, "--tag is an env.py argument in Alembic");
        ConformanceCase.Result b = ConformanceCase.run(mapped, root, kind.startsWith("online") ? db[0] : null, backend, c.name);
        assertTrue(!b.stackTrace(), () -> "stack trace shown to the user:\n" + b.stderr() + b.stdout());
        int aExit = a.path("exit_code").asInt();
        String aOut = a.path("stdout").asText();
        List<String> diffs = new ArrayList<>();
        String bOut = b.exitCode() == 0 ? ConformanceCase.normaliseSuccess(b.stdout()) : b.stdout();
        if (aExit == 255 && b.exitCode() == 255) {
            String want = "";
            for (String l : aOut.split("\n")) {
                if (l.startsWith("FAILED: ")) {
                    want = ConformanceCase.canon(l.substring("FAILED: ".length()));
                }
            }
            if (!ConformanceCase.canon(b.stdout().strip()).contains(want)) {
                diffs.add("error text: want '" + want + "' got '" + b.stdout().strip() + "'");
            }
            if (a.has("version_rows") && !sorted(ConformanceCase.strings(a.path("version_rows"))).equals(sorted(b.rows()))) {
                diffs.add("version_rows " + a.path("version_rows") + " != " + b.rows());
            }
        } else {
            String ca = ConformanceCase.exitClass(aExit);
            String cb = ConformanceCase.exitClass(b.exitCode());
            boolean crash = ca.equals("crash") || cb.equals("crash");
            if (!ca.equals(cb) && !(crash && !ca.equals("ok") && !cb.equals("ok"))) {
                diffs.add("exit " + aExit + " != " + b.exitCode() + " (stdout " + b.stdout().strip() + " stderr "
                        + b.stderr().strip() + ")");
            }
            if (!crash) {
                String an = ConformanceCase.dropDocstrings(ConformanceCase.versionDdl(aOut));
                String bn = ConformanceCase.dropDocstrings(ConformanceCase.versionDdl(bOut));
                if (backend != ConformanceBackend.SQLITE) {
                    // `current -v` names the database: a SQLite file in the recording
                    an = an.replaceAll("(?m)^Current revision\\(s\\) for .*\n", "");
                    bn = bn.replaceAll("(?m)^Current revision\\(s\\) for .*\n", "");
                }
                if (argv.contains("--sql") && ca.equals("ok")) {
                    if (!ConformanceCase.normOffline(an).equals(ConformanceCase.normOffline(bn))) {
                        diffs.add("offline SQL differs:\n--- alembic\n" + aOut + "\n--- retort\n" + b.stdout());
                    }
                } else {
                    String command = a.path("command").asText(null);
                    Boolean order = a.has("stdout_line_order_significant")
                            ? a.path("stdout_line_order_significant").asBoolean() : null;
                    if (argv.contains("show") && argv.contains("current")) {
                        // one entry per version row, in the rows' storage order, which after a
                        // merge follows Python's set order in Alembic: compare the entries as a set
                        an = String.join("\n", entries(an));
                        bn = String.join("\n", entries(bn));
                    }
                    if (!ConformanceCase.normStdout(an, command, order).equals(ConformanceCase.normStdout(bn, command, order))) {
                        diffs.add("stdout differs:\n--- alembic\n" + aOut + "\n--- retort\n" + bOut);
                    }
                }
                if (a.has("version_rows")) {
                    if (!sorted(ConformanceCase.strings(a.path("version_rows"))).equals(sorted(b.rows()))) {
                        diffs.add("version_rows " + a.path("version_rows") + " != " + b.rows());
                    }
                    if (!sorted(ConformanceCase.strings(a.path("applied"))).equals(sorted(b.applied()))) {
                        diffs.add("applied " + a.path("applied") + " != " + b.applied());
                    }
                }
            }
        }
        if (kind.equals("mutate") && aExit == 0 && b.exitCode() == 0) {
            checkMutation(c, root, a, diffs);
        }
        if (!diffs.isEmpty()) {
            fail(c.name + " " + kind + " " + String.join(" ", argv) + ":\n" + String.join("\n", diffs)
                    + "\nstderr: " + b.stderr());
        }
    }

    private void checkMutation(ConformanceCase c, Path root, JsonNode a, List<String> diffs) throws IOException {
        Path vdir = root.resolve("migrations/versions");
        List<String> before = new ArrayList<>();
        c.root.path("graph").path("revisions").forEach(r -> before.add(r.path("filename").asText().replaceAll("\\.py$", ".sql")));
        List<String> got = new ArrayList<>();
        try (Stream<Path> s = Files.list(vdir)) {
            for (Path f : s.sorted().toList()) {
                if (!before.contains(f.getFileName().toString())) {
                    got.add(headerVars(f).toString());
                }
            }
        }
        List<String> want = new ArrayList<>();
        for (JsonNode g : a.path("generated_files")) {
            want.add(canonVars(g.path("variables")).toString());
        }
        if (!got.equals(want)) {
            diffs.add("generated header " + got + " != " + want);
        }
        ConformanceCase.Result h = ConformanceCase.run(List.of("heads"), root, null);
        String hOut = ConformanceCase.normaliseSuccess(h.stdout());
        if (!ConformanceCase.normStdout(hOut, "heads", null)
                .equals(ConformanceCase.normStdout(a.path("heads_after").asText(""), "heads", null))) {
            diffs.add("heads after: " + hOut + " != " + a.path("heads_after").asText());
        }
    }

    private static Map<String, Object> headerVars(Path file) throws IOException {
        Map<String, List<String>> keys = new HashMap<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.startsWith("--")) {
                break;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("--\\s*([A-Za-z ]+):\\s*(.*)$").matcher(l);
            if (m.matches()) {
                List<String> vals = new ArrayList<>();
                for (String x : m.group(2).split(",")) {
                    if (!x.strip().isEmpty()) {
                        vals.add(x.strip());
                    }
                }
                keys.put(m.group(1).strip().toLowerCase(java.util.Locale.ROOT), vals);
            }
        }
        Map<String, Object> v = new java.util.TreeMap<>();
        List<String> id = keys.getOrDefault("revision id", List.of());
        v.put("revision", id.isEmpty() ? null : id.get(0));
        v.put("down_revision", sorted(keys.getOrDefault("revises", List.of())));
        v.put("branch_labels", sorted(keys.getOrDefault("branch labels", List.of())));
        v.put("depends_on", sorted(keys.getOrDefault("depends on", List.of())));
        return v;
    }

    private static Map<String, Object> canonVars(JsonNode vars) {
        Map<String, Object> v = new java.util.TreeMap<>();
        v.put("revision", vars.path("revision").isNull() ? null : vars.path("revision").asText());
        for (String k : List.of("down_revision", "branch_labels", "depends_on")) {
            JsonNode n = vars.path(k);
            List<String> l = new ArrayList<>();
            if (n.isTextual()) {
                l.add(n.asText());
            } else if (n.isArray()) {
                n.forEach(x -> l.add(x.asText()));
            }
            v.put(k, sorted(l));
        }
        return v;
    }

    /** Whether Alembic's recorded database changed between two commands of one sequence. */
    private static boolean changedState(JsonNode before, JsonNode after) {
        List<String> rowsBefore = before == null ? List.of() : sorted(ConformanceCase.strings(before.path("version_rows")));
        List<String> appliedBefore = before == null ? List.of() : sorted(ConformanceCase.strings(before.path("applied")));
        return !rowsBefore.equals(sorted(ConformanceCase.strings(after.path("version_rows"))))
                || !appliedBefore.equals(sorted(ConformanceCase.strings(after.path("applied"))));
    }

    /** Verbose entries ({@code Rev: ...} blocks), sorted. */
    private static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.split("(?m)(?=^Rev: )")) {
            if (!block.isBlank()) {
                out.add(block.strip());
            }
        }
        out.sort(null);
        return out;
    }

    private static String dbName(List<String> argv) {
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals("-x") && argv.get(i + 1).startsWith("db=")) {
                return argv.get(i + 1).substring(3);
            }
        }
        return "main";
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).filter(Objects::nonNull).forEach(java.io.File::delete);
        }
        assertEquals(false, Files.exists(dir));
    }
}
