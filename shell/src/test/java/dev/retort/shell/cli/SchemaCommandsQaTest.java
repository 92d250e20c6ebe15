package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code diff} and {@code revision --autogenerate} as a new user first meets
 * them on SQLite: the database behind its heads, a schema file that is not there, and the
 * JSON of a revision that autogenerate wrote.
 */
class SchemaCommandsQaTest {

    @TempDir
    Path dir;

    private CliHarness h;
    private Path schema;

    @BeforeEach
    void project() throws Exception {
        h = CliHarness.project(dir, Map.of(
                "aaaa1111_users.sql", CliHarness.script("aaaa1111", "", "users",
                        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;"),
                "bbbb2222_email.sql", CliHarness.script("bbbb2222", "aaaa1111", "email",
                        "ALTER TABLE users ADD COLUMN email TEXT;", "ALTER TABLE users DROP COLUMN email;")));
        schema = dir.resolve("schema.sql");
        Files.writeString(schema, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);\n");
        Files.writeString(dir.resolve("retort.ini"), Files.readString(dir.resolve("retort.ini")) + "schema = %(here)s/schema.sql\n");
    }

    @Test
    void checkBehindTheHeadsSaysTheDatabaseIsNotUpToDateAsAlembicDoes() {
        assertEquals(0, h.run("upgrade", "aaaa1111").exit());
        CliHarness.Run check = h.run("check");
        assertEquals(1, check.exit());
        assertEquals("FAILED: Target database is not up to date.", check.err().strip(),
                "bbbb2222 covers the email column; it is only not applied yet");
        assertEquals("", check.out());

        assertEquals(0, h.run("upgrade", "heads").exit());
        CliHarness.Run clean = h.run("check");
        assertEquals(0, clean.exit(), clean.err());
        assertEquals("No new upgrade operations detected.", clean.out().strip());
    }

    @Test
    void aVersionRowWithoutItsScriptIsNamedByCheckAndAutogenerate() throws Exception {
        assertEquals(0, h.run("upgrade", "heads").exit());
        Files.delete(dir.resolve("migrations/versions/bbbb2222_email.sql"));
        CliHarness.Run check = h.run("check");
        assertEquals(1, check.exit());
        assertEquals("FAILED: Can't check: the database is at bbbb2222, which has no script here (missing script); "
                + dev.retort.engine.MissingScripts.advice(java.util.List.of("bbbb2222")), check.err().strip());
        CliHarness.Run auto = h.run("revision", "--autogenerate", "-m", "more");
        assertEquals(1, auto.exit());
        assertTrue(auto.err().startsWith("FAILED: Can't autogenerate: the database is at bbbb2222, which has no script here"),
                auto.err());
    }

    @Test
    void checkWithoutASchemaSaysSoBeforeLookingAtTheDatabase() throws Exception {
        Files.writeString(dir.resolve("retort.ini"), Files.readString(dir.resolve("retort.ini")).replace("schema = %(here)s/schema.sql\n", ""));
        CliHarness.Run check = h.run("check");
        assertEquals(1, check.exit());
        assertEquals("FAILED: No desired schema: set 'schema' in [retort] of " + dir.resolve("retort.ini")
                + " to a .sql file or a directory of them", check.err().strip(), "not 'not up to date': the database is empty");
    }

    @Test
    void diffNamesTheMissingFileWhicheverSideItIsOn() {
        for (String[] args : new String[][] {{"diff", "schema.sql", "nowhere.sql"}, {"diff", "nowhere.sql", "schema.sql"},
                {"diff", "sqlite:///" + dir.resolve("app.db"), "nowhere.sql"}}) {
            CliHarness.Run r = h.run(args);
            assertEquals(1, r.exit(), String.join(" ", args));
            assertEquals("FAILED: Schema " + dir.resolve("nowhere.sql")
                    + " does not exist (expected a database URL, a .sql file or a directory)", r.err().strip(),
                    String.join(" ", args));
        }
    }

    @Test
    void autogenerateWithJsonPrintsTheRevisionItWrote() throws Exception {
        assertEquals(0, h.run("upgrade", "heads").exit());
        Files.writeString(schema, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, age INTEGER);\n");
        CliHarness.Run r = h.run("revision", "--autogenerate", "-m", "add age", "--rev-id", "cccc3333", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Generating "), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("revision", json.get("command").asText());
        assertEquals("cccc3333", json.get("revision").get("revision").asText());
        assertEquals("add age", json.get("revision").get("message").asText());
        assertTrue(json.get("revision").get("head").asBoolean());
        try (Stream<Path> files = Files.list(dir.resolve("migrations/versions"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("cccc3333")).findFirst().orElseThrow();
            assertEquals(file.toString(), json.get("revision").get("path").asText());
            assertTrue(Files.readString(file).contains("ADD COLUMN age"), Files.readString(file));
        }
        assertFalse(r.out().contains("Generating"), "stdout is the JSON object alone");
    }
}
