package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.themes.Styler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

    @TempDir
    Path dir;

    @Test
    void onADumbTerminalGraphSaysItNeedsAFullScreenOneAndOpensNothing() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), screen);
                Session session = new Session(dir, Map.of(), new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()), true)) {
            int[] refreshed = {0};
            new GraphCommand(terminal, session, GlobalOptions::new, Styler::plain,
                    new ShellOutput(terminal, Styler::plain, () -> dev.retort.shell.highlight.SqlRoles.dialect(null)), () -> refreshed[0]++, keys -> { }).run(List.of());
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("FAILED: graph needs a full-screen terminal; this one is 'dumb'"), shown);
            assertEquals(0, refreshed[0], "nothing was handed over, so nothing to redraw");
        }
    }

    @Test
    void graphIsACommandAndTakesARevision() {
        ReplCompleter completer = new ReplCompleter(ReplCompleterTest.model(), SampleGraph::index,
                () -> List.of("dark"), () -> dir);
        assertTrue(values(completer, "gr").contains("graph"));
        assertEquals(List.of("a1f37be04c51", "a1f3c09e7b2d"), values(completer, "graph a1f3"));
    }

    private static List<String> values(ReplCompleter completer, String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE), out);
        return out.stream().map(Candidate::value).toList();
    }
}
