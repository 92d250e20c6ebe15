package dev.retort.engine.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQLite: DDL treated as non-transactional, as Alembic does (so offline SQL has no
 * {@code BEGIN;}/{@code COMMIT;}); {@code "ident"}, {@code [ident]} and {@code `ident`}
 * quoting; block comments that do not nest; {@code CREATE TRIGGER ... BEGIN ... END} bodies
 * kept whole. Stateless and thread-safe.
 */
public final class SqliteDialect extends SqlAlchemyDialect {

    /** SQLAlchemy's SQLite reserved words: names that must be quoted. */
    private static final Set<String> RESERVED = Set.of(
            "abort", "action", "add", "after", "all", "alter", "analyze", "and", "as", "asc",
            "attach", "autoincrement", "before", "begin", "between", "by", "cascade", "case",
            "cast", "check", "collate", "column", "commit", "conflict", "constraint", "create",
            "cross", "current_date", "current_time", "current_timestamp", "database", "default",
            "deferrable", "deferred", "delete", "desc", "detach", "distinct", "drop", "each",
            "else", "end", "escape", "except", "exclusive", "exists", "explain", "false", "fail",
            "for", "foreign", "from", "full", "glob", "group", "having", "if", "ignore",
            "immediate", "in", "index", "indexed", "initially", "inner", "insert", "instead",
            "intersect", "into", "is", "isnull", "join", "key", "left", "like", "limit", "match",
            "natural", "not", "notnull", "null", "of", "offset", "on", "or", "order", "outer",
            "plan", "pragma", "primary", "query", "raise", "references", "reindex", "rename",
            "replace", "restrict", "right", "rollback", "row", "select", "set", "table", "temp",
            "temporary", "then", "to", "transaction", "trigger", "true", "union", "unique",
            "update", "using", "vacuum", "values", "view", "virtual", "when", "where");

    public SqliteDialect() {
        super(RESERVED, false);
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public List<Statement> split(String sql, int firstLine) {
        return StatementSplitter.split(sql, firstLine, SqlLexer.Syntax.SQLITE, StatementSplitter.SqliteTrigger::new);
    }

    private static final Pattern FOREIGN_KEY_CHECK = Pattern.compile("(?is)\\s*PRAGMA\\s+(\\w+\\.)?foreign_key_check\\b.*");

    /**
     * {@code PRAGMA foreign_key_check} answers with one row per violation (table, rowid,
     * referenced table): any row fails the statement, as step 10 of SQLite's table-rebuild
     * procedure means it to, naming the first few.
     */
    @Override
    public String failureIn(Statement statement, ResultSet rows) throws SQLException {
        if (!FOREIGN_KEY_CHECK.matcher(statement.sql()).matches()) {
            return null;
        }
        List<String> found = new ArrayList<>();
        int n = 0;
        while (rows.next()) {
            if (n++ < 3) {
                found.add(rows.getString(1) + " row " + rows.getString(2) + " -> " + rows.getString(3));
            }
        }
        if (n == 0) {
            return null;
        }
        return "PRAGMA foreign_key_check found " + n + " foreign key violation" + (n == 1 ? "" : "s") + " ("
                + String.join(", ", found) + (n > 3 ? ", ..." : "") + ")";
    }

    @Override
    public List<SqlToken> tokens(String sql) {
        return SqlTokens.spans(sql, SqlLexer.Syntax.SQLITE);
    }
}
