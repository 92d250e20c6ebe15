package dev.retort.shell.repl;

import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.Locale;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Colours SQL for plans and offline output: keywords, strings (quoted, {@code E''} and
 * dollar-quoted), numbers, line and block comments. A lexer, not a parser: it never fails,
 * whatever the text.
 */
public final class SqlHighlighter {

    private static final Set<String> KEYWORDS = Set.of(
            "ADD", "ALTER", "AND", "AS", "ASC", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CHECK", "COLUMN",
            "COMMIT", "CONCURRENTLY", "CONSTRAINT", "CREATE", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP",
            "EACH", "ELSE", "END", "EXECUTE", "EXISTS", "FOR", "FOREIGN", "FROM", "FUNCTION", "GROUP", "IF",
            "IN", "INDEX", "INSERT", "INTO", "IS", "JOIN", "KEY", "LANGUAGE", "LEFT", "LIKE", "NOT", "NULL",
            "OF", "ON", "OR", "ORDER", "PRIMARY", "REFERENCES", "RENAME", "RETURN", "RETURNS", "ROLLBACK",
            "ROW", "SELECT", "SET", "TABLE", "THEN", "TO", "TRIGGER", "UNIQUE", "UPDATE", "VALUES", "VIEW",
            "WHEN", "WHERE", "WITH", "BEFORE", "AFTER", "INTEGER", "VARCHAR", "TEXT", "NUMERIC", "TIMESTAMP",
            "BOOLEAN", "TRANSACTION", "USING", "LIMIT", "UNION", "ALL", "HAVING", "OUTER", "INNER");

    private final Styler styler;

    public SqlHighlighter(Styler styler) {
        this.styler = styler;
    }

    public AttributedString highlight(String sql) {
        AttributedStringBuilder sb = new AttributedStringBuilder(sql.length() + 64);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int j;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                j = sql.indexOf('\n', i);
                j = j < 0 ? n : j;
                styler.append(sb, sql.startsWith("FAILED", i + 3) ? Role.ERROR : Role.SQL_COMMENT, sql.substring(i, j));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                j = blockCommentEnd(sql, i);
                styler.append(sb, Role.SQL_COMMENT, sql.substring(i, j));
            } else if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !identChar(sql, i - 1)) {
                j = quotedEnd(sql, c == '\'' ? i : i + 1, c != '\'');
                styler.append(sb, Role.SQL_STRING, sql.substring(i, j));
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                j = close < 0 ? n : close + tag.length();
                styler.append(sb, Role.SQL_STRING, sql.substring(i, j));
            } else if (Character.isDigit(c) && !identChar(sql, i - 1)) {
                j = i;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                styler.append(sb, Role.SQL_NUMBER, sql.substring(i, j));
            } else if (Character.isLetter(c) || c == '_') {
                j = i;
                while (j < n && identChar(sql, j)) {
                    j++;
                }
                String word = sql.substring(i, j);
                if (KEYWORDS.contains(word.toUpperCase(Locale.ROOT))) {
                    styler.append(sb, Role.SQL_KEYWORD, word);
                } else {
                    sb.append(word);
                }
            } else {
                j = i + 1;
                sb.append(c);
            }
            i = j;
        }
        return sb.toAttributedString();
    }

    private static boolean identChar(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int blockCommentEnd(String s, int i) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int quotedEnd(String s, int open, boolean backslashEscapes) {
        int n = s.length();
        int i = open + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < n && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }
}
