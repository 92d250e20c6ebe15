package dev.retort.engine.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine lexer's tokens, for readers outside the splitter (lint, checksums): the same
 * lexer that splits statements, so that what lint classifies and what the checksum covers is
 * exactly what the database receives. Comments are tokens too; whitespace is not.
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
}
