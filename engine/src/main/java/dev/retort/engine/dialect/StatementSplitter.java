package dev.retort.engine.dialect;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.SqlLexer.Kind;
import dev.retort.engine.dialect.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Groups a lexer's tokens into statements at top-level semicolons. A statement runs from its
 * first token that is not a comment to its last such token, so leading and trailing comments
 * never reach the database and a terminator appended to the text can never land inside a
 * trailing {@code --} comment. Comments inside a statement are kept. Statements holding only
 * comments are dropped.
 *
 * <p>Semicolons inside a compound body (SQLite's {@code CREATE TRIGGER ... BEGIN ... END},
 * PostgreSQL's {@code BEGIN ATOMIC ... END}) do not split: a {@link BlockTracker} per dialect
 * says when the splitter is inside one.
 */
final class StatementSplitter {

    /** Watches the words of one statement to tell whether a semicolon is inside a body. */
    interface BlockTracker {
        /**
         * Called for every significant token of the statement: a word upper-cased, a symbol
         * character as is ({@code "."}, {@code "("}), null for strings and quoted identifiers.
         */
        void token(String word);

        boolean inBlock();

        /** Names the body for the error when the text ends inside it. */
        String blockName();
    }

    private StatementSplitter() {}

    static List<Statement> split(String sql, int firstLine, SqlLexer.Syntax syntax, Supplier<BlockTracker> trackers) {
        SqlLexer lexer = new SqlLexer(sql, syntax, firstLine);
        List<Statement> out = new ArrayList<>();
        BlockTracker tracker = trackers.get();
        int start = -1;
        int startLine = 0;
        int end = -1;
        for (Token t = lexer.next(); t != null; t = lexer.next()) {
            if (t.kind() == Kind.COMMENT) {
                continue;
            }
            if (t.kind() == Kind.SEMICOLON && !tracker.inBlock()) {
                if (start >= 0) {
                    out.add(new Statement(sql.substring(start, end), firstLine + startLine));
                }
                start = -1;
                tracker = trackers.get();
                continue;
            }
            if (start < 0) {
                start = t.start();
                startLine = t.line();
            }
            end = t.end();
            tracker.token(t.kind() == Kind.WORD || t.kind() == Kind.SYMBOL || t.kind() == Kind.SEMICOLON
                    ? lexer.text(t).toUpperCase(Locale.ROOT)
                    : null);
        }
        if (start >= 0) {
            if (tracker.inBlock()) {
                throw new RetortException("unterminated " + tracker.blockName() + " starting at line "
                        + (firstLine + startLine));
            }
            out.add(new Statement(sql.substring(start, end), firstLine + startLine));
        }
        return out;
    }

    /**
     * SQLite: in {@code CREATE [TEMP|TEMPORARY] TRIGGER}, {@code BEGIN} and {@code CASE} open
     * and {@code END} closes, as in SQLite's own {@code sqlite3_complete()}.
     */
    static final class SqliteTrigger implements BlockTracker {
        private int index;
        private boolean trigger;
        private boolean create;
        private int depth;
        private boolean afterDot;

        @Override
        public void token(String word) {
            boolean qualified = afterDot; // new.end is a column, not a keyword
            afterDot = ".".equals(word);
            int i = index++;
            if (i == 0) {
                create = "CREATE".equals(word);
            } else if (i == 1 || i == 2) {
                if (create && "TRIGGER".equals(word)) {
                    trigger = true;
                } else if (i == 1 && !"TEMP".equals(word) && !"TEMPORARY".equals(word)) {
                    create = false;
                }
            }
            if (!trigger || word == null || qualified) {
                return;
            }
            if (word.equals("BEGIN") || word.equals("CASE")) {
                depth++;
            } else if (word.equals("END") && depth > 0) {
                depth--;
            }
        }

        @Override
        public boolean inBlock() {
            return depth > 0;
        }

        @Override
        public String blockName() {
            return "CREATE TRIGGER body (BEGIN without END)";
        }
    }

    /**
     * PostgreSQL: a {@code CREATE FUNCTION/PROCEDURE ... BEGIN ATOMIC ... END} body (SQL-standard
     * function bodies, PostgreSQL 14+), with {@code CASE ... END} nesting inside it. Dollar-quoted
     * bodies need nothing here: they are single string tokens.
     */
    static final class PostgresAtomic implements BlockTracker {
        private boolean first = true;
        private boolean create;
        private String previous;
        private int depth;

        @Override
        public void token(String word) {
            if (first) {
                create = "CREATE".equals(word);
                first = false;
            }
            if (create && word != null && !".".equals(previous)) {
                if (depth == 0 && word.equals("ATOMIC") && "BEGIN".equals(previous)) {
                    depth = 1;
                } else if (depth > 0 && word.equals("CASE")) {
                    depth++;
                } else if (depth > 0 && word.equals("END")) {
                    depth--;
                }
            }
            previous = word;
        }

        @Override
        public boolean inBlock() {
            return depth > 0;
        }

        @Override
        public String blockName() {
            return "BEGIN ATOMIC body (no END)";
        }
    }
}
