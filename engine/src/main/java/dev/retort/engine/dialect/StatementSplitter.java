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
 * PostgreSQL's {@code BEGIN ATOMIC ... END}, MySQL's stored programs) do not split: a
 * {@link BlockTracker} per dialect says when the splitter is inside one. MySQL scripts may
 * instead change the delimiter with the {@code DELIMITER} client command, as for the
 * {@code mysql} client; the lexer turns the delimiter into a semicolon token.
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
            // a delimiter other than ';' (MySQL's DELIMITER command) ends a statement even in a body
            if (t.kind() == Kind.SEMICOLON && (!tracker.inBlock() || t.end() - t.start() != 1
                    || sql.charAt(t.start()) != ';')) {
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

    /**
     * MySQL/MariaDB: a stored program ({@code CREATE [DEFINER=...] PROCEDURE|FUNCTION|TRIGGER|EVENT})
     * or MariaDB's anonymous {@code BEGIN NOT ATOMIC} block. Inside it {@code BEGIN} and
     * {@code CASE} open, {@code END} closes, except {@code END IF}, {@code END LOOP},
     * {@code END WHILE}, {@code END REPEAT} and {@code END FOR}, which close statements that
     * never opened a level ({@code IF} is also a function, so it is not counted); in
     * {@code END CASE} the {@code CASE} closes, it does not open. Whether an {@code END}
     * closes is known at the next token, so {@link #inBlock()} counts a pending {@code END}
     * as closed: {@code END;} ends the body.
     */
    static final class MysqlProgram implements BlockTracker {
        private static final java.util.Set<String> PROGRAMS = java.util.Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
        private static final java.util.Set<String> OTHER_OBJECTS = java.util.Set.of("TABLE", "VIEW", "INDEX",
                "DATABASE", "SCHEMA", "USER", "ROLE", "SEQUENCE", "SERVER", "TABLESPACE", "UNIQUE", "FULLTEXT",
                "SPATIAL", "TEMPORARY", "LOGFILE", "RESOURCE", "SPATIAL_REFERENCE_SYSTEM");
        private static final java.util.Set<String> END_OF_STATEMENT = java.util.Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");
        private int index;
        private boolean create;
        private boolean program;
        private boolean anonymousBlock;
        private int depth;
        private boolean pendingEnd;
        private String previous;

        @Override
        public void token(String word) {
            int i = index++;
            boolean qualified = ".".equals(previous); // t.end is a column, not a keyword
            String before = previous;
            previous = word;
            if (i == 0) {
                create = "CREATE".equals(word);
                anonymousBlock = "BEGIN".equals(word);
                return;
            }
            if (i == 1 && anonymousBlock && !"NOT".equals(word)) {
                anonymousBlock = false; // BEGIN; BEGIN WORK: a transaction, not a block
            }
            if (i == 2 && anonymousBlock && "ATOMIC".equals(word) && "NOT".equals(before)) {
                depth = 1;
                return;
            }
            if (create && !program && word != null && PROGRAMS.contains(word)) {
                program = true;
                return;
            }
            if (create && !program && word != null && OTHER_OBJECTS.contains(word)) {
                create = false; // CREATE TABLE t (function INT): not a program
            }
            if (!program && depth == 0) {
                return;
            }
            if (pendingEnd) {
                pendingEnd = false;
                if (word != null && END_OF_STATEMENT.contains(word)) {
                    depth++; // END IF and the like: the END closed nothing after all
                    return;
                }
                if ("CASE".equals(word)) {
                    return; // END CASE: closed by the END
                }
            }
            if (word == null || qualified) {
                return;
            }
            if (word.equals("BEGIN") || word.equals("CASE")) {
                depth++;
            } else if (word.equals("END") && depth > 0) {
                depth--;
                pendingEnd = true;
            }
        }

        @Override
        public boolean inBlock() {
            return depth > 0;
        }

        @Override
        public String blockName() {
            return "BEGIN ... END body (BEGIN without END)";
        }
    }
}
