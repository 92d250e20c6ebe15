package dev.retort.shell.repl;

import dev.retort.shell.cli.GlobalOptions;
import dev.retort.shell.cli.Session;
import dev.retort.shell.panel.GraphModel;
import dev.retort.shell.panel.GraphPanel;
import dev.retort.shell.panel.JLineHandover;
import dev.retort.themes.Styler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.utils.Status;

/**
 * The shell's {@code graph [REVISION]}: lends the REPL's terminal to the branch-graph panel
 * ({@link JLineHandover}) over the session's revision map and database rows, with actions
 * that run through the commands' own code ({@link SessionPanelActions}) and the active
 * theme's colours. While the panel is up the status line is suspended and what the actions
 * print (a merge's "Generating ...") is held back; afterwards both are shown, and the REPL
 * refreshes its prompt and status line from the database as the panel left it.
 */
final class GraphCommand {

    /** One line for the command list and completion. */
    static final String DESCRIPTION = "Browse the revision graph full screen; upgrade, downgrade, stamp or merge from it.";

    /** What {@code help graph} shows (also one-shot {@code retort graph --help}). */
    static final String HELP = dev.retort.shell.cli.ShellHelp.GRAPH;

    private final Terminal terminal;
    private final Session session;
    private final Supplier<GlobalOptions> options;
    private final Supplier<Styler> styler;
    private final ShellOutput output;
    private final Runnable refresh;
    private final Consumer<String> typedAhead;

    /**
     * @param refresh    redraws the REPL's status line from the session's state (run after the
     *                   panel has closed)
     * @param typedAhead takes the keys typed right after the panel's {@code q}, for the next
     *                   prompt to read first (the LineReader's {@code runMacro})
     */
    GraphCommand(Terminal terminal, Session session, Supplier<GlobalOptions> options, Supplier<Styler> styler,
            ShellOutput output, Runnable refresh, Consumer<String> typedAhead) {
        this.terminal = terminal;
        this.session = session;
        this.options = options;
        this.styler = styler;
        this.output = output;
        this.refresh = refresh;
        this.typedAhead = typedAhead;
    }

    /** Runs {@code graph} with the words after it. */
    void run(List<String> args) {
        if (args.size() > 1) {
            output.error("usage: graph [REVISION]");
            return;
        }
        if (!JLineHandover.canShowPanel(terminal)) {
            output.error("FAILED: graph needs a full-screen terminal; this one is '" + terminal.getType()
                    + "' (try history or heads)");
            return;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        session.redirect(new PrintWriter(out, true), new PrintWriter(err, true));
        try (SessionPanelActions actions = new SessionPanelActions(session, options.get())) {
            GraphModel model = actions.model();
            GraphPanel.Builder panel = GraphPanel.builder().model(model).actions(actions)
                    .styler(styler.get());
            if (!args.isEmpty()) {
                panel.startAt(args.get(0));
            }
            JLineHandover.run(terminal, display(), panel);
        } catch (IOException e) {
            err.append("FAILED: the terminal failed under the panel: ").append(e.getMessage()).append('\n');
        } catch (RuntimeException e) {
            err.append("FAILED: ").append(e.getMessage() == null ? e.toString() : e.getMessage()).append('\n');
        } finally {
            output.show(out, false);
            if (err.getBuffer().length() > 0) {
                output.error(err.toString().stripTrailing());
            }
        }
    }

    private JLineHandover.ReplDisplay display() {
        Status status = Status.getStatus(terminal, false);
        return new JLineHandover.ReplDisplay() {
            @Override
            public void hide() {
                if (status != null) {
                    status.suspend();
                }
            }

            @Override
            public void show() {
                if (status != null) {
                    status.resize();
                    status.restore();
                }
                refresh.run();
            }

            @Override
            public void typedAhead(String keys) {
                if (!keys.isEmpty()) {
                    typedAhead.accept(keys);
                }
            }
        };
    }
}
