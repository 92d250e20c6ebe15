package dev.retort.engine.dialect;

import java.util.List;
import java.util.Set;

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

    @Override
    public List<SqlToken> tokens(String sql) {
        return SqlTokens.spans(sql, SqlLexer.Syntax.SQLITE);
    }
}
