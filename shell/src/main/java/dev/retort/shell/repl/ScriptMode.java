package dev.retort.shell.repl;

import dev.retort.engine.dialect.Urls;
import dev.retort.shell.cli.Prompter;
import dev.retort.shell.cli.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The shell when standard input is not a terminal ({@code retort < commands.txt}): reads
 * commands line by line without prompts, colour or questions, and refuses to apply anything
 * (upgrade, downgrade, stamp) unless the line says {@code --yes}; {@code --sql} and
 * {@code --dry-run} only show and so run as typed. Blank lines and {@code #} comments are
 * skipped; {@code graph}, which needs a full-screen terminal, fails. The exit status is that of the last line that failed, else 0.
 */
final class ScriptMode {

    private static final Set<String> SAFE_MOVE_FLAGS = Set.of("--yes", "-y", "--sql", "--dry-run");

    private final Session session;
    private final ToIntFunction<List<String>> dispatcher;
    private final CommandModel model;
    private final GlobalArgs globals;

    ScriptMode(Session session, ToIntFunction<List<String>> dispatcher, CommandModel model, GlobalArgs globals) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.model = model;
        this.globals = globals;
        if (!"always".equals(globals.get("--color"))) {
            globals.set("--color", "never");
        }
    }

    int run(BufferedReader in) throws IOException {
        PrintWriter out = session.out();
        PrintWriter err = session.err();
        session.prompter(Prompter.NONE);
        int status = 0;
        for (String line; (line = in.readLine()) != null; ) {
            List<String> words = Words.split(line).stream().map(Words.Word::text).toList();
            if (words.isEmpty() || words.get(0).startsWith("#")) {
                continue;
            }
            LineAnalysis analysis = LineAnalysis.of(model, words);
            int ci = analysis.commandIndex();
            String command = ci < 0 ? "" : words.get(ci);
            int code;
            switch (command) {
                case "exit", "quit" -> {
                    return status;
                }
                case "theme" -> code = 0;
                case "graph" -> {
                    err.println("FAILED: graph needs a terminal: it opens a full-screen panel, and input is not a "
                            + "terminal here (try history or heads)");
                    code = 1;
                }
                case "connect" -> {
                    if (words.size() == ci + 2) {
                        globals.set("--url", words.get(ci + 1));
                        code = 0;
                    } else {
                        err.println("usage: connect URL");
                        code = 2;
                    }
                }
                case "help" -> code = dispatcher.applyAsInt(globals.forLine(
                        ci + 1 < words.size() ? List.of("help", words.get(ci + 1)) : List.of("help"), 0));
                default -> {
                    if (CommandModel.isMove(command) && words.stream().noneMatch(SAFE_MOVE_FLAGS::contains)) {
                        err.println("FAILED: not applying '" + Urls.maskText(line.strip())
                                + "': input is not a terminal, so nobody can confirm; add --yes to apply, "
                                + "or --sql / --dry-run to see the plan");
                        code = 1;
                    } else {
                        code = dispatcher.applyAsInt(globals.forLine(words, ci));
                    }
                }
            }
            out.flush();
            err.flush();
            if (code != 0) {
                status = code;
            }
        }
        return status;
    }
}
