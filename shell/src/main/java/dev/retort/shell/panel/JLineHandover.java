package dev.retort.shell.panel;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.InfoCmp.Capability;

/**
 * Lends the REPL's JLine terminal to the panel and gives it back as it was.
 *
 * <p>Call it between two {@code readLine}s (from the {@code graph} command). While the panel
 * is up: the REPL's status line is hidden (through {@link ReplDisplay}); the terminal is raw
 * (no echo, no line discipline, no signals, so that Ctrl-C and Ctrl-Z reach the panel as
 * keys) but keeps ICRNL, which Lanterna needs to see Enter; window-size changes go to the
 * panel instead of JLine's handler; the panel draws on the alternate screen. Afterwards the
 * terminal attributes and the WINCH handler are JLine's again, a resize that happened
 * meanwhile is passed on to JLine's handler, the cursor is visible, and the status line is
 * shown again, so the next {@code readLine} finds the terminal as it left it.
 *
 * <p>Keys typed before the panel starts are not lost: the panel reads through JLine's own
 * reader. Nor are keys typed right after {@code q}: what the panel read and did not handle is
 * handed to {@link ReplDisplay#typedAhead(String)}, for the REPL to read first (a LineReader's
 * {@code runMacro}).
 */
public final class JLineHandover {
    private JLineHandover() {}

    /**
     * What the REPL shows around its prompt, hidden while the panel is up, and where the keys
     * typed after the panel's last key go.
     */
    public interface ReplDisplay {
        /** Hides the status line (e.g. {@code Status.getStatus(terminal).hide()}). */
        void hide();

        /** Draws it again with fresh contents. */
        void show();

        /**
         * Takes the keys typed after the one that closed the panel (say {@code heads} and Enter
         * right after {@code q}), to be read before anything else the terminal delivers. Called
         * once, after {@link #show()}, with nothing when nothing was typed ahead. The default
         * drops them.
         */
        default void typedAhead(String keys) {}

        ReplDisplay NONE = new ReplDisplay() {
            @Override
            public void hide() {}

            @Override
            public void show() {}
        };
    }

    /**
     * Runs the panel full screen on the REPL's terminal and returns the model as the user
     * left it. The builder's terminal is set here; its glyphs default to what the JLine
     * terminal can show unless set explicitly.
     */
    public static GraphModel run(org.jline.terminal.Terminal jline, ReplDisplay display,
            GraphPanel.Builder panel) throws IOException {
        Objects.requireNonNull(jline, "jline");
        Objects.requireNonNull(display, "display");
        if (!canShowPanel(jline)) {
            throw new IllegalStateException("graph needs a full-screen terminal; this one is '"
                    + jline.getType() + "' (try history or heads)");
        }
        Attributes saved = jline.getAttributes();
        Size sizeBefore = new Size(jline.getSize().getColumns(), jline.getSize().getRows());
        display.hide();
        jline.flush();
        // raw before the adapter's input pump starts: on a system terminal JLine's reader sets
        // the terminal's attributes on its first timed read (VMIN/VTIME over what it reads
        // back then), so a pump started first could put the cooked ones back under the panel
        // (seen once on a cold start: keys echoed and held until Enter)
        jline.setAttributes(panelAttributes(saved));
        JLineTerminalAdapter lanterna;
        try {
            lanterna = new JLineTerminalAdapter(jline);
        } catch (RuntimeException e) {
            jline.setAttributes(saved);
            display.show();
            throw e;
        }
        SignalHandler previousWinch = jline.handle(Signal.WINCH, s -> lanterna.sizeChanged());
        try {
            return panel.terminal(lanterna).defaultGlyphs(glyphsFor(jline)).build().run();
        } finally {
            String typedAhead = restore(jline, lanterna, saved, previousWinch);
            if (!sizeBefore.equals(jline.getSize()) && previousWinch != SignalHandler.SIG_DFL
                    && previousWinch != SignalHandler.SIG_IGN && previousWinch != null) {
                previousWinch.handle(Signal.WINCH);
            }
            display.show();
            display.typedAhead(typedAhead);
        }
    }

    /** Whether a terminal can show the panel: not a dumb one, and of some size. */
    public static boolean canShowPanel(org.jline.terminal.Terminal jline) {
        String type = jline.getType() == null ? "" : jline.getType();
        return !type.startsWith(org.jline.terminal.Terminal.TYPE_DUMB) && jline.getSize().getRows() > 0;
    }

    /** The glyphs a JLine terminal can show: by its encoding and type, and RETORT_ASCII. */
    public static Glyphs glyphsFor(org.jline.terminal.Terminal jline) {
        return Glyphs.forTerminal(jline.encoding(), jline.getType(), System.getenv("RETORT_ASCII"));
    }

    /** Raw for the panel: no echo, no canonical mode, no signals; ICRNL kept for Enter. */
    static Attributes panelAttributes(Attributes saved) {
        Attributes raw = new Attributes(saved);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN, LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.INLCR, InputFlag.IGNCR), false);
        raw.setInputFlag(InputFlag.ICRNL, true);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        return raw;
    }

    /** Gives the terminal back to JLine; returns the keys the panel read and did not handle. */
    private static String restore(org.jline.terminal.Terminal jline, JLineTerminalAdapter lanterna,
            Attributes saved, SignalHandler previousWinch) {
        String typedAhead = lanterna.stopInput();
        try {
            lanterna.resetColorAndSGR();
            lanterna.setCursorVisible(true);
            lanterna.flush();
        } catch (IOException | RuntimeException ignored) {
            // the terminal is going back to JLine whatever happens; its attributes matter more
        }
        jline.handle(Signal.WINCH, previousWinch);
        jline.setAttributes(saved);
        jline.puts(Capability.cursor_normal);
        jline.flush();
        return typedAhead;
    }
}
