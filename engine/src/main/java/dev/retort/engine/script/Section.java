package dev.retort.engine.script;

/**
 * One {@code -- retort:upgrade} or {@code -- retort:downgrade} section of a script.
 *
 * @param upgrade        true for an upgrade section
 * @param dialect        the dialect it is limited to ({@code postgresql}, {@code sqlite}), or null
 * @param sql            the section's text, without its marker line
 * @param firstLine      1-based line number in the file of the first line of {@code sql}
 * @param noTransaction  true when the section holds {@code -- retort:no-transaction}
 */
public record Section(boolean upgrade, String dialect, String sql, int firstLine, boolean noTransaction) {}
