package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same plan shows the same lint findings in the shell's plan before the question, in
 * {@code --dry-run} (text and {@code --json}), in {@code --sql} (rules only: nothing connects,
 * so no table sizes), in {@code lint --json}, in {@code status} (text and {@code --json}) and in
 * the panel's preview; and {@code lint} exits 1 on an error.
 */
class LintEverywhereTest {

    @TempDir
    Path dir;

    private CliHarness project() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of(
                "a1_orders.sql", CliHarness.script("a1", "", "orders",
                        "CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);", "DROP TABLE orders;"),
                "a2_purge.sql", CliHarness.script("a2", "a1", "purge",
                        "DELETE FROM orders;\nPRAGMA foreign_keys = OFF;", "-- nothing")));
        assertEquals(0, h.run("upgrade", "a1").exit());
        return h;
    }

    private static List<String> lintLines(String text) {
        return text.lines().map(String::strip).filter(l -> l.startsWith("-- lint ")).map(l -> l.substring(3)).toList();
    }

    private static List<String> tags(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.indexOf("]:") + 1)).toList();
    }

    @Test
    void sameFindingsInEveryPreview() throws Exception {
        CliHarness h = project();
        List<String> dryRun = lintLines(h.run("upgrade", "heads", "--dry-run").out());
        List<String> sql = lintLines(h.run("upgrade", "a1:heads", "--sql").out());

        CliHarness.Run lint = h.run("lint", "--json");
        assertEquals(0, lint.exit(), lint.err());
        JsonNode json = new ObjectMapper().readTree(lint.out());
        List<String> fromJson = new ArrayList<>();
        json.get("findings").forEach(f -> fromJson.add(line(f)));
        List<String> fromDryRunJson = stepFindings(json(h, "upgrade", "heads", "--dry-run", "--json").get("plan").get("steps"));
        List<String> fromSqlJson = stepFindings(json(h, "upgrade", "a1:heads", "--sql", "--json").get("plan").get("steps"));
        List<String> fromStatusJson = stepFindings(json(h, "status", "--json").get("pending"));
        List<String> status = h.run("status").out().lines().map(String::strip).filter(l -> l.startsWith("lint "))
                .map(l -> l.replaceFirst(" \\(line \\d+\\)$", "")).toList();

        StringWriter shellOut = new StringWriter();
        List<String> questions = new ArrayList<>();
        String panel;
        try (Session s = new Session(dir, h.env, new PrintWriter(shellOut), new PrintWriter(new StringWriter()), true)) {
            s.prompter(q -> {
                questions.add(q);
                return false;
            });
            assertEquals(1, new Cli(s, (x, o) -> 2).execute("upgrade", "heads"));
            GlobalOptions options = CommandLine.populateCommand(new GlobalOptions(), "-c", dir.resolve("retort.ini").toString());
            dev.retort.engine.Retort retort = s.retort(options);
            try (dev.retort.engine.db.PreparedRun run = retort.prepare(dev.retort.engine.Retort.Direction.UPGRADE, "heads")) {
                panel = retort.preview(run, List.of());
            }
        }
        List<String> shellPlan = lintLines(shellOut.toString());
        assertEquals(1, questions.size(), "the plan is shown before the question");

        List<String> expectedTags = List.of("lint warning[empty-downgrade]", "lint warning[delete-all]",
                "lint warning[sqlite-pragma-in-transaction]");
        assertEquals(expectedTags, tags(dryRun));
        assertEquals(dryRun, shellPlan);
        assertEquals(dryRun, lintLines(panel));
        assertEquals(dryRun, fromJson);
        assertEquals(dryRun, fromDryRunJson);
        assertEquals(dryRun, fromStatusJson);
        assertEquals(dryRun, status);
        assertEquals(sql, fromSqlJson);
        assertEquals(expectedTags, tags(sql));
        assertTrue(dryRun.get(1).endsWith("locks orders (0 rows) under the database write lock"), dryRun.get(1));
        assertTrue(sql.get(1).endsWith("locks orders under the database write lock"), sql.get(1));
    }

    private static String line(JsonNode f) {
        return "lint " + f.get("level").asText() + "[" + f.get("rule").asText() + "]: " + f.get("message").asText();
    }

    /** The warning and error findings of every step of a plan's JSON, as the text previews show them. */
    private static List<String> stepFindings(JsonNode steps) {
        List<String> out = new ArrayList<>();
        steps.forEach(step -> step.get("findings").forEach(f -> {
            if (!f.get("level").asText().equals("info")) {
                out.add(line(f));
            }
        }));
        return out;
    }

    private static JsonNode json(CliHarness h, String... args) throws Exception {
        CliHarness.Run r = h.run(args);
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void lintExitsOneOnAnErrorAndLevelsComeFromTheLintSection() throws Exception {
        CliHarness h = project();
        Path ini = dir.resolve("retort.ini");
        Files.writeString(ini, Files.readString(ini) + "\n[lint]\ndelete-all = error\nempty-downgrade = off\n");
        CliHarness.Run r = h.run("lint");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().startsWith("a2_purge.sql:8: error[delete-all]: TRUNCATE or DELETE without WHERE"), r.out());
        assertTrue(r.out().contains("Linted 1 step(s) (pending steps of sqlite:///"), r.out());
        assertTrue(r.err().startsWith("FAILED: 1 lint error(s)"), r.err());
        CliHarness.Run all = h.run("lint", "--all");
        assertTrue(all.out().contains("Linted 2 step(s) (every revision)"), all.out());

        Path a2 = dir.resolve("migrations/versions/a2_purge.sql");
        Files.writeString(a2, Files.readString(a2).replace("DELETE FROM orders;",
                "-- retort:lint-ignore delete-all: test data only\nDELETE FROM orders;"));
        CliHarness.Run excused = h.run("lint");
        assertEquals(0, excused.exit(), excused.out() + excused.err());
        assertTrue(excused.out().contains("(excused: test data only)"), excused.out());

        // the reason goes into the history row of the step when it runs
        CliHarness.Run ran = h.run("upgrade", "heads");
        assertEquals(0, ran.exit(), ran.err());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT revision, note FROM retort_history WHERE direction = 'upgrade'"
                        + " ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2));
            }
            assertEquals(List.of("a1|null", "a2|delete-all: test data only"), rows);
        }
    }

    @Test
    void helpLintListsEveryRule() throws Exception {
        CliHarness h = project();
        String help = h.run("help", "lint").out();
        for (dev.retort.engine.lint.Rule rule : dev.retort.engine.lint.Rule.values()) {
            assertTrue(help.contains(rule.id() + " ("), rule.id());
            assertTrue(help.contains(rule.doInstead().substring(0, 20)), rule.id());
        }
    }
}
