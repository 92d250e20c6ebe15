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
     * @param mysql                MySQL's own rules: {@code #} comments, {@code --} a comment
     *                             only before whitespace, {@code /*! ... *}{@code /} executable
     *                             comments whose content is SQL, the {@code DELIMITER} client
     *                             command, {@code "..."} a string unless {@link #ansiQuotes}
     * @param backslashEscapes     backslash escapes in every {@code '...'} (and MySQL
     *                             {@code "..."}) string: MySQL without {@code NO_BACKSLASH_ESCAPES}
     * @param ansiQuotes           MySQL's {@code ANSI_QUOTES}: {@code "..."} quotes an identifier
     */
    record Syntax(
            boolean nestedBlockComments,
            boolean escapeStrings,
            boolean dollarQuotes,
            boolean bracketIdentifiers,
            boolean backtickIdentifiers,
            boolean mysql,
            boolean backslashEscapes,
            boolean ansiQuotes) {

        static final Syntax SQLITE = new Syntax(false, false, false, true, true, false, false, false);
        static final Syntax POSTGRESQL = new Syntax(true, true, true, false, false, false, false, false);

        /** MySQL/MariaDB under the given {@code sql_mode} flags (the server default: both false). */
        static Syntax mysql(boolean noBackslashEscapes, boolean ansiQuotes) {
            return new Syntax(false, false, false, false, true, true, !noBackslashEscapes, ansiQuotes);
        }
    }

    enum Kind { WORD, STRING, IDENTIFIER, COMMENT, SEMICOLON, SYMBOL }

    /** A token: {@code [start, end)} in the text; {@code line} is 0-based from the text's start. */
    record Token(Kind kind, int start, int end, int line) {}

    private final String s;
    private final Syntax syntax;
    private final int firstLine;
    private int pos;
    private int line;
    /** MySQL: the statement delimiter set by the {@code DELIMITER} client command. */
    private String delimiter = ";";
    /** MySQL: inside {@code /*! ... *}{@code /}, whose close is a symbol, not the end of a comment. */
    private boolean inExecutableComment;
    /** MySQL: no significant token since the last delimiter, so a {@code DELIMITER} line may come. */
    private boolean atStatementStart = true;
    private int executableCommentLine;

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
            if (inExecutableComment) {
                inExecutableComment = false;
                throw unterminated("executable comment", executableCommentLine);
            }
            return null;
        }
        int start = pos;
        int startLine = line;
        Kind kind = syntax.mysql() ? mysqlToken() : null;
        if (kind == null) {
            kind = commonToken(start, startLine);
        }
        if (syntax.mysql() && kind != Kind.COMMENT) {
            atStatementStart = kind == Kind.SEMICOLON;
        }
        return new Token(kind, start, pos, startLine);
    }

    /**
     * MySQL's own tokens at {@code pos}, or null when the common rules apply: the
     * {@code DELIMITER} command (a comment to the splitter: it never reaches the server), the
     * current delimiter, {@code #} comments, executable comments' open and close, and
     * {@code --} not followed by whitespace (two minus signs).
     */
    private Kind mysqlToken() {
        int start = pos;
        char c = s.charAt(pos);
        char n = pos + 1 < s.length() ? s.charAt(pos + 1) : '\0';
        if (atStatementStart && !inExecutableComment && isDelimiterCommand()) {
            int eol = s.indexOf('\n', pos);
            int end = eol < 0 ? s.length() : eol;
            String argument = s.substring(pos + "DELIMITER".length(), end).strip();
            int space = indexOfWhitespace(argument);
            String d = space < 0 ? argument : argument.substring(0, space);
            if (d.isEmpty() || d.contains("\\")) {
                throw new RetortException("DELIMITER needs a delimiter without backslashes at line "
                        + (firstLine + line));
            }
            delimiter = d;
            moveTo(end);
            return Kind.COMMENT;
        }
        if (!inExecutableComment && s.startsWith(delimiter, pos)) {
            moveTo(pos + delimiter.length());
            return Kind.SEMICOLON;
        }
        if (c == ';' && (inExecutableComment || !";".equals(delimiter))) {
            pos++;
            return Kind.SYMBOL; // an ordinary character in a comment the server reads whole, or
                                // while another delimiter is in force
        }
        if (c == '#' || (c == '-' && n == '-' && !dashDashComment(pos + 2))) {
            if (c == '-') {
                pos++;
                return Kind.SYMBOL;
            }
            int eol = s.indexOf('\n', pos);
            moveTo(eol < 0 ? s.length() : eol);
            return Kind.COMMENT;
        }
        if (c == '/' && n == '*' && executableCommentAt(pos)) {
            if (inExecutableComment) {
                throw new RetortException("nested executable comment at line " + (firstLine + line));
            }
            pos += 3;
            if (pos < s.length() && s.charAt(pos - 1) == 'M') {
                pos++; // MariaDB's /*M!
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++; // the server version it needs
            }
            inExecutableComment = true;
            executableCommentLine = line;
            return Kind.SYMBOL;
        }
        if (c == '*' && n == '/' && inExecutableComment) {
            pos += 2;
            inExecutableComment = false;
            return Kind.SYMBOL;
        }
        if (c == '"' && !syntax.ansiQuotes()) {
            quoted('"', syntax.backslashEscapes(), "string", line);
            return Kind.STRING;
        }
        if (c == '\'') {
            quoted('\'', syntax.backslashEscapes(), "string", line);
            return Kind.STRING;
        }
        if (start != pos) {
            throw new IllegalStateException("lexer moved without a token");
        }
        return null;
    }

    /** {@code -- } starts a comment in MySQL only when whitespace, a control character or the end follows. */
    private boolean dashDashComment(int after) {
        return after >= s.length() || s.charAt(after) <= ' ';
    }

    /** {@code /*!}, {@code /*!50001} or MariaDB's {@code /*M!100100}. */
    private boolean executableCommentAt(int at) {
        return s.startsWith("/*!", at) || s.startsWith("/*M!", at);
    }

    /** {@code DELIMITER} (any case) as the first word of a line, followed by whitespace. */
    private boolean isDelimiterCommand() {
        int w = "DELIMITER".length();
        if (!s.regionMatches(true, pos, "DELIMITER", 0, w) || pos + w >= s.length()
                || !Character.isWhitespace(s.charAt(pos + w)) || s.charAt(pos + w) == '\n') {
            return false;
        }
        for (int i = pos - 1; i >= 0 && s.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfWhitespace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The rules every dialect shares, each quoting form where the syntax has it. */
    private Kind commonToken(int start, int startLine) {
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
        return kind;
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
