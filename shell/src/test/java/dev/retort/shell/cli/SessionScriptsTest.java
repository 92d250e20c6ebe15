package dev.retort.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.engine.revision.Revision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shell's session reloads a script edited in place, as a person edits one beside the shell. */
class SessionScriptsTest {

    @TempDir
    Path dir;

    @Test
    void aScriptEditedInPlaceIsReadAgainThoughItsDirectoryDidNotChange() throws Exception {
        CliHarness.project(dir, Map.of("a1_ix.sql", CliHarness.script("a1", "", "ix",
                "CREATE INDEX ix ON orders (a);", "DROP INDEX ix;")));
        Path versions = dir.resolve("migrations/versions");
        Path script = versions.resolve("a1_ix.sql");
        GlobalOptions options = CommandLine.populateCommand(new GlobalOptions(), "-c", dir.resolve("retort.ini").toString());
        try (Session s = new Session(dir, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                true)) {
            Revision a1 = s.map(options).get("a1").orElseThrow();
            assertEquals("CREATE INDEX ix ON orders (a);", s.scripts(options).body(a1).upgrade("sqlite").orElseThrow().sql().strip());

            FileTime directoryTime = Files.getLastModifiedTime(versions);
            FileTime before = Files.getLastModifiedTime(script);
            Files.writeString(script, Files.readString(script).replace("CREATE INDEX ix", "CREATE INDEX CONCURRENTLY ix"));
            Files.setLastModifiedTime(script, FileTime.fromMillis(before.toMillis() + 2_000));
            Files.setLastModifiedTime(versions, directoryTime); // as an editor writing in place leaves it

            a1 = s.map(options).get("a1").orElseThrow();
            assertEquals("CREATE INDEX CONCURRENTLY ix ON orders (a);",
                    s.scripts(options).body(a1).upgrade("sqlite").orElseThrow().sql().strip());
        }
    }
}
