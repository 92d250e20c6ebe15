package dev.retort.shell.repl;

import dev.retort.shell.cli.Prompter;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.Locale;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;

/**
 * The shell's answer to {@link Prompter}: shows what the command printed so far (its plan and
 * SQL), then asks {@code question [y/N]} on the terminal. Only {@code y} or {@code yes} is a
 * yes; Enter, anything else, Ctrl-C and Ctrl-D are no (the command says what it did not do).
 */
final class ShellPrompter implements Prompter {

    private final LineReader reader;
    private final Terminal terminal;
    private final Supplier<Styler> styler;
    private final Runnable showPending;

    ShellPrompter(LineReader reader, Terminal terminal, Supplier<Styler> styler, Runnable showPending) {
        this.reader = reader;
        this.terminal = terminal;
        this.styler = styler;
        this.showPending = showPending;
    }

    @Override
    public boolean confirm(String question) {
        showPending.run();
        Styler s = styler.get();
        AttributedStringBuilder prompt = new AttributedStringBuilder();
        s.append(prompt, Role.WARNING, question.strip());
        prompt.append(" ");
        s.append(prompt, Role.MUTED, "[y/N]");
        prompt.append(" ");
        String answer;
        // an answer is not a command: Up must not recall 'y'
        Object disabled = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            answer = reader.readLine(s.ansi(prompt.toAttributedString()));
        } catch (UserInterruptException | EndOfFileException e) {
            answer = null;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, disabled == null ? false : disabled);
        }
        boolean yes = answer != null && switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> true;
            default -> false;
        };
        if (answer == null) {
            terminal.writer().println(s.paint(Role.MUTED, "cancelled"));
            terminal.writer().flush();
        }
        return yes;
    }
}
