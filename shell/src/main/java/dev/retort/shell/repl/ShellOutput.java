package dev.retort.shell.repl;

import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Puts a command's captured output on the terminal: SQL highlighted, {@code FAILED:} lines in
 * the error style, text the CLI already coloured kept as it is, and anything taller than the
 * screen through JLine's pager ({@code less}) on terminals that can page.
 */
final class ShellOutput {

    private final Terminal terminal;
    private final Supplier<Styler> styler;

    ShellOutput(Terminal terminal, Supplier<Styler> styler) {
        this.terminal = terminal;
        this.styler = styler;
    }

    /** Shows and empties {@code out} then {@code err}. */
    void show(StringWriter out, StringWriter err, boolean sql) {
        String o = drain(out);
        String e = drain(err);
        if (!o.isEmpty()) {
            page(render(o, sql));
        }
        if (!e.isEmpty()) {
            print(renderErrors(e));
        }
    }

    private static String drain(StringWriter w) {
        StringBuffer b = w.getBuffer();
        String s = b.toString();
        b.setLength(0);
        return s;
    }

    AttributedString render(String text, boolean sql) {
        if (text.indexOf('\u001b') >= 0) {
            return AttributedString.fromAnsi(text);
        }
        return sql ? new SqlHighlighter(styler.get()).highlight(text) : new AttributedString(text);
    }

    private AttributedString renderErrors(String text) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("FAILED") || line.startsWith("retort: error")) {
                styler.get().append(sb, Role.ERROR, line);
            } else if (line.indexOf('\u001b') >= 0) {
                sb.append(AttributedString.fromAnsi(line));
            } else {
                sb.append(line);
            }
        }
        return sb.toAttributedString();
    }

    void error(String message) {
        print(styler.get().text(Role.ERROR, message + "\n"));
    }

    /** Prints {@code text}, through the pager when it is taller than the screen. */
    void page(AttributedString text) {
        int height = terminal.getHeight();
        long lines = text.toString().chars().filter(c -> c == '\n').count();
        if (!canPage() || height <= 0 || lines < height - 1) {
            print(text);
            return;
        }
        try {
            Less less = new Less(terminal, null);
            less.quitIfOneScreen = true;
            less.run(new Source.InputStreamSource(
                    new ByteArrayInputStream(styler.get().ansi(text).getBytes(StandardCharsets.UTF_8)), true, "output"));
        } catch (IOException e) {
            print(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean canPage() {
        String type = terminal.getType();
        return type != null && !type.startsWith("dumb");
    }

    void print(AttributedString text) {
        terminal.writer().print(styler.get().ansi(text));
        terminal.writer().flush();
    }
}
