package dev.retort.shell.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No noise and no silence, as a process: a driver's logging never reaches the terminal, a
 * misspelt key is warned about, a version location that is not there is an error.
 */
class SilenceAndSecretsTest {

    @TempDir
    Path dir;

    private PgProject.Done retort(String ini, String... args) throws Exception {
        Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(dir.resolve("retort.ini"), ini);
        Process p = new ProcessBuilder(cmd(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = PgProject.rest(p);
        p.waitFor();
        return new PgProject.Done(p.exitValue(), out);
    }

    private static List<String> cmd(String... args) {
        List<String> c = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.retort.shell.Main"));
        c.addAll(List.of(args));
        return c;
    }

    @Test
    void aBadPortIsOneLineWithoutDriverLogging() throws Exception {
        PgProject.Done r = retort("[retort]\nscript_location = %(here)s/migrations\n"
                + "url = postgresql://postgres:S3cretPW@127.0.0.1:99999/test\n", "current");
        assertEquals(1, r.exit(), r.out());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("FAILED: "), r.out());
        assertFalse(r.out().contains("S3cretPW"), r.out());
    }

    @Test
    void misspeltKeysAreWarnedAboutWithTheNearestKnownKey() throws Exception {
        PgProject.Done r = retort("[retort]\nscript_location = %(here)s/migrations\nurl = sqlite:///%(here)s/a.db\n"
                + "version_tabel = v\n", "-x", "lock_timout=5", "heads");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("WARNING: " + dir.resolve("retort.ini").toAbsolutePath()
                + ":4: unknown key 'version_tabel' in [retort]; did you mean 'version_table'?"), r.out());
        assertTrue(r.out().contains("WARNING: -x lock_timout: unknown key 'lock_timout'; did you mean 'lock_timeout'?"),
                r.out());
    }

    @Test
    void aMissingVersionLocationIsAnErrorNotAnEmptyGraph() throws Exception {
        PgProject.Done r = retort("[retort]\nscript_location = %(here)s/migrations\nurl = sqlite:///%(here)s/a.db\n"
                + "version_locations = %(here)s/nowhere\n", "heads");
        assertEquals(1, r.exit(), r.out());
        assertEquals("FAILED: " + dir.resolve("retort.ini").toAbsolutePath() + ":4: version location "
                + dir.resolve("nowhere").toAbsolutePath() + " doesn't exist", r.out().strip());
    }
}
