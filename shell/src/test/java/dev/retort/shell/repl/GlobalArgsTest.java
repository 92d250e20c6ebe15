package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.shell.cli.GlobalOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A line's own global options, before or after its command, replace the shell's. */
class GlobalArgsTest {

    @Test
    void aLinesUrlAfterItsCommandReplacesTheShells() {
        GlobalArgs g = GlobalArgs.of(CommandLine.populateCommand(new GlobalOptions(), "--url", "sqlite:///a.db", "-x",
                "lock_timeout=5"));
        assertEquals(List.of("-x", "lock_timeout=5", "current", "--url", "sqlite:///b.db"),
                g.forLine(List.of("current", "--url", "sqlite:///b.db"), 0));
        assertEquals(List.of("--url", "sqlite:///a.db", "-x", "lock_timeout=5", "current", "-v"),
                g.forLine(List.of("current", "-v"), 0));
    }
}
