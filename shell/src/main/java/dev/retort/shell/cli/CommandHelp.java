package dev.retort.shell.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@code retort COMMAND --help} and {@code help COMMAND} show besides picocli's own model
 * (usage, description, options): the group the command is listed under and a few worked
 * examples. It sits on the command class, next to the {@code @Command}, so that whoever adds a
 * command writes its help in the same place; {@code HelpTest} fails for a command without it.
 *
 * <p>{@link #examples()} alternates a command line (without {@code retort}) and what it does:
 * {@code {"upgrade heads", "every branch to its head", "upgrade +1", "one step up"}}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CommandHelp {

    Group group();

    /** Pairs: a command line as typed after {@code retort}, then one line on what it does. */
    String[] examples();

    /** The groups of {@code retort help}, in the order they are listed. */
    enum Group {
        EXPLORE("Explore the revision graph"),
        MOVE("Move the database"),
        WRITE("Write revisions and environments"),
        INSPECT("Inspect the database"),
        SHELL("In the shell");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
