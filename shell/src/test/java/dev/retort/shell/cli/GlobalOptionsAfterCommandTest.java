package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --url}, {@code -x}, {@code -n} and {@code -c} work after the command as before it (the
 * shell passes its lines through the same CLI), and a rejected word never echoes a password.
 */
class GlobalOptionsAfterCommandTest {

    @TempDir
    Path dir;

    @Test
    void globalOptionsAfterTheCommandMoveInFrontOfIt() {
        assertArrayEquals(new String[] {"--url", "u", "-x", "a=b", "current", "-v"},
                Cli.hoistGlobalOptions(new String[] {"current", "--url", "u", "-v", "-x", "a=b"}));
        assertArrayEquals(new String[] {"-c", "f", "--url=u", "history", "-r", "-1:"},
                Cli.hoistGlobalOptions(new String[] {"-c", "f", "history", "--url=u", "-r", "-1:"}));
        assertArrayEquals(new String[] {"revision", "-m", "x", "--", "--url", "u"},
                Cli.hoistGlobalOptions(new String[] {"revision", "-m", "x", "--", "--url", "u"}));
    }

    @Test
    void currentWithItsOwnUrlReadsThatDatabase() throws Exception {
        CliHarness cli = CliHarness.project(dir, Map.of("aaaa1111_first.sql",
                CliHarness.script("aaaa1111", "", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;")));
        assertEquals(0, cli.run("--url", "sqlite:///" + dir.resolve("other.db"), "upgrade", "heads").exit());
        CliHarness.Run here = cli.run("current");
        assertFalse(here.out().contains("aaaa1111"), here.out());
        CliHarness.Run other = cli.run("current", "--url", "sqlite:///" + dir.resolve("other.db"));
        assertEquals(0, other.exit(), other.err());
        assertTrue(other.out().contains("aaaa1111 (head)"), other.out());
    }

    @Test
    void aRejectedWordNeverEchoesAPassword() throws Exception {
        CliHarness cli = CliHarness.project(dir, Map.of());
        CliHarness.Run r = cli.run("current", "--uri", "postgresql://postgres:Typed#Secret17@127.0.0.1/test");
        assertEquals(2, r.exit(), r.err());
        assertFalse(r.err().contains("Secret17") || r.out().contains("Secret17"), r.err());
    }
}
