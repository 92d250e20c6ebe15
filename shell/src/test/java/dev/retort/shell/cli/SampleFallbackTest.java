package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.TmuxPane;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot commands from a directory without {@code retort.ini} open the sample environment
 * under the Retort home, as the shell does, and say so once on standard error.
 */
class SampleFallbackTest {

    @TempDir
    Path root;

    private CliHarness h;

    @BeforeEach
    void copySample() throws Exception {
        TmuxPane.copyEnvironment(Path.of(System.getProperty("retort.root", "..")).resolve("sample-env"),
                root.resolve("sample-env"));
        h = new CliHarness(root);
        h.home = root;
    }

    @Test
    void headsFromTheRepositoryRootReadsTheSampleAndSaysSoOnce() {
        CliHarness.Run r = h.run("heads");
        assertEquals(0, r.exit(), r.err());
        assertEquals("(using sample-env/retort.ini)\n", r.err());
        assertTrue(r.out().contains("(payments) (head)") && r.out().contains("(shipping) (head)"), r.out());
    }

    @Test
    void upgradeFromTheRootMigratesTheSampleDatabase() {
        CliHarness.Run r = h.run("upgrade", "+1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(root.resolve("sample-env/shop.db")));
        assertEquals(1, r.err().lines().filter(l -> l.equals("(using sample-env/retort.ini)")).count(), r.err());
        assertFalse(h.run("current").out().isBlank());
    }

    @Test
    void elsewhereTheNoteNamesTheSampleByItsFullPath() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        CliHarness other = new CliHarness(elsewhere);
        other.home = root;
        CliHarness.Run r = other.run("heads");
        assertEquals(0, r.exit(), r.err());
        assertEquals("(using " + root.resolve("sample-env/retort.ini") + ")\n", r.err());
    }

    @Test
    void aRetortIniHereOrANamedFileWins() throws Exception {
        CliHarness.Run named = h.run("-c", "missing.ini", "heads");
        assertEquals(1, named.exit());
        assertTrue(named.err().contains("missing.ini"), named.err());
        h.env.put("RETORT_CONFIG", "also-missing.ini");
        assertEquals(1, h.run("heads").exit());
        h.env.remove("RETORT_CONFIG");
        Files.createDirectories(root.resolve("own/versions"));
        Files.writeString(root.resolve("retort.ini"), "[retort]\nscript_location = %(here)s/own\n");
        CliHarness.Run own = h.run("heads");
        assertEquals(0, own.exit(), own.err());
        assertEquals("", own.out());
        assertEquals("", own.err());
    }

    @Test
    void withoutAHomeTheMissingFileIsStillTheError() {
        CliHarness bare = new CliHarness(root);
        CliHarness.Run r = bare.run("heads");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("FAILED: No config file"), r.err());
    }
}
