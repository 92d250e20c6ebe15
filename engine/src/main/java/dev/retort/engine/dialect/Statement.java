package dev.retort.engine.dialect;

/**
 * One SQL statement of a script, as the splitter cut it.
 *
 * @param sql  the statement text, stripped, without its terminating {@code ;}
 * @param line 1-based line in the script file where the statement starts
 */
public record Statement(String sql, int line) {}
