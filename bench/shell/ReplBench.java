import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.cli.Cli;
import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.repl.CommandModel;
import dev.retort.shell.repl.ReplCompleter;
import dev.retort.shell.repl.ReplHighlighter;
import dev.retort.shell.repl.RevisionIndex;
import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine;

/**
 * Warm-shell benchmarks (not a test; see run.sh), on a generated environment:
 * 1. Tab on a 4-character revision prefix: candidates with descriptions (goal <= 50 ms);
 * 2. highlighting the typed line (per keystroke);
 * 3. graph commands dispatched through the shell's CLI in a warm session: heads, branches,
 *    history -r -10:, show (goal <= 20 ms each).
 * Times are medians (and maxima) over repeated runs after a warm-up.
 */
public final class ReplBench {
    public static void main(String[] args) throws Exception {
        Path ini = Path.of(args[0]).toAbsolutePath();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Session session = new Session(ini.getParent(), Map.of(), sink, sink, true);
        Cli cli = new Cli(session, (s, o) -> 0);
        GlobalOptions options = CommandLine.populateCommand(new GlobalOptions(), "-c", ini.toString());
        long t0 = System.nanoTime();
        RevisionMap map = session.map(options);
        RevisionIndex index = RevisionIndex.of(map, List.of());
        System.out.printf("environment: %d revisions, loaded and indexed in %.0f ms (once per session)%n",
                index.size(), (System.nanoTime() - t0) / 1e6);
        CommandModel model = CommandModel.of(cli.commandLine());
        ReplCompleter completer = new ReplCompleter(model, () -> index, () -> ThemeCatalog.BUNDLED, () -> ini.getParent());
        Styler styler = new Styler(ThemeCatalog.bundled("dark"), new ColorPolicy(ColorDepth.ANSI_256));
        ReplHighlighter highlighter = new ReplHighlighter(model, () -> index, () -> styler);

        String someId = map.revisions().get(map.revisions().size() / 2).id();
        String prefix = someId.substring(0, 4);
        DefaultParser parser = new DefaultParser();
        String line = "upgrade " + prefix;
        int[] found = new int[1];
        report("Tab on '" + line + "' (" + index.withPrefix(prefix).size() + " candidates)", 50, () -> {
            List<Candidate> c = new ArrayList<>();
            completer.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), c);
            found[0] = c.size();
            return c.size();
        });
        String empty = "upgrade ";
        report("Tab on '" + empty + "' (every revision)", 50, () -> {
            List<Candidate> c = new ArrayList<>();
            completer.complete(null, parser.parse(empty, empty.length(), ParseContext.COMPLETE), c);
            return c.size();
        });
        String typed = "history -r " + someId.substring(0, 6) + ":heads --verbose";
        report("highlight '" + typed + "'", 5, () -> highlighter.highlight(typed).length());

        String c = ini.toString();
        report("heads", 20, () -> cli.execute("-c", c, "heads"));
        report("branches", 20, () -> cli.execute("-c", c, "branches"));
        report("history -r -10:", 20, () -> cli.execute("-c", c, "history", "-r", "-10:"));
        report("show " + prefix + someId.substring(4, 8), 20, () -> cli.execute("-c", c, "show", someId.substring(0, 8)));
    }

    private static void report(String what, double goalMs, IntSupplier op) {
        for (int i = 0; i < 50; i++) {
            op.getAsInt();
        }
        long[] t = new long[101];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            op.getAsInt();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        double median = t[t.length / 2] / 1e6;
        System.out.printf("%-60s median %7.3f ms  max %7.3f ms  goal <= %.0f ms  %s%n", what, median,
                t[t.length - 1] / 1e6, goalMs, median <= goalMs ? "ok" : "SLOW");
    }
}
