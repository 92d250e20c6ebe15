package dev.retort.shell.cli;

/**
 * How a command asks the user before it changes anything: {@code upgrade}, {@code downgrade}
 * and {@code stamp} in the shell print their plan and SQL, then call
 * {@code session.prompter().confirm("Apply N step(s) to <db>?")}, and apply only on true.
 *
 * <p>The shell's implementation shows the output so far (highlighted, paged when long) before
 * the question, treats Ctrl-C as no, and answers no without asking when input is not a
 * terminal. The one-shot CLI installs {@link #NONE}; its commands do not ask.
 */
@FunctionalInterface
public interface Prompter {

    /** Nobody to ask: every question is answered no. */
    Prompter NONE = question -> false;

    /**
     * Asks {@code question} (without the {@code [y/N]}, which the prompter adds).
     *
     * @return true only for an explicit yes
     */
    boolean confirm(String question);
}
