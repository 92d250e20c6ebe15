package dev.retort.engine.lint;

import java.nio.file.Path;

/**
 * One lint finding, placed exactly: which step of the plan, which section of which script,
 * which statement and line.
 *
 * @param rule            the rule
 * @param level           the level after {@code [lint]} settings
 * @param facts           what the statement does to the database ({@link StatementFacts#describe()}), or null
 * @param stepIndex       0-based index of the step in the plan
 * @param step            the step as Alembic describes it ({@code upgrade a -> b})
 * @param revision        the revision whose script it is
 * @param section         {@code upgrade}, {@code downgrade postgresql}, ...
 * @param statementIndex  0-based statement index in the section, or -1 for the section as a whole
 * @param line            1-based line in the script, or 0 when unknown
 * @param script          the script file, or null
 * @param excused         the reason from {@code -- retort:lint-ignore rule: reason}, or null
 */
public record Finding(Rule rule, Level level, String facts, int stepIndex, String step, String revision,
        String section, int statementIndex, int line, Path script, String excused) {

    /** The rule's message, with the facts when known. */
    public String message() {
        return facts == null ? rule.message() : rule.message() + ": " + facts;
    }

    public boolean isExcused() {
        return excused != null;
    }

    /** {@code warning[require-concurrent-index]}. */
    public String tag() {
        return level.label() + "[" + rule.id() + "]";
    }

    /** {@code lint warning[require-concurrent-index]: <message>}, plus the excuse when excused: the one text form. */
    public String oneLine() {
        return "lint " + tag() + ": " + message() + (excused == null ? "" : " (excused: " + excused + ")");
    }
}
