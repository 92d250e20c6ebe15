package dev.retort.engine.lint;

import dev.retort.engine.dialect.SqlTokens;
import dev.retort.engine.dialect.SqlTokens.Kind;
import dev.retort.engine.dialect.SqlTokens.Token;
import dev.retort.engine.dialect.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement is, read from the engine lexer's tokens (never from the raw text): its
 * kind, the table it works on, and the parts the rules look at. Unknown statements are
 * {@link Kind#OTHER}; no rule fires on what it cannot read.
 *
 * @param kind          the statement kind
 * @param schema        the table's schema when qualified, else null
 * @param table         the table as the database folds it, or null; for {@code DROP INDEX}, the
 *                      table of {@code ON table} (MySQL), or as {@link Linter} finds it from the
 *                      section or the catalog, else null
 * @param index         for {@code CREATE INDEX} and {@code DROP INDEX}, the index name, else null
 * @param concurrently  {@code CONCURRENTLY} appears where PostgreSQL allows it
 * @param where         a top-level {@code WHERE} (for {@code UPDATE}/{@code DELETE})
 * @param actions       for {@code ALTER TABLE}: each comma-separated action's tokens; for
 *                      {@code SET}/{@code PRAGMA}: one action holding the name and value
 * @param words         every significant token (comments dropped)
 */
record Shape(StatementKind kind, String schema, String table, String index, boolean concurrently, boolean where,
        List<List<Token>> actions, List<Token> words) {

    enum StatementKind {
        CREATE_TABLE, CREATE_INDEX, DROP_INDEX, DROP_TABLE, ALTER_TABLE, RENAME_TABLE, TRUNCATE, DELETE, UPDATE,
        INSERT, VACUUM, CLUSTER, OPTIMIZE, SET, PRAGMA, OTHER
    }

    static Shape of(String dialect, Statement statement) {
        List<Token> w = new ArrayList<>();
        for (Token t : SqlTokens.of(dialect, statement.sql(), statement.line())) {
            if (t.kind() != Kind.COMMENT) {
                w.add(t);
            }
        }
        return new Reader(w).read();
    }

    boolean isAlter() {
        return kind == StatementKind.ALTER_TABLE;
    }

    /** Whether the statement works on a table (for {@code DROP INDEX}: its index's table, known or not). */
    boolean locksATable() {
        return table != null || kind == StatementKind.DROP_INDEX && index != null;
    }

    /** This {@code DROP INDEX} with its index's table found. */
    Shape onTable(String tableSchema, String tableName) {
        return new Shape(kind, tableSchema, tableName, index, concurrently, where, actions, words);
    }

    /** True when an action starts with these words ({@code "ALTER", "COLUMN"}), or contains them in a row anywhere when {@code anywhere}. */
    static boolean has(List<Token> action, boolean anywhere, String... seq) {
        for (int i = 0; i + seq.length <= action.size(); i++) {
            boolean ok = true;
            for (int k = 0; k < seq.length && ok; k++) {
                ok = action.get(i + k).is(seq[k]);
            }
            if (ok) {
                return true;
            }
            if (!anywhere) {
                return false;
            }
        }
        return false;
    }

    /** Index of the first token equal to the word at paren depth 0, or -1. */
    static int topLevel(List<Token> tokens, String word) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads tokens left to right. */
    private static final class Reader {
        private final List<Token> w;
        private int i;
        private String schema;
        private String table;

        Reader(List<Token> w) {
            this.w = w;
        }

        Shape read() {
            if (w.isEmpty()) {
                return shape(StatementKind.OTHER);
            }
            if (eat("CREATE")) {
                eatAny("OR");
                eatAny("REPLACE");
                eatAny("UNIQUE");
                eatAny("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL");
                if (eat("INDEX")) {
                    boolean conc = eat("CONCURRENTLY");
                    ifNotExists();
                    String index = null;
                    if (!at("ON")) {
                        index = name();
                    }
                    if (eat("ON")) {
                        eatAny("ONLY");
                        qualified();
                    }
                    return new Shape(StatementKind.CREATE_INDEX, schema, table, index, conc, false, List.of(), w);
                }
                if (eat("TABLE")) {
                    ifNotExists();
                    qualified();
                    return shape(StatementKind.CREATE_TABLE);
                }
                return shape(StatementKind.OTHER);
            }
            if (eat("DROP")) {
                if (eat("INDEX")) {
                    boolean conc = eat("CONCURRENTLY");
                    ifExists();
                    qualified();
                    String index = table;
                    table = null;
                    if (eat("ON")) {
                        schema = null;
                        qualified();
                    }
                    return new Shape(StatementKind.DROP_INDEX, schema, table, index, conc, false, List.of(), w);
                }
                if (eat("TABLE")) {
                    ifExists();
                    qualified();
                    return shape(StatementKind.DROP_TABLE);
                }
                return shape(StatementKind.OTHER);
            }
            if (eat("ALTER")) {
                eatAny("ONLINE", "IGNORE");
                if (!eat("TABLE")) {
                    return shape(StatementKind.OTHER);
                }
                ifExists();
                eatAny("ONLY");
                qualified();
                eatSymbol('*');
                List<List<Token>> actions = new ArrayList<>();
                List<Token> current = new ArrayList<>();
                int depth = 0;
                for (; i < w.size(); i++) {
                    Token t = w.get(i);
                    if (t.isSymbol('(')) {
                        depth++;
                    } else if (t.isSymbol(')')) {
                        depth--;
                    }
                    if (depth == 0 && t.isSymbol(',')) {
                        actions.add(List.copyOf(current));
                        current.clear();
                    } else {
                        current.add(t);
                    }
                }
                if (!current.isEmpty()) {
                    actions.add(List.copyOf(current));
                }
                return new Shape(StatementKind.ALTER_TABLE, schema, table, null, false, false, actions, w);
            }
            if (eat("RENAME")) {
                if (eat("TABLE")) {
                    qualified();
                    return shape(StatementKind.RENAME_TABLE);
                }
                return shape(StatementKind.OTHER);
            }
            if (eat("TRUNCATE")) {
                eatAny("TABLE");
                eatAny("ONLY");
                qualified();
                return shape(StatementKind.TRUNCATE);
            }
            if (eat("DELETE")) {
                eat("FROM");
                eatAny("ONLY");
                qualified();
                return withWhere(StatementKind.DELETE);
            }
            if (eat("UPDATE")) {
                eatAny("ONLY");
                eatAny("OR");
                eatAny("ROLLBACK", "ABORT", "REPLACE", "FAIL", "IGNORE");
                qualified();
                return withWhere(StatementKind.UPDATE);
            }
            if (eat("INSERT") || eat("REPLACE")) {
                eatAny("OR");
                eatAny("ROLLBACK", "ABORT", "REPLACE", "FAIL", "IGNORE");
                eat("INTO");
                qualified();
                return shape(StatementKind.INSERT);
            }
            if (eat("VACUUM")) {
                return new Shape(StatementKind.VACUUM, null, tableAfterOptions(), null, false, false, List.of(), w);
            }
            if (eat("CLUSTER")) {
                eatAny("VERBOSE");
                return new Shape(StatementKind.CLUSTER, null, tableAfterOptions(), null, false, false, List.of(), w);
            }
            if (eat("OPTIMIZE")) {
                eatAny("NO_WRITE_TO_BINLOG", "LOCAL");
                eat("TABLE");
                qualified();
                return shape(StatementKind.OPTIMIZE);
            }
            if (eat("SET") || eat("PRAGMA")) {
                boolean pragma = w.get(0).is("PRAGMA");
                eatAny("LOCAL", "SESSION");
                return new Shape(pragma ? StatementKind.PRAGMA : StatementKind.SET, null, null, null, false, false,
                        List.of(w.subList(i, w.size())), w);
            }
            return shape(StatementKind.OTHER);
        }

        private Shape shape(StatementKind kind) {
            return new Shape(kind, schema, table, null, false, false, List.of(), w);
        }

        private Shape withWhere(StatementKind kind) {
            boolean where = topLevel(w, "WHERE") >= 0;
            return new Shape(kind, schema, table, null, false, where, List.of(), w);
        }

        private String tableAfterOptions() {
            if (i < w.size() && w.get(i).isSymbol('(')) {
                while (i < w.size() && !w.get(i).isSymbol(')')) {
                    i++;
                }
                i++;
            }
            while (eatAny("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE")) {
                // options before the table
            }
            if (i < w.size() && isName(w.get(i))) {
                qualified();
            }
            return table;
        }

        private void qualified() {
            String first = name();
            if (i < w.size() && w.get(i).isSymbol('.')) {
                i++;
                schema = first;
                table = name();
            } else {
                table = first;
            }
        }

        private String name() {
            if (i < w.size() && isName(w.get(i))) {
                return w.get(i++).name();
            }
            return null;
        }

        private static boolean isName(Token t) {
            return t.kind() == Kind.WORD || t.kind() == Kind.IDENTIFIER;
        }

        private void ifNotExists() {
            if (at("IF")) {
                i += 3;
            }
        }

        private void ifExists() {
            if (at("IF")) {
                i += 2;
            }
        }

        private boolean at(String word) {
            return i < w.size() && w.get(i).is(word);
        }

        private boolean eat(String word) {
            if (at(word)) {
                i++;
                return true;
            }
            return false;
        }

        private boolean eatAny(String... words) {
            for (String word : words) {
                if (eat(word)) {
                    return true;
                }
            }
            return false;
        }

        private void eatSymbol(char c) {
            if (i < w.size() && w.get(i).isSymbol(c)) {
                i++;
            }
        }
    }
}
