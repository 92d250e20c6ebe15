package dev.retort.shell.panel;

import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * A tiny REPL with a status line that opens the panel on {@code graph [REV]}: the hand-over
 * journey the tmux test drives. Also handy by hand:
 * {@code java -cp <test classpath> dev.retort.shell.panel.PanelDemo}.
 */
public final class PanelDemo {
    private PanelDemo() {}

    public static void main(String[] args) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            FakeActions actions = new FakeActions(args.length > 0 && args[0].equals("big")
                    ? SampleGraphs.generated(10_000, 3) : SampleGraphs.showcase());
            Status status = Status.getStatus(terminal);
            Runnable drawStatus = () -> status.update(List.of(new AttributedString(
                    "demo status | current: " + current(actions.model))));
            drawStatus.run();
            JLineHandover.ReplDisplay display = new JLineHandover.ReplDisplay() {
                @Override
                public void hide() {
                    status.suspend();
                }

                @Override
                public void show() {
                    status.resize();
                    status.restore();
                    drawStatus.run();
                }
            };
            while (true) {
                String line;
                try {
                    line = reader.readLine("demo> ");
                } catch (UserInterruptException e) {
                    terminal.writer().println("(interrupted)");
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String[] words = line.strip().split("\\s+");
                if (words[0].equals("graph")) {
                    GraphPanel.Builder panel = GraphPanel.builder().model(actions.model).actions(actions);
                    if (words.length > 1) {
                        panel.startAt(words[1]);
                    }
                    GraphModel after = JLineHandover.run(terminal, display, panel);
                    terminal.writer().println("back from graph; current: " + current(after));
                } else if (words[0].equals("size")) {
                    terminal.writer().println("size " + terminal.getSize().getColumns() + "x"
                            + terminal.getSize().getRows());
                } else if (words[0].equals("exit")) {
                    break;
                } else {
                    terminal.writer().println("you typed: " + line);
                }
                terminal.flush();
            }
        }
    }

    private static String current(GraphModel model) {
        StringBuilder sb = new StringBuilder();
        for (int row : model.currentRows()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(model.get(row).id());
        }
        return sb.length() == 0 ? "(base)" : sb.toString();
    }
}
