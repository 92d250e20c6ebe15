package dev.retort.shell.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;

/** JLine's dumb terminal on piped streams, set up as a person's terminal is: the shell tests' keyboard and screen. */
final class PipedTerminals {
    private PipedTerminals() {}

    /**
     * A terminal of {@code type} ({@code ansi} for colour, {@code dumb}) that reads {@code keys}
     * and draws on {@code screen}: Ctrl-C interrupts, Ctrl-D ends input.
     */
    static DumbTerminal of(String type, String keys, OutputStream screen, int columns, int rows) throws IOException {
        DumbTerminal terminal = new DumbTerminal("test", type,
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(columns, rows));
        Attributes tty = terminal.getAttributes();
        tty.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        tty.setControlChar(Attributes.ControlChar.VINTR, 3);
        tty.setControlChar(Attributes.ControlChar.VEOF, 4);
        // unset control chars read as -1, which would turn end of input into SIGQUIT
        tty.setControlChar(Attributes.ControlChar.VQUIT, 28);
        tty.setControlChar(Attributes.ControlChar.VSUSP, 26);
        tty.setControlChar(Attributes.ControlChar.VSTATUS, 20);
        terminal.setAttributes(tty);
        return terminal;
    }
}
