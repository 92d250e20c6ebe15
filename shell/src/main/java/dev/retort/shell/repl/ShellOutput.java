package dev.retort.shell.repl;

import dev.retort.engine.dialect.Dialect;
import dev.retort.shell.highlight.SqlRoles;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
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
    /** When output goes through the pager: the user's setting, or always for one {@code --pager} command. */
    private dev.retort.shell.cli.UserSettings.Pager pager = dev.retort.shell.cli.UserSettings.Pager.NEVER;
    private final Supplier<Dialect> dialect;

    /** @param dialect the database's dialect, whose lexer reads the SQL shown */
    ShellOutput(Terminal terminal, Supplier<Styler> styler, Supplier<Dialect> dialect) {
        this.terminal = terminal;
        this.styler = styler;
        this.dialect = dialect;
    }

    void pager(dev.retort.shell.cli.UserSettings.Pager pager) {
        this.pager = pager;
    }

    /** Shows and empties what a command has written to {@code out} so far. */
    void show(StringWriter out, boolean sql) {
        String o = drain(out);
        if (!o.isEmpty()) {
            page(render(o, sql));
        }
    }

    /**
     * Shows what is pending without the pager: a plan before its question must stay on the
     * screen, not be paged away before the user is asked.
     */
    void showUnpaged(StringWriter out, boolean sql) {
        String o = drain(out);
        if (!o.isEmpty()) {
            print(render(o, sql));
        }
    }

    /**
     * A writer for the command's standard error that shows each line as it comes (progress of
     * a run, errors), after whatever standard output is pending, so the two stay in order.
     */
    Writer live(StringWriter pendingOut, boolean sql) {
        return new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    line.append(buf[i]);
                    if (buf[i] == '\n') {
                        emit();
                    }
                }
            }

            private void emit() {
                if (line.length() == 0) {
                    return;
                }
                show(pendingOut, sql);
                print(renderErrors(line.toString()));
                line.setLength(0);
            }

            @Override
            public void flush() {
                emit();
            }

            @Override
            public void close() {
                flush();
            }
        };
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
        return sql ? SqlRoles.jline(styler.get(), dialect.get(), text) : new AttributedString(text);
    }

    private AttributedString renderErrors(String text) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("FAILED") || line.startsWith("retort: error")) {
                styler.get().append(sb, Role.ERROR, line);
            } else if (line.startsWith("Running ")) {
                styler.get().append(sb, Role.MUTED, line);
            } else if (line.startsWith("Nothing applied") || line.startsWith("Waiting")) {
                styler.get().append(sb, Role.WARNING, line);
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

    /**
     * Prints {@code text}; through the pager only when the user asked for one ({@code pager =
     * auto} and taller than the screen, {@code always}, or {@code --pager}). After the pager
     * closes the text is printed as well, so it stays on the screen (and in the scrollback) to
     * be read or copied.
     */
    void page(AttributedString text) {
        int height = terminal.getHeight();
        long lines = text.toString().chars().filter(c -> c == '\n').count();
        boolean wanted = switch (pager) {
            case NEVER -> false;
            case AUTO -> height > 0 && lines >= height - 1;
            case ALWAYS -> true;
        };
        if (!wanted || !canPage()) {
            print(text);
            return;
        }
        try {
            Less less = new Less(terminal, null);
            less.quitIfOneScreen = pager == dev.retort.shell.cli.UserSettings.Pager.AUTO;
            less.run(new Source.InputStreamSource(
                    new ByteArrayInputStream(styler.get().ansi(text).getBytes(StandardCharsets.UTF_8)), true, "output"));
        } catch (IOException e) {
            // fall through: printed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print(text);
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
