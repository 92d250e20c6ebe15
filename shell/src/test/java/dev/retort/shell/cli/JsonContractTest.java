package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.retort.shell.json.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code --json} output, of every command that has the option, successes and failures,
 * validated against the command's schema in {@code dev/retort/shell/json/schemas/}; and the
 * coverage rule that makes a new command with {@code --json} fail here until it has a schema
 * and cases.
 */
class JsonContractTest {

    private static final String SCHEMA_BASE = "https://retort.dev/json/1/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(SCHEMA_BASE, "classpath:" + JsonReport.SCHEMA_DIRECTORY)));
    private static final ObjectReader ONE_OBJECT = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Commands seen succeeding and failing with {@code --json}, across the tests of this class. */
    private static final Set<String> SUCCEEDED = new HashSet<>();
    private static final Set<String> FAILED = new HashSet<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void reset() {
        SUCCEEDED.clear();
        FAILED.clear();
    }

    private CliHarness chain() throws Exception {
        return CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "create users",
                        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;"),
                "bbbb2222_second.sql", CliHarness.script("bbbb2222", "aaaa1111", "add email",
                        "ALTER TABLE users ADD COLUMN email TEXT;", "SELECT 1;"),
                "cccc3333_third.sql", CliHarness.script("cccc3333", "bbbb2222", "orders",
                        "CREATE TABLE orders (id INTEGER);", "DROP TABLE orders;")));
    }

    private void addSideBranch() throws Exception {
        Files.writeString(dir.resolve("migrations/versions/eeee5555_side.sql"),
                CliHarness.script("eeee5555", "aaaa1111", "side", "SELECT 1;", "SELECT 1;"));
    }

    /** Runs {@code args} (which include --json), validates stdout against the command's schema, returns it. */
    private static JsonNode json(CliHarness h, int exit, String... args) throws Exception {
        CliHarness.Run r = h.run(args);
        String command = Cli.commandName(args);
        assertEquals(exit, r.exit(), () -> String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err());
        JsonNode node;
        try {
            node = ONE_OBJECT.readValue(r.out());
        } catch (Exception e) {
            throw new AssertionError(String.join(" ", args) + ": stdout is not one JSON object: " + r.out(), e);
        }
        assertTrue(node.isObject(), r.out());
        assertFalse(r.out().contains("secret"), () -> "a password in the output: " + r.out());
        assertEquals(1, node.get("retort_json").asInt(), r.out());
        assertEquals(command, node.get("command").asText(), r.out());
        List<Error> errors = schema(command).validate(node);
        assertTrue(errors.isEmpty(), () -> String.join(" ", args) + " does not match " + command + ".schema.json: "
                + errors + "\n" + r.out());
        if (exit == 0) {
            assertFalse(node.has("error"), r.out());
            assertTrue(r.err().isEmpty() || !r.err().contains("FAILED"), r.err());
            SUCCEEDED.add(command);
        } else {
            assertEquals(exit, node.get("error").get("exit_code").asInt(), r.out());
            // a user error's one FAILED: line; a usage error picocli found keeps its usage lines
            String message = node.get("error").get("message").asText();
            List<String> failedLines = r.err().lines()
                    .filter(l -> l.startsWith("FAILED: ") || l.startsWith("retort: ")).toList();
            assertTrue(failedLines.equals(List.of("FAILED: " + message)) || exit == 2
                    && (failedLines.equals(List.of("retort: error: " + message))
                            || failedLines.equals(List.of("retort: " + message))), r.err());
            FAILED.add(command);
        }
        return node;
    }

    private static Schema schema(String command) {
        return SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + command + ".schema.json"));
    }

    @Test
    void graphCommands() throws Exception {
        CliHarness h = chain();
        JsonNode heads = json(h, 0, "heads", "--json");
        JsonNode head = heads.get("revisions").get(0);
        assertEquals("cccc3333", head.get("revision").asText());
        assertTrue(head.get("head").isBoolean() && head.get("head").asBoolean(), heads.toString());
        assertTrue(head.get("mergepoint").isBoolean(), heads.toString());
        assertEquals(3, json(h, 0, "history", "--json").get("revisions").size());
        assertEquals(2, json(h, 0, "history", "-r", "bbbb2222:", "--json").get("revisions").size());
        assertEquals("add email", json(h, 0, "show", "bbbb", "--json").get("revisions").get(0).get("message").asText());
        json(h, 1, "show", "zzzz", "--json");
        json(h, 1, "history", "-r", "nocolon", "--json");
        json(h, 2, "heads", "--json", "--bogus");
        json(h, 2, "show", "--json");

        addSideBranch();
        JsonNode branches = json(h, 0, "branches", "--json");
        JsonNode bp = branches.get("branchpoints").get(0);
        assertEquals("aaaa1111", bp.get("revision").get("revision").asText());
        assertTrue(bp.get("revision").get("branchpoint").asBoolean());
        assertEquals(2, bp.get("branches_into").size());
        JsonNode twoHeads = json(h, 1, "heads", "--check", "--json");
        assertEquals(2, twoHeads.get("revisions").size(), "the report survives the failure");
        assertTrue(twoHeads.get("error").get("message").asText().contains("retort merge"), twoHeads.toString());
        json(h, 1, "-c", "nowhere.ini", "branches", "--json");
    }

    @Test
    void databaseCommands() throws Exception {
        CliHarness h = chain();
        JsonNode empty = json(h, 0, "current", "--json");
        assertEquals(0, empty.get("version_rows").size());
        assertEquals(0, json(h, 0, "upgrade", "bbbb2222", "--json").get("plan").get("start_heads").size());
        JsonNode current = json(h, 0, "current", "--json");
        JsonNode status = json(h, 0, "status", "--json");
        assertEquals(current.get("current"), status.get("current"), "current is one shape in current and status");
        assertEquals(current.get("version_rows"), status.get("version_rows"));
        assertEquals("bbbb2222", status.get("current").get(0).get("revision").asText());
        assertTrue(status.get("current").get(0).get("current").asBoolean());
        assertEquals("cccc3333", status.get("pending").get(0).get("revision").asText());
        JsonNode notOnHeads = json(h, 1, "current", "--check-heads", "--json");
        assertEquals("bbbb2222", notOnHeads.get("version_rows").get(0).asText());
        assertTrue(json(h, 0, "verify", "--json").get("ok").asBoolean());

        Path first = dir.resolve("migrations/versions/aaaa1111_first.sql");
        Files.writeString(first, Files.readString(first).replace("name TEXT", "name VARCHAR(20)"));
        JsonNode changed = json(h, 1, "verify", "--json");
        assertFalse(changed.get("ok").asBoolean());
        assertEquals("aaaa1111", changed.get("changed_scripts").get(0).get("revision").asText());
        assertEquals("aaaa1111", json(h, 0, "status", "--json").get("changed_scripts").get(0).get("revision").asText());
        json(h, 1, "--url", "postgresql://nobody:secret@127.0.0.1:1/none", "status", "--json");
        JsonNode log = json(h, 0, "log", "--json");
        assertEquals("bbbb2222", log.get("entries").get(0).get("revision").asText());
        assertEquals("upgrade", log.get("entries").get(0).get("direction").asText());
        assertEquals(1, json(h, 0, "log", "aaaa", "-n", "5", "--json").get("entries").size());
        json(h, 1, "log", "zzzz9999", "--json");
    }

    @Test
    void lint() throws Exception {
        CliHarness h = chain();
        JsonNode ok = json(h, 0, "lint", "--json");
        assertEquals(3, ok.get("steps").size());
        assertEquals(0, ok.get("errors").asInt());
        json(h, 1, "lint", "nosuch", "--json");
        Path second = dir.resolve("migrations/versions/bbbb2222_second.sql");
        Files.writeString(second, Files.readString(second).replace("ADD COLUMN email TEXT", "ALTER COLUMN name SET NOT NULL"));
        JsonNode error = json(h, 1, "lint", "--json");
        assertEquals("sqlite-unsupported-alter", error.get("findings").get(0).get("rule").asText());
        assertEquals(1, error.get("errors").asInt());
    }

    @Test
    void moves() throws Exception {
        CliHarness h = chain();
        JsonNode sql = json(h, 0, "upgrade", "heads", "--sql", "--json");
        assertEquals("sql", sql.get("mode").asText());
        JsonNode step = sql.get("plan").get("steps").get(0);
        assertTrue(step.get("version_table_ddl").asText().startsWith("CREATE TABLE retort_version"), sql.toString());
        assertEquals("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)", step.get("statements").get(0).get("sql").asText());
        assertEquals("insert", step.get("version_changes").get(0).get("op").asText());
        assertTrue(sql.get("elapsed_ms").isNull());
        JsonNode dry = json(h, 0, "upgrade", "heads", "--dry-run", "--json");
        assertEquals("dry_run", dry.get("mode").asText());
        assertEquals(List.of("cccc3333"), texts(dry.get("plan").get("end_heads")));
        JsonNode ran = json(h, 0, "upgrade", "heads", "--json");
        assertEquals("run", ran.get("mode").asText());
        assertTrue(ran.get("elapsed_ms").isIntegralNumber());
        assertFalse(ran.has("heads_before") || ran.has("startHeads"), "one name per fact");
        JsonNode down = json(h, 0, "downgrade", "-1", "--json");
        assertEquals("downgrade", down.get("plan").get("steps").get(0).get("direction").asText());
        json(h, 0, "downgrade", "cccc3333:bbbb2222", "--sql", "--json");
        JsonNode stamp = json(h, 0, "stamp", "heads", "--json");
        assertEquals("stamp", stamp.get("plan").get("steps").get(0).get("kind").asText());
        json(h, 0, "stamp", "base", "--sql", "--json");

        json(h, 1, "upgrade", "zzzz", "--json");
        json(h, 1, "downgrade", "zzzz", "--json");
        json(h, 1, "stamp", "zzzz", "--json");
        json(h, 2, "upgrade", "--json");
    }

    @Test
    void plansAndPendingStepsCarryTheirLintFindings() throws Exception {
        CliHarness h = chain();
        Files.writeString(dir.resolve("migrations/versions/dddd4444_purge.sql"),
                CliHarness.script("dddd4444", "cccc3333", "purge", "DELETE FROM users;", "SELECT 1;"));
        JsonNode sql = json(h, 0, "upgrade", "heads", "--sql", "--json");
        assertEquals(List.of(), texts(sql.get("plan").get("steps").get(1).get("findings")));
        JsonNode offline = sql.get("plan").get("steps").get(3).get("findings").get(0);
        assertEquals("delete-all", offline.get("rule").asText());
        assertEquals("locks users under the database write lock", offline.get("facts").asText()); // offline: no size
        json(h, 0, "upgrade", "cccc3333", "--json");
        JsonNode dry = json(h, 0, "upgrade", "heads", "--dry-run", "--json").get("plan").get("steps").get(0);
        assertEquals("delete-all", dry.get("findings").get(0).get("rule").asText());
        assertEquals("locks users (0 rows) under the database write lock", dry.get("findings").get(0).get("facts").asText());
        assertEquals(0, dry.get("findings").get(0).get("statement_index").asInt());
        JsonNode pending = json(h, 0, "status", "--json").get("pending").get(0);
        assertEquals(dry.get("findings"), pending.get("findings"));
        JsonNode down = json(h, 0, "downgrade", "bbbb2222", "--dry-run", "--json").get("plan").get("steps").get(0);
        assertEquals("drop-table", down.get("findings").get(0).get("rule").asText());
        assertEquals("info", down.get("findings").get(0).get("level").asText()); // undoing a CREATE: worth saying only
        JsonNode ran = json(h, 0, "upgrade", "heads", "--json");
        assertTrue(ran.get("plan").get("steps").get(0).get("findings").isNull(), "a run's report is not linted");
    }

    @Test
    void failedMigrationSaysWhereItStoppedAndWhatStayed() throws Exception {
        CliHarness h = chain();
        Files.writeString(dir.resolve("migrations/versions/dddd4444_broken.sql"),
                CliHarness.script("dddd4444", "cccc3333", "broken", "CREATE TABLE ok (id INTEGER);\nSELECT * FROM nowhere;",
                        "SELECT 1;"));
        JsonNode failed = json(h, 1, "upgrade", "heads", "--json");
        JsonNode error = failed.get("error");
        assertEquals("migration_failed", error.get("kind").asText());
        assertEquals("dddd4444", error.get("migration").get("revision").asText());
        assertEquals(9, error.get("migration").get("line").asInt(), failed.toString());
        assertTrue(error.get("migration").get("file").asText().endsWith("dddd4444_broken.sql"));
        assertNotNull(error.get("migration").get("heads_after"));
    }

    @Test
    void newRevisions() throws Exception {
        CliHarness h = chain();
        JsonNode created = json(h, 0, "revision", "-m", "add index", "--rev-id", "ffff6666", "--json");
        assertEquals("ffff6666", created.get("revision").get("revision").asText());
        assertEquals(List.of("cccc3333"), texts(created.get("revision").get("down_revisions")));
        assertTrue(created.get("revision").get("path").asText().endsWith("ffff6666_add_index.sql"), created.toString());
        json(h, 1, "revision", "-m", "again", "--rev-id", "ffff6666", "--json");
        addSideBranch();
        JsonNode merged = json(h, 0, "merge", "heads", "-m", "join", "--rev-id", "abab7777", "--json");
        assertTrue(merged.get("revision").get("mergepoint").asBoolean(), merged.toString());
        assertEquals(2, merged.get("revision").get("down_revisions").size());
        json(h, 1, "merge", "zzzz", "aaaa1111", "--json");
    }

    @Test
    void environmentCommands() throws Exception {
        CliHarness h = chain();
        JsonNode templates = json(h, 0, "list-templates", "--json");
        assertEquals("generic", templates.get("templates").get(0).get("name").asText(), templates.toString());
        assertFalse(templates.get("templates").get(0).get("description").asText().isEmpty(), templates.toString());
        json(h, 2, "list-templates", "--json", "--bogus");
        JsonNode made = json(h, 0, "init", "fresh", "--json");
        assertTrue(made.get("directory").asText().endsWith("fresh"), made.toString());
        assertTrue(made.get("config_file_existed").asBoolean(), "the project's retort.ini is left alone: " + made);
        assertTrue(texts(made.get("created")).stream().anyMatch(p -> p.endsWith("versions")), made.toString());
        assertTrue(Files.isDirectory(dir.resolve("fresh").resolve("versions")));
        json(h, 1, "init", "fresh", "--json"); // not empty now
        json(h, 1, "init", "other", "-t", "nosuch", "--json");
    }

    /** The lint command's view and schema, ready before the command lands: a finding renders to its shape. */
    @Test
    void lintFindingsMatchTheirSchema() throws Exception {
        dev.retort.engine.lint.Rule rule = dev.retort.engine.lint.Rule.byId(dev.retort.engine.lint.Rule.ids().get(0))
                .orElseThrow();
        var finding = new dev.retort.engine.lint.Finding(rule, dev.retort.engine.lint.Level.WARNING, "locks t",
                0, "upgrade  -> aaaa1111", "aaaa1111", "upgrade", -1, 9, dir.resolve("a.sql"), null);
        var view = dev.retort.shell.json.LintView.of("pending steps", List.of("upgrade  -> aaaa1111"),
                new dev.retort.engine.lint.LintReport(List.of(finding), Map.of()));
        JsonNode node = new ObjectMapper().readTree(JsonReport.render("lint", view));
        assertEquals(List.of(), schema("lint").validate(node), node.toString());
        assertEquals(1, node.get("warnings").asInt());
        assertTrue(node.get("findings").get(0).get("statement_index").isNull());
        assertEquals(rule.id(), node.get("findings").get(0).get("rule").asText());
    }

    @Test
    void schemaDiffAndCheck() throws Exception {
        CliHarness h = chain();
        json(h, 0, "upgrade", "heads", "--json");
        Path same = dir.resolve("schema.sql");
        Files.writeString(same, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);\nCREATE TABLE orders (id INTEGER);\n");
        Path more = dir.resolve("more.sql");
        Files.writeString(more, Files.readString(same) + "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        JsonNode clean = json(h, 0, "-x", "schema=" + same, "check", "--json");
        assertTrue(clean.get("up_to_date").asBoolean(), clean.toString());
        JsonNode missing = json(h, 1, "-x", "schema=" + more, "check", "--json");
        assertEquals("add_table", missing.get("changes").get(0).get("op").asText(), missing.toString());
        JsonNode diff = json(h, 0, "diff", "--dialect", "sqlite", more.toString(), same.toString(), "--json");
        assertEquals("remove_table", diff.get("changes").get(0).get("op").asText());
        assertTrue(diff.get("changes").get(0).get("destructive").asBoolean());
        json(h, 1, "diff", dir.resolve("nowhere.sql").toString(), same.toString(), "--json");

        // revision --autogenerate --json: nothing to do, the candidate alone, then written
        JsonNode nothing = json(h, 0, "-x", "schema=" + same, "revision", "--autogenerate", "-m", "none", "--json");
        assertTrue(nothing.get("revision").isNull() && nothing.get("candidate").isNull(), nothing.toString());
        JsonNode candidate = json(h, 0, "-x", "schema=" + more, "revision", "--autogenerate", "-m", "tags", "--sql",
                "--json");
        assertTrue(candidate.get("revision").isNull(), candidate.toString());
        assertEquals("sqlite", candidate.get("candidate").get("dialect").asText());
        assertTrue(candidate.get("candidate").get("upgrade").asText().contains("CREATE TABLE tags"), candidate.toString());
        assertTrue(candidate.get("candidate").get("downgrade").asText().contains("DROP TABLE tags"), candidate.toString());
        JsonNode written = json(h, 0, "-x", "schema=" + more, "revision", "--autogenerate", "-m", "tags",
                "--rev-id", "dddd4444", "--json");
        assertEquals("dddd4444", written.get("revision").get("revision").asText(), written.toString());
        assertTrue(written.get("candidate").get("upgrade").asText().contains("CREATE TABLE tags"), written.toString());
    }

    /** A schema that does not resolve or does not constrain would let anything through: this must fail. */
    @Test
    void schemasRejectWrongTypesAndUnknownKeys() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode good = m.readTree("{\"retort_json\":1,\"command\":\"heads\",\"revisions\":[{\"revision\":\"a\","
                + "\"down_revisions\":[],\"depends_on\":[],\"branch_labels\":[],\"message\":\"m\",\"head\":true,"
                + "\"effective_head\":false,\"branchpoint\":false,\"mergepoint\":false,\"current\":false,\"path\":null}]}");
        assertEquals(List.of(), schema("heads").validate(good));
        assertFalse(schema("heads").validate(m.readTree(good.toString().replace("\"head\":true", "\"head\":\"head\""))).isEmpty());
        assertFalse(schema("heads").validate(m.readTree(good.toString().replace("\"path\":null", "\"path\":null,\"startHeads\":[]"))).isEmpty());
        assertFalse(schema("heads").validate(m.readTree(good.toString().replace("\"retort_json\":1", "\"retort_json\":2"))).isEmpty());
        assertFalse(schema("heads").validate(m.readTree("{\"retort_json\":1,\"command\":\"heads\",\"error\":{\"message\":\"x\"}}")).isEmpty());
    }

    /** Every registered command with {@code --json} has a schema and was seen succeeding and failing. */
    @AfterAll
    static void everyJsonCommandIsCovered() {
        Set<String> withJson = new TreeSet<>();
        for (Class<?> c : RetortCommand.COMMANDS) {
            CommandLine cl = new CommandLine(c);
            if (cl.getCommandSpec().findOption("--json") != null) {
                withJson.add(cl.getCommandName());
            }
        }
        assertTrue(withJson.containsAll(List.of("heads", "history", "show", "branches", "current", "status", "verify",
                "upgrade", "downgrade", "stamp", "revision", "merge")), withJson.toString());
        List<String> problems = new ArrayList<>();
        for (String name : withJson) {
            if (JsonContractTest.class.getClassLoader().getResource(JsonReport.schemaResource(name)) == null) {
                problems.add(name + ": no " + JsonReport.schemaResource(name));
            }
            if (!SUCCEEDED.contains(name)) {
                problems.add(name + ": no successful --json case in JsonContractTest");
            }
            if (!FAILED.contains(name)) {
                problems.add(name + ": no failing --json case in JsonContractTest");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
