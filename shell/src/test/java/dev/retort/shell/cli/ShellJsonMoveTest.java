package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the shell, {@code upgrade}/{@code downgrade}/{@code stamp} show a plan and ask; with
 * {@code --json} there is one object to print and no one to converse with, so without
 * {@code --yes} (or {@code --dry-run}) the command is refused before anything is planned.
 */
class ShellJsonMoveTest {

    @TempDir
    Path dir;

    private CliHarness h;
    private final List<String> questions = new ArrayList<>();

    @BeforeEach
    void project() throws Exception {
        h = CliHarness.project(dir, Map.of(
                "a1_orders.sql", CliHarness.script("a1", "", "orders", "CREATE TABLE orders (id INTEGER);",
                        "DROP TABLE orders;")));
    }

    private CliHarness.Run shell(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (Session s = new Session(dir, h.env, new PrintWriter(out), new PrintWriter(err), true)) {
            s.prompter(q -> {
                questions.add(q);
                return true;
            });
            code = new Cli(s, (x, o) -> 2).execute(args);
        }
        return new CliHarness.Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonWithoutYesIsRefusedWithOneErrorObjectAndNoQuestion() throws Exception {
        CliHarness.Run r = shell("upgrade", "heads", "--json");

        assertEquals(2, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("retort_json").asInt(), r.out());
        assertTrue(json.toString().contains("add --yes to apply, or --dry-run for the plan"), r.out());
        assertEquals("FAILED: upgrade --json cannot ask before applying: add --yes to apply, or --dry-run for the plan\n",
                r.err());
        assertEquals(List.of(), questions);
        assertEquals("", h.run("current").out(), "nothing applied");
    }

    @Test
    void jsonWithYesAppliesAndPrintsTheRunAsOneObject() throws Exception {
        CliHarness.Run r = shell("upgrade", "heads", "--json", "--yes");

        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("run", json.get("mode").asText(), r.out());
        assertEquals("a1", json.get("plan").get("end_heads").get(0).asText(), r.out());
        assertEquals(List.of(), questions);
        assertTrue(h.run("current").out().startsWith("a1 (head)"), "applied");
    }

    @Test
    void jsonDryRunPrintsThePlanWithoutAsking() throws Exception {
        CliHarness.Run r = shell("downgrade", "base", "--json", "--dry-run");

        assertEquals(0, r.exit(), r.err());
        assertEquals("dry_run", new ObjectMapper().readTree(r.out()).get("mode").asText(), r.out());
        assertEquals(List.of(), questions);
    }

    @Test
    void withoutJsonTheShellStillAsks() {
        CliHarness.Run r = shell("upgrade", "heads");

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, questions.size(), questions.toString());
        assertTrue(r.out().contains("-- Running upgrade  -> a1"), r.out());
    }
}
