package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changed applied scripts: comments and reformatting are not a change (token checksums); a
 * statement edit makes {@code upgrade} refuse, naming the script, unless
 * {@code on_changed_script = warn}.
 */
class ChangedScriptsTest {

    @TempDir
    Path dir;

    @Test
    void commentEditIsNoChangeStatementEditRefusesUpgrade() throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of(
                "a1_orders.sql", CliHarness.script("a1", "", "orders",
                        "CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);", "DROP TABLE orders;"),
                "a2_note.sql", CliHarness.script("a2", "a1", "note",
                        "ALTER TABLE orders ADD COLUMN note TEXT;", "ALTER TABLE orders DROP COLUMN note;")));
        assertEquals(0, h.run("upgrade", "a1").exit());
        Path a1 = dir.resolve("migrations/versions/a1_orders.sql");
        String original = Files.readString(a1);

        Files.writeString(a1, original.replace("CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);",
                "-- the orders of the shop\nCREATE TABLE orders (\n    id INTEGER PRIMARY KEY,\n    total NUMERIC\n);"));
        CliHarness.Run verify = h.run("verify");
        assertEquals(0, verify.exit(), verify.out() + verify.err());

        Files.writeString(a1, original.replace("total NUMERIC", "total NUMERIC NOT NULL"));
        assertEquals(1, h.run("verify").exit());
        CliHarness.Run refused = h.run("upgrade", "heads");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("FAILED: Applied script(s) changed since they ran: a1;"), refused.err());
        assertEquals("a1", h.run("current").out().strip().split(" ")[0], "nothing ran");

        CliHarness.Run diff = h.run("verify", "--diff");
        assertEquals(1, diff.exit());
        assertTrue(diff.out().contains("--- a1 (applied)"), diff.out());
        assertTrue(diff.out().contains("-CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);"), diff.out());
        assertTrue(diff.out().contains("+CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC NOT NULL);"), diff.out());

        CliHarness.Run accepted = h.run("verify", "--accept", "a1", "--reason", "NOT NULL was always true");
        assertEquals(0, accepted.exit(), accepted.err());
        assertEquals(0, h.run("verify").exit());
        assertEquals(0, h.run("upgrade", "a2").exit());
        assertEquals("a2", h.run("current").out().strip().split(" ")[0]);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT direction, description, note, os_user FROM retort_history"
                        + " WHERE revision = 'a1' ORDER BY id")) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + (rs.getString(4) != null));
            }
            assertEquals(java.util.List.of("upgrade|upgrade  -> a1|null|true",
                    "accept|accept changed script a1: NOT NULL was always true|accepted: NOT NULL was always true|true"), rows);
        }

        Files.writeString(a1, original.replace("total NUMERIC", "total REAL"));
        assertEquals(0, h.run("downgrade", "a1").exit(), "a downgrade is not held up by a changed script");
        assertEquals(1, h.run("upgrade", "heads").exit());
        CliHarness.Run warned = h.run("-x", "on_changed_script=warn", "upgrade", "heads");
        assertEquals(0, warned.exit(), warned.err());
        assertTrue(warned.err().startsWith("WARNING: applied script(s) changed since they ran: a1"), warned.err());
        CliHarness.Run bad = h.run("-x", "on_changed_script=maybe", "upgrade", "heads");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("FAILED: Bad on_changed_script 'maybe'"), bad.err());
    }

    /**
     * With the revision index and kept bodies and checksums warm (70 applied scripts, more than a
     * plan keeps bodies from), an edit of an applied script is still found: its file is no longer
     * as listed, so its checksum is its new text's.
     */
    @Test
    void anEditIsFoundWhenChecksumsAreKept() throws Exception {
        Map<String, String> scripts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 70; i++) {
            String id = String.format("k%03d", i);
            scripts.put(id + "_t.sql", CliHarness.script(id, i == 0 ? "" : String.format("k%03d", i - 1), "t" + i,
                    "CREATE TABLE t" + i + " (id INTEGER);", "DROP TABLE t" + i + ";"));
        }
        CliHarness h = CliHarness.project(dir, scripts);
        h.env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        long old = System.currentTimeMillis() - 3_600_000L;
        try (var files = Files.list(dir.resolve("migrations/versions"))) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(old));
            }
        }
        assertEquals(0, h.run("upgrade", "heads").exit());
        assertEquals(0, h.run("verify").exit());
        assertEquals(0, h.run("verify").exit());
        try (var files = Files.list(dir.resolve("cache/retort"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("bodies-")), "bodies and checksums kept");
        }
        Path k30 = dir.resolve("migrations/versions/k030_t.sql");
        Files.writeString(k30, Files.readString(k30).replace("CREATE TABLE t30 (id INTEGER);", "CREATE TABLE t30 (id TEXT);"));
        CliHarness.Run verify = h.run("verify");
        assertEquals(1, verify.exit(), verify.out() + verify.err());
        assertTrue((verify.out() + verify.err()).contains("k030"), verify.out() + verify.err());
        Files.writeString(dir.resolve("migrations/versions/k070_t.sql"), CliHarness.script("k070", "k069", "t70",
                "CREATE TABLE t70 (id INTEGER);", "DROP TABLE t70;"));
        CliHarness.Run refused = h.run("upgrade", "heads");
        assertEquals(1, refused.exit(), "the upgrade refuses too");
        assertTrue(refused.err().startsWith("FAILED: Applied script(s) changed since they ran: k030;"), refused.err());
    }
}
