package dev.retort.engine.dialect;

import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The engine lexer's tokens, for readers outside the splitter (lint, checksums): the same
 * lexer that splits statements, so that what lint classifies and what the checksum covers is
 * exactly what the database receives. Comments are tokens too; whitespace is not. The same
 * lexer's tokens for colouring, with their offsets, are {@link Dialect#tokens} ({@link #spans}).
 */
public final class SqlTokens {

    public enum Kind { WORD, STRING, IDENTIFIER, COMMENT, SEMICOLON, SYMBOL }

    /**
     * One token.
     *
     * @param text the token's text as written (quotes included)
     * @param line 1-based file line where the token starts
     */
    public record Token(Kind kind, String text, int line) {

        /** A word upper-cased; other tokens as written. */
        public String upper() {
            return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : text;
        }

        /** True for the word {@code w} (case-insensitive). */
        public boolean is(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        /** True for the symbol {@code c}. */
        public boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        /** An identifier's name: a word lower-cased (unquoted names fold), a quoted one unquoted. */
        public String name() {
            if (kind == Kind.IDENTIFIER && text.length() >= 2) {
                String inner = text.substring(1, text.length() - 1);
                char q = text.charAt(0);
                return q == '[' ? inner : inner.replace(String.valueOf(q) + q, String.valueOf(q));
            }
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private SqlTokens() {}

    /**
     * Tokens of {@code sql} under {@code dialect}'s lexical rules ({@code sqlite},
     * {@code postgresql}, {@code mysql}/{@code mariadb} under the server's default
     * {@code sql_mode}; other names get SQLite's rules, the plainest).
     *
     * @param firstLine the file line of the text's first line
     * @throws dev.retort.engine.RetortException for unterminated strings and comments
     */
    public static List<Token> of(String dialect, String sql, int firstLine) {
        SqlLexer.Syntax syntax = switch (dialect == null ? "" : Dialects.canonicalName(dialect)) {
            case "postgresql" -> SqlLexer.Syntax.POSTGRESQL;
            case MySqlDialect.NAME -> SqlLexer.Syntax.mysql(false, false);
            default -> SqlLexer.Syntax.SQLITE;
        };
        SqlLexer lexer = new SqlLexer(sql, syntax, firstLine);
        List<Token> out = new ArrayList<>();
        for (SqlLexer.Token t = lexer.next(); t != null; t = lexer.next()) {
            out.add(new Token(Kind.valueOf(t.kind().name()), lexer.text(t), firstLine + t.line()));
        }
        return out;
    }

    /**
     * Words coloured as keywords: SQL's reserved words plus the common type names and DDL words
     * that migrations are made of. One list for every dialect: which words are reserved differs
     * between databases, but a reader expects {@code CREATE} and {@code INTEGER} coloured in all.
     */
    static final Set<String> KEYWORDS = Set.of(
            "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "ANY", "AS", "ASC", "AUTOINCREMENT",
            "BEFORE", "BEGIN", "BETWEEN", "BIGINT", "BIGSERIAL", "BLOB", "BOOLEAN", "BY", "CASCADE", "CASE", "CAST",
            "CHAR", "CHECK", "COLLATE", "COLUMN", "COMMENT", "COMMIT", "CONCURRENTLY", "CONFLICT", "CONSTRAINT",
            "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIMESTAMP", "DATABASE", "DATE", "DECIMAL", "DECLARE",
            "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DISTINCT", "DO", "DOUBLE", "DROP", "EACH",
            "ELSE", "END", "ENUM", "EXCEPT", "EXECUTE", "EXISTS", "EXTENSION", "FALSE", "FETCH", "FLOAT", "FOR",
            "FOREIGN", "FROM", "FULL", "FUNCTION", "GENERATED", "GRANT", "GROUP", "HAVING", "IF", "IMMEDIATE",
            "IN", "INDEX", "INNER", "INSERT", "INSTEAD", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS",
            "JOIN", "JSON", "JSONB", "KEY", "LANGUAGE", "LEFT", "LIKE", "LIMIT", "NATURAL", "NEW", "NO", "NOT",
            "NOTHING", "NULL", "NUMERIC", "OF", "OFFSET", "OLD", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
            "PLPGSQL", "PRAGMA", "PRIMARY", "PROCEDURE", "REAL", "RECURSIVE", "REFERENCES", "REINDEX", "RENAME",
            "REPLACE", "RESTRICT", "RETURN", "RETURNING", "RETURNS", "REVOKE", "RIGHT", "ROLLBACK", "ROW", "ROWS",
            "SCHEMA", "SELECT", "SEQUENCE", "SERIAL", "SET", "SMALLINT", "TABLE", "TEMP", "TEMPORARY", "TEXT",
            "THEN", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TO", "TRANSACTION", "TRIGGER", "TRUE", "TRUNCATE", "TYPE",
            "UNION", "UNIQUE", "UPDATE", "USING", "UUID", "VACUUM", "VALUES", "VARCHAR", "VIEW", "VIRTUAL", "WHEN",
            "WHERE", "WINDOW", "WITH", "WITHOUT");

    /**
     * {@link Dialect#tokens}: tokens with their place in the text, words told into keywords,
     * names and numbers, for colouring. Unlike {@link #of} it never fails: an unterminated
     * string, identifier or comment (a script being written, a cut preview) becomes one token
     * to the end of the text.
     */
    static List<SqlToken> spans(String text, SqlLexer.Syntax syntax) {
        List<SqlToken> out = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(text, syntax, 1);
        while (true) {
            SqlLexer.Token t;
            try {
                t = lexer.next();
            } catch (RetortException unterminated) {
                int start = lexer.position();
                if (start > 0 && text.charAt(start) == '\'' && (text.charAt(start - 1) == 'E' || text.charAt(start - 1) == 'e')
                        && (start == 1 || !Character.isLetterOrDigit(text.charAt(start - 2)) && text.charAt(start - 2) != '_')) {
                    start--; // an E'...' string: the lexer had read the E as a word
                }
                if (start < text.length()) {
                    out.add(new SqlToken(unterminatedKind(text, start), start, text.length()));
                }
                return out;
            }
            if (t == null) {
                return out;
            }
            SqlToken token = new SqlToken(kind(text, t), t.start(), t.end());
            int n = out.size();
            if (token.kind() == SqlToken.Kind.NUMBER && n >= 2 && out.get(n - 1).kind() == SqlToken.Kind.SYMBOL
                    && text.charAt(out.get(n - 1).start()) == '.' && out.get(n - 1).start() == out.get(n - 2).end()
                    && out.get(n - 1).end() == token.start() && out.get(n - 2).kind() == SqlToken.Kind.NUMBER) {
                // 3.14: the lexer reads a word, a dot and a word
                SqlToken whole = new SqlToken(SqlToken.Kind.NUMBER, out.get(n - 2).start(), token.end());
                out.remove(n - 1);
                out.set(n - 2, whole);
            } else {
                out.add(token);
            }
        }
    }

    private static SqlToken.Kind kind(String text, SqlLexer.Token t) {
        return switch (t.kind()) {
            case WORD -> {
                String word = text.substring(t.start(), t.end());
                if (Character.isDigit(word.charAt(0))) {
                    yield SqlToken.Kind.NUMBER;
                }
                yield KEYWORDS.contains(word.toUpperCase(Locale.ROOT)) ? SqlToken.Kind.KEYWORD : SqlToken.Kind.WORD;
            }
            case STRING -> SqlToken.Kind.STRING;
            case IDENTIFIER -> SqlToken.Kind.QUOTED_IDENTIFIER;
            case COMMENT -> SqlToken.Kind.COMMENT;
            case SEMICOLON -> SqlToken.Kind.DELIMITER;
            case SYMBOL -> SqlToken.Kind.SYMBOL;
        };
    }

    /** What an unterminated token at {@code start} is, from how it opens (the lexer threw on it). */
    private static SqlToken.Kind unterminatedKind(String text, int start) {
        char c = text.charAt(start);
        return switch (c) {
            case '-', '/', '#' -> SqlToken.Kind.COMMENT;
            case '"', '`', '[' -> SqlToken.Kind.QUOTED_IDENTIFIER;
            default -> SqlToken.Kind.STRING;
        };
    }
}
