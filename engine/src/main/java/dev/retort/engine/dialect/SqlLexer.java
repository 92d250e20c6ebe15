package dev.retort.engine.dialect;

import dev.retort.engine.RetortException;

/**
 * Cuts SQL text into tokens, just finely enough to find statement boundaries: quoted strings
 * and identifiers, comments, words, semicolons and other characters. Whitespace is skipped.
 * Which quoting forms exist is the {@link Syntax}'s business, so that each dialect gets a
 * real lexer for its own rules rather than a regular expression that mostly works.
 *
 * <p>Not thread-safe: one instance per text.
 */
final class SqlLexer {

    /**
     * The lexical rules of one database family.
     *
     * @param nestedBlockComments  block comments nest (PostgreSQL) or end at the first close (SQLite)
     * @param escapeStrings        {@code E'...'} strings with backslash escapes (PostgreSQL)
     * @param dollarQuotes         {@code $$...$$} and {@code $tag$...$tag$} (PostgreSQL)
     * @param bracketIdentifiers   {@code [name]} quoted identifiers (SQLite)
     * @param backtickIdentifiers  {@code `name`} quoted identifiers (SQLite, MySQL)
     */
    record Syntax(
            boolean nestedBlockComments,
            boolean escapeStrings,
            boolean dollarQuotes,
            boolean bracketIdentifiers,
            boolean backtickIdentifiers) {

        static final Syntax SQLITE = new Syntax(false, false, false, true, true);
        static final Syntax POSTGRESQL = new Syntax(true, true, true, false, false);
    }

    enum Kind { WORD, STRING, IDENTIFIER, COMMENT, SEMICOLON, SYMBOL }

    /** A token: {@code [start, end)} in the text; {@code line} is 0-based from the text's start. */
    record Token(Kind kind, int start, int end, int line) {}

    private final String s;
    private final Syntax syntax;
    private final int firstLine;
    private int pos;
    private int line;

    /** @param firstLine the file line of the text's first line, for error messages */
    SqlLexer(String text, Syntax syntax, int firstLine) {
        this.s = text;
        this.syntax = syntax;
        this.firstLine = firstLine;
    }

    /** The next token, or null at the end of the text. */
    Token next() {
        skipWhitespace();
        if (pos >= s.length()) {
            return null;
        }
        int start = pos;
        int startLine = line;
        char c = s.charAt(pos);
        char n = pos + 1 < s.length() ? s.charAt(pos + 1) : '\0';
        Kind kind;
        if (c == '-' && n == '-') {
            int eol = s.indexOf('\n', pos);
            moveTo(eol < 0 ? s.length() : eol);
            kind = Kind.COMMENT;
        } else if (c == '/' && n == '*') {
            blockComment(startLine);
            kind = Kind.COMMENT;
        } else if (c == '\'') {
            quoted('\'', false, "string", startLine);
            kind = Kind.STRING;
        } else if (c == '"') {
            quoted('"', false, "quoted identifier", startLine);
            kind = Kind.IDENTIFIER;
        } else if (c == '[' && syntax.bracketIdentifiers()) {
            int close = s.indexOf(']', pos + 1);
            if (close < 0) {
                throw unterminated("quoted identifier", startLine);
            }
            moveTo(close + 1);
            kind = Kind.IDENTIFIER;
        } else if (c == '`' && syntax.backtickIdentifiers()) {
            quoted('`', false, "quoted identifier", startLine);
            kind = Kind.IDENTIFIER;
        } else if (c == '$' && syntax.dollarQuotes() && dollarQuote(startLine)) {
            kind = Kind.STRING;
        } else if (isWordStart(c)) {
            pos++;
            while (pos < s.length() && isWordPart(s.charAt(pos))) {
                pos++;
            }
            if (syntax.escapeStrings() && pos - start == 1 && (c == 'E' || c == 'e')
                    && pos < s.length() && s.charAt(pos) == '\'') {
                quoted('\'', true, "string", startLine);
                kind = Kind.STRING;
            } else {
                kind = Kind.WORD;
            }
        } else if (c == ';') {
            pos++;
            kind = Kind.SEMICOLON;
        } else {
            pos++;
            kind = Kind.SYMBOL;
        }
        return new Token(kind, start, pos, startLine);
    }

    /** Where the next token starts (after a failed {@link #next()}: where the unterminated one opened). */
    int position() {
        return pos;
    }

    String text(Token t) {
        return s.substring(t.start(), t.end());
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\ufeff') {
                return;
            }
            pos++;
        }
    }

    /** Consumes a quoted run starting at {@code pos}; a doubled quote is an escaped quote. */
    private void quoted(char quote, boolean backslashEscapes, String what, int startLine) {
        int i = pos + 1;
        while (true) {
            if (i >= s.length()) {
                throw unterminated(what, startLine);
            }
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    moveTo(i + 1);
                    return;
                }
            } else {
                i++;
            }
        }
    }

    private void blockComment(int startLine) {
        int depth = 0;
        int i = pos;
        while (i < s.length()) {
            if (s.startsWith("/*", i) && (depth == 0 || syntax.nestedBlockComments())) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    moveTo(i);
                    return;
                }
            } else {
                i++;
            }
        }
        throw unterminated("block comment", startLine);
    }

    /**
     * At a {@code $}: consumes a dollar-quoted string and returns true, or returns false when
     * the {@code $} does not open one ({@code $1} parameters, a lone {@code $}).
     */
    private boolean dollarQuote(int startLine) {
        int i = pos + 1;
        if (i < s.length() && isTagStart(s.charAt(i))) {
            i++;
            while (i < s.length() && isTagPart(s.charAt(i))) {
                i++;
            }
        }
        if (i >= s.length() || s.charAt(i) != '$') {
            return false;
        }
        String delimiter = s.substring(pos, i + 1);
        int close = s.indexOf(delimiter, i + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string", startLine);
        }
        moveTo(close + delimiter.length());
        return true;
    }

    /** Advances to {@code target}, counting the newlines passed. */
    private void moveTo(int target) {
        for (int i = pos; i < target; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        pos = target;
    }

    private RetortException unterminated(String what, int startLine) {
        return new RetortException("unterminated " + what + " starting at line " + (firstLine + startLine));
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c == '$';
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isTagPart(char c) {
        return isTagStart(c) || Character.isDigit(c);
    }
}
