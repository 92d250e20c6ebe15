package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot CLI as a user meets it: good input, bad input, errors without stack traces. */
class CliBehaviourTest {

    @TempDir
    Path dir;

    private CliHarness chain() throws Exception {
        return CliHarness.project(dir, Map.of(
                "aaaa1111_first.sql", CliHarness.script("aaaa1111", "", "create users",
                        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;"),
                "bbbb2222_second.sql", CliHarness.script("bbbb2222", "aaaa1111", "add email",
                        "ALTER TABLE users ADD COLUMN email TEXT;\nINSERT INTO users (name) VALUES ('a;b');",
                        "DELETE FROM users;"),
                "cccc3333_third.sql", CliHarness.script("cccc3333", "bbbb2222", "orders",
                        "CREATE TABLE orders (id INTEGER);", "DROP TABLE orders;")));
    }

    private static void assertNoTrace(CliHarness.Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), () -> "stack trace: " + r.err());
    }

    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var rs = c.createStatement().executeQuery("select version_num from retort_version")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void missingConfigFileIsOneLineNamingThePath() {
        CliHarness.Run r = new CliHarness(dir).run("heads");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("FAILED: ") && r.err().contains(dir.resolve("retort.ini").toString()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertNoTrace(r);
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() throws Exception {
        CliHarness h = chain();
        assertEquals(2, h.run("frobnicate").exit());
        CliHarness.Run r = h.run("heads", "--bogus");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    @Test
    void unknownAndAmbiguousRevisionsUseAlembicsText() throws Exception {
        CliHarness h = chain();
        CliHarness.Run r = h.run("show", "zzzz");
        assertEquals(1, r.exit());
        assertEquals("FAILED: Can't locate revision identified by 'zzzz'", r.err().strip());
        assertNoTrace(r);
    }

    @Test
    void brokenHeaderNamesFileAndLine() throws Exception {
        CliHarness h = chain();
        Files.writeString(dir.resolve("migrations/versions/dddd_bad.sql"),
                "-- bad\n--\n-- Revision ID: dd-dd\n-- Revises: cccc3333\n\n-- retort:upgrade\nSELECT 1;\n");
        CliHarness.Run r = h.run("heads");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dddd_bad.sql") && r.err().contains("'-'"), r.err());
        assertNoTrace(r);
    }

    @Test
    void cycleIsReportedWithAlembicsText() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of(
                "a.sql", CliHarness.script("aaaa", "cccc", "a", "SELECT 1;", "SELECT 1;"),
                "b.sql", CliHarness.script("bbbb", "aaaa", "b", "SELECT 1;", "SELECT 1;"),
                "c.sql", CliHarness.script("cccc", "bbbb", "c", "SELECT 1;", "SELECT 1;")));
        CliHarness.Run r = h.run("history");
        assertEquals("FAILED: Cycle is detected in revisions (aaaa, bbbb, cccc)", r.err().strip());
    }

    @Test
    void upgradeThenCurrentThenDowngradeOnSqlite() throws Exception {
        CliHarness h = chain();
        assertEquals(0, h.run("upgrade", "+1").exit());
        assertEquals(List.of("aaaa1111"), rows());
        assertEquals(0, h.run("upgrade", "heads").exit());
        CliHarness.Run cur = h.run("current");
        assertEquals("cccc3333 (head)\n", cur.out());
        assertEquals(0, h.run("downgrade", "-2").exit());
        assertEquals(List.of("aaaa1111"), rows());
        CliHarness.Run hist = h.run("history", "-i");
        assertTrue(hist.out().contains("<base> -> aaaa1111 (current), create users"), hist.out());
    }

    @Test
    void failingStatementNamesRevisionFileAndLineAndLeavesNothingHalfApplied() throws Exception {
        CliHarness h = chain();
        Files.writeString(dir.resolve("migrations/versions/dddd4444_broken.sql"), CliHarness.script("dddd4444",
                "cccc3333", "broken", "CREATE TABLE t_ok (id INTEGER);\nINSERT INTO no_such_table VALUES (1);",
                "DROP TABLE t_ok;"));
        assertEquals(0, h.run("upgrade", "cccc3333").exit());
        CliHarness.Run r = h.run("upgrade", "heads");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dddd4444") && r.err().contains("dddd4444_broken.sql:9")
                && r.err().contains("no such table"), r.err());
        assertNoTrace(r);
        assertEquals(List.of("cccc3333"), rows());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var rs = c.createStatement().executeQuery("select count(*) from sqlite_master where name='t_ok'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the failed step's first statement was rolled back");
        }
    }

    @Test
    void downgradeThroughAnIrreversibleRevisionIsRefusedBeforeAnythingRuns() throws Exception {
        CliHarness h = chain();
        Files.writeString(dir.resolve("migrations/versions/dddd4444_oneway.sql"),
                CliHarness.script("dddd4444", "cccc3333", "one way", "CREATE TABLE t_x (id INTEGER);", null));
        assertEquals(0, h.run("upgrade", "heads").exit());
        CliHarness.Run r = h.run("downgrade", "base");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dddd4444") && r.err().contains("no downgrade section"), r.err());
        assertEquals(List.of("dddd4444"), rows());
    }

    @Test
    void dryRunShowsThePlanFromTheRealHeadsAndWritesNothing() throws Exception {
        CliHarness h = chain();
        assertEquals(0, h.run("upgrade", "aaaa1111").exit());
        CliHarness.Run r = h.run("upgrade", "heads", "--dry-run");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("-- Running upgrade aaaa1111 -> bbbb2222"), r.out());
        assertTrue(r.out().contains("INSERT INTO users (name) VALUES ('a;b');"), r.out());
        assertFalse(r.out().contains("-- Running upgrade  -> aaaa1111"), r.out());
        assertEquals(List.of("aaaa1111"), rows());
    }

    @Test
    void offlineSqlNeedsNoDatabase() throws Exception {
        CliHarness h = chain();
        CliHarness.Run r = h.run("upgrade", "heads", "--sql");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("CREATE TABLE retort_version ("), r.out());
        assertTrue(r.out().contains("-- Running upgrade  -> aaaa1111\n\nCREATE TABLE users"), r.out());
        assertFalse(Files.exists(dir.resolve("app.db")));
    }

    @Test
    void offlineSqlIsColouredByTheDialectsTokensOnlyWhenColourIsOn() throws Exception {
        CliHarness h = chain();
        String plain = h.run("upgrade", "heads", "--sql").out();
        assertFalse(plain.contains("\u001b"), plain);
        String coloured = h.run("--color", "always", "upgrade", "heads", "--sql").out();
        org.jline.utils.AttributedString s = org.jline.utils.AttributedString.fromAnsi(coloured);
        assertEquals(plain, s.toString());
        int keyword = plain.indexOf("CREATE TABLE users");
        int name = plain.indexOf("users (id");
        int comment = plain.indexOf("-- Running");
        assertTrue(!s.styleAt(keyword).equals(s.styleAt(name)) && !s.styleAt(comment).equals(s.styleAt(name))
                && !s.styleAt(keyword).equals(s.styleAt(comment)), coloured);
    }

    @Test
    void jsonOutputsParse() throws Exception {
        CliHarness h = chain();
        ObjectMapper json = new ObjectMapper();
        JsonNode heads = json.readTree(h.run("heads", "--json").out());
        assertEquals("cccc3333", heads.get("revisions").get(0).get("revision").asText());
        JsonNode hist = json.readTree(h.run("history", "--json").out());
        assertEquals(3, hist.get("revisions").size());
        assertEquals(0, h.run("upgrade", "bbbb2222").exit());
        JsonNode status = json.readTree(h.run("status", "--json").out());
        assertEquals("bbbb2222", status.get("version_rows").get(0).asText());
        assertEquals(1, status.get("pending").size());
        JsonNode plan = json.readTree(h.run("upgrade", "heads", "--sql", "--json").out());
        assertTrue(plan.toString().contains("cccc3333"), plan.toString());
    }

    @Test
    void headsCheckFailsWithTwoHeadsAndNamesTheMerge() throws Exception {
        CliHarness h = chain();
        Files.writeString(dir.resolve("migrations/versions/eeee5555_side.sql"),
                CliHarness.script("eeee5555", "aaaa1111", "side", "SELECT 1;", "SELECT 1;"));
        CliHarness.Run r = h.run("heads", "--check");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("retort merge cccc3333 eeee5555"), r.err());
        Files.delete(dir.resolve("migrations/versions/eeee5555_side.sql"));
        assertEquals(0, h.run("heads", "--check").exit());
    }

    @Test
    void verifyFailsWhenAnAppliedScriptChanged() throws Exception {
        CliHarness h = chain();
        assertEquals(0, h.run("upgrade", "heads").exit());
        assertEquals(0, h.run("verify").exit());
        Path first = dir.resolve("migrations/versions/aaaa1111_first.sql");
        Files.writeString(first, Files.readString(first).replace("name TEXT", "name VARCHAR(20)"));
        CliHarness.Run r = h.run("verify");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("aaaa1111"), r.out());
        assertTrue(h.run("status").out().contains("aaaa1111"));
    }

    @Test
    void passwordNeverAppearsInErrors() throws Exception {
        CliHarness h = chain();
        CliHarness.Run r = h.run("--url", "postgresql://bob:s3cr3t-pw@127.0.0.1:1/nodb", "current");
        assertEquals(1, r.exit());
        assertFalse((r.out() + r.err()).contains("s3cr3t-pw"), r.err());
        assertTrue(r.err().startsWith("FAILED: "), r.err());
        assertNoTrace(r);
    }

    @Test
    void revisionAndMergeWriteScriptsThatLoad() throws Exception {
        CliHarness h = chain();
        CliHarness.Run a = h.run("revision", "-m", "add index", "--rev-id", "dddd4444");
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().startsWith("Generating ") && a.out().contains("dddd4444_add_index.sql ...  done"), a.out());
        assertEquals(0, h.run("revision", "-m", "side", "--head", "bbbb2222", "--splice", "--rev-id", "eeee5555").exit());
        assertEquals(0, h.run("merge", "heads", "-m", "join", "--rev-id", "ffff6666").exit());
        assertEquals("ffff6666 (head)\n", h.run("heads").out());
        CliHarness.Run dup = h.run("revision", "-m", "again", "--rev-id", "ffff6666");
        assertEquals(1, dup.exit());
        assertTrue(dup.err().contains("already exists"), dup.err());
    }

    @Test
    void oneShotOutputUsesTheThemeOnlyWhenColourIsOn() throws Exception {
        CliHarness h = chain();
        h.env.remove("NO_COLOR");
        String coloured = h.run("--color=always", "heads").out();
        assertTrue(coloured.contains("\u001b[") && coloured.contains("cccc3333"), coloured);
        assertEquals("cccc3333 (head)\n", h.run("heads").out(), "not a terminal: plain");
        h.env.put("NO_COLOR", "1");
        assertEquals("cccc3333 (head)\n", h.run("--color=auto", "heads").out());
        CliHarness.Run failed = h.run("--color=always", "show", "zzzz");
        assertTrue(failed.err().contains("\u001b[") && failed.err().contains("FAILED: Can't locate"), failed.err());
        assertEquals(2, h.run("--color=sometimes", "heads").exit());
    }

    @Test
    void initWritesAnEnvironmentThatLoadsAndRefusesANonEmptyDirectory() throws Exception {
        CliHarness h = new CliHarness(dir);
        CliHarness.Run r = h.run("init", "db");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Generating " + dir.resolve("retort.ini") + " ...  done"), r.out());
        assertEquals(0, h.run("heads").exit());
        assertEquals(0, h.run("revision", "-m", "first").exit());
        CliHarness.Run again = h.run("init", "db");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already exists and is not empty"), again.err());
    }

    @Test
    void initBesideAnInstalledSampleWritesItsOwnRetortIniNotTheSamples() throws Exception {
        Path home = dir.resolve("install");
        Files.createDirectories(home.resolve("sample-env"));
        Files.writeString(home.resolve("sample-env/retort.ini"), "[retort]\nscript_location = %(here)s/migrations\n");
        Path project = Files.createDirectories(dir.resolve("project"));
        CliHarness h = new CliHarness(project);
        h.home = home;
        CliHarness.Run r = h.run("init", "migrations");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Generating " + project.resolve("retort.ini") + " ...  done"), r.out());
        assertTrue(Files.exists(project.resolve("retort.ini")));
        assertEquals("[retort]\nscript_location = %(here)s/migrations\n",
                Files.readString(home.resolve("sample-env/retort.ini")), "the sample is left alone");
    }

    @Test
    void editOpensTheScriptInTheEditorAndSaysWhenItCannot() throws Exception {
        CliHarness h = chain();
        Path log = dir.resolve("edited");
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\necho \"$1\" >> '" + log + "'\n");
        editor.toFile().setExecutable(true);
        h.env.put("EDITOR", editor.toString());
        assertEquals(0, h.run("edit", "bbbb").exit());
        assertTrue(Files.readString(log).contains("bbbb2222_second.sql"));
        assertEquals("FAILED: Can't locate revision identified by 'zzzz'", h.run("edit", "zzzz").err().strip());
        h.env.put("EDITOR", "/bin/false");
        CliHarness.Run failed = h.run("edit", "head");
        assertEquals(1, failed.exit());
        assertTrue(failed.err().startsWith("FAILED: Error executing editor"), failed.err());
    }
}
