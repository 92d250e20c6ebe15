package dev.retort.engine.dialect;

import dev.retort.engine.revision.VersionChange;
import java.util.List;
import java.util.Set;

/**
 * SQLite: DDL treated as non-transactional, as Alembic does (so offline SQL has no
 * {@code BEGIN;}/{@code COMMIT;}); {@code "ident"}, {@code [ident]} and {@code `ident`}
 * quoting; block comments that do not nest; {@code CREATE TRIGGER ... BEGIN ... END} bodies
 * kept whole. Stateless and thread-safe.
 */
public final class SqliteDialect implements Dialect {

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

    private final Identifiers identifiers = new Identifiers(RESERVED);
    private final VersionTableSql versionSql = new VersionTableSql(identifiers, false);

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** Quotes {@code identifier} only where SQLite needs it (SQLAlchemy's rule). */
    @Override
    public String quoteIdentifier(String identifier) {
        return identifiers.quoteIfNeeded(identifier);
    }

    @Override
    public List<Statement> split(String sql, int firstLine) {
        return StatementSplitter.split(sql, firstLine, SqlLexer.Syntax.SQLITE, StatementSplitter.SqliteTrigger::new);
    }

    @Override
    public String versionTableDdl(String table, String schema) {
        return versionSql.ddl(table, schema);
    }

    @Override
    public String versionChangeSql(VersionChange change, String table, String schema) {
        return versionSql.change(change, table, schema);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqliteDialect;
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
