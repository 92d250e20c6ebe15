package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shell with standard input not a terminal: commands line by line, nothing applied without --yes. */
class ScriptModeTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<List<String>> dispatched = new ArrayList<>();
    private final List<Boolean> answers = new ArrayList<>();
    private final Session session = new Session(Path.of("."), Map.of(), new PrintWriter(out), new PrintWriter(err), true);

    private int run(String input) throws IOException {
        ScriptMode mode = new ScriptMode(session, args -> {
            dispatched.add(List.copyOf(args));
            if (args.contains("upgrade") && !args.contains("--yes") && !args.contains("--sql")) {
                answers.add(session.prompter().confirm("Apply 1 step(s) to db?"));
            }
            session.out().println("ran");
            return args.contains("missing") ? 1 : 0;
        }, ReplCompleterTest.model(), GlobalArgs.of(new GlobalOptions()));
        return mode.run(new BufferedReader(new StringReader(input)));
    }

    @Test
    void movesWithoutYesAreRefusedBeforeTheyRun() throws IOException {
        assertEquals(1, run("upgrade heads\ndowngrade -1\nstamp base\n"));
        assertEquals(List.of(), dispatched);
        assertTrue(err.toString().contains("FAILED: not applying 'upgrade heads': input is not a terminal"), err.toString());
        assertEquals(3, err.toString().lines().count());
    }

    @Test
    void yesSqlAndDryRunGoThroughWithoutColour() throws IOException {
        assertEquals(0, run("upgrade heads --yes\nupgrade heads --sql\ndowngrade base --dry-run\n"));
        assertEquals(List.of("--color", "never", "upgrade", "heads", "--yes"), dispatched.get(0));
        assertEquals(3, dispatched.size());
        assertEquals(List.of(), answers, "nobody is asked anything");
    }

    @Test
    void readCommandsRunLineByLineWithoutPromptsSkippingCommentsAndBlanks() throws IOException {
        assertEquals(0, run("# a script\n\nheads\nhistory -r base:head\n"));
        assertEquals(List.of(List.of("--color", "never", "heads"), List.of("--color", "never", "history", "-r", "base:head")), dispatched);
        assertEquals("ran\nran\n", out.toString());
        assertFalse(out.toString().contains(">"));
    }

    @Test
    void exitStatusIsTheLastFailuresAndExitStops() throws IOException {
        assertEquals(1, run("show missing\nheads\nexit\nheads\n"));
        assertEquals(2, dispatched.size());
    }

    @Test
    void passwordsAreMaskedInRefusals() throws IOException {
        run("upgrade heads --url postgresql://ann:hunter2@db/shop\n");
        assertFalse(err.toString().contains("hunter2"), err.toString());
    }
}
