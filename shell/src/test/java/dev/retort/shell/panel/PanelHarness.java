package dev.retort.shell.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A panel on a virtual terminal: keys in, screen text out. */
final class PanelHarness implements AutoCloseable {
    final DefaultVirtualTerminal terminal;
    final GraphPanel panel;

    PanelHarness(int columns, int rows, GraphPanel.Builder builder) {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        panel = builder.terminal(terminal).build();
        try {
            panel.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PanelHarness of(GraphModel model, PanelActions actions) {
        return new PanelHarness(100, 30, GraphPanel.builder().model(model).actions(actions));
    }

    /** Types characters (as if on the keyboard) and lets the panel handle them. */
    PanelHarness type(String chars) {
        for (char c : chars.toCharArray()) {
            terminal.addInput(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
        }
        return pump();
    }

    PanelHarness press(KeyType... keys) {
        for (KeyType k : keys) {
            terminal.addInput(new KeyStroke(k));
        }
        return pump();
    }

    PanelHarness ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
        return pump();
    }

    PanelHarness pump() {
        try {
            panel.processInput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String line(int row) {
        StringBuilder sb = new StringBuilder();
        int cols = terminal.getTerminalSize().getColumns();
        for (int c = 0; c < cols; c++) {
            TextCharacter ch = terminal.getCharacter(c, row);
            sb.append(ch == null ? ' ' : ch.getCharacterString());
        }
        return sb.toString().stripTrailing();
    }

    String screen() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }

    /** The first screen row below the title containing the text, or -1. */
    int rowOf(String text) {
        for (int r = 1; r < terminal.getTerminalSize().getRows(); r++) {
            if (line(r).contains(text)) {
                return r;
            }
        }
        return -1;
    }

    TextCharacter at(int column, int row) {
        return terminal.getCharacter(column, row);
    }

    String statusLine() {
        return line(terminal.getTerminalSize().getRows() - 1);
    }

    @Override
    public void close() throws IOException {
        panel.close();
    }
}
