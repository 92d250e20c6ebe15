package dev.retort.engine.dialect;

import java.util.List;
import java.util.Set;

/**
 * PostgreSQL: transactional DDL; {@code E'...'} strings with backslash escapes, dollar
 * quoting ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} stays a parameter), nested
 * block comments, {@code BEGIN ATOMIC ... END} bodies kept whole. The version-table INSERT
 * carries {@code RETURNING t.version_num}, as SQLAlchemy 1.4 compiles it for Alembic (the
 * recorded conformance output). Stateless and thread-safe.
 */
public final class PostgresDialect extends SqlAlchemyDialect {

    /** SQLAlchemy's PostgreSQL reserved words: names that must be quoted. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
            "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant",
            "group", "having", "in", "initially", "intersect", "into", "leading", "limit",
            "localtime", "localtimestamp", "new", "not", "null", "of", "off", "offset", "old",
            "on", "only", "or", "order", "placing", "primary", "references", "returning",
            "select", "session_user", "some", "symmetric", "table", "then", "to", "trailing",
            "true", "union", "unique", "user", "using", "variadic", "when", "where", "window",
            "with", "authorization", "between", "binary", "cross", "current_schema", "freeze",
            "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
            "notnull", "outer", "over", "overlaps", "right", "similar", "verbose");

    public PostgresDialect() {
        super(RESERVED, true);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public List<Statement> split(String sql, int firstLine) {
        return StatementSplitter.split(sql, firstLine, SqlLexer.Syntax.POSTGRESQL, StatementSplitter.PostgresAtomic::new);
    }

    @Override
    public List<SqlToken> tokens(String sql) {
        return SqlTokens.spans(sql, SqlLexer.Syntax.POSTGRESQL);
    }
}
