package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's item 8 through the commands: a misspelt dialect or marker in a script is one
 * line naming file and line from every command that reads the scripts, not only from
 * planning (before, {@code heads} listed the revision and PostgreSQL ran the plain section).
 */
class MarkerEveryCommandTest {

    @TempDir
    Path dir;

    private void everyCommandFailsWith(String body, String message) throws Exception {
        CliHarness h = CliHarness.project(dir, Map.of("aaaa1111_one.sql",
                CliHarness.script("aaaa1111", "", "one", "SELECT 1;", null).replace("-- retort:upgrade\nSELECT 1;\n", body)));
        String line = "FAILED: " + dir.resolve("migrations/versions/aaaa1111_one.sql") + message + "\n";
        for (List<String> command : List.of(List.of("heads"), List.of("history"), List.of("show", "aaaa1111"),
                List.of("branches"), List.of("upgrade", "heads", "--sql"), List.of("current"), List.of("status"))) {
            CliHarness.Run r = h.run(command.toArray(String[]::new));
            assertEquals(1, r.exit(), command + ": " + r.out() + r.err());
            assertTrue(r.err().endsWith(line), command + ": " + r.err());
            assertEquals(1, r.err().lines().filter(l -> !l.startsWith("(using")).count(), command + ": " + r.err());
        }
    }

    @Test
    void anUnknownDialectFailsEveryCommand() throws Exception {
        everyCommandFailsWith("-- retort:upgrade\nSELECT 1;\n-- retort:upgrade postgres\nSELECT 2;\n",
                ":9: unknown dialect 'postgres'; did you mean 'postgresql'? (known: sqlite, postgresql, mysql, mariadb)");
    }

    @Test
    void aMisspeltMarkerFailsEveryCommand() throws Exception {
        everyCommandFailsWith("-- retort:upgrad\nSELECT 1;\n",
                ":7: unknown marker '-- retort:upgrad'; did you mean 'upgrade'? "
                        + "(known: upgrade, downgrade, no-transaction, lint-ignore)");
    }
}
