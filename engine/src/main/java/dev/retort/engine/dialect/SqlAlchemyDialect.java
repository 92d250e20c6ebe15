package dev.retort.engine.dialect;

import dev.retort.engine.revision.VersionChange;

/**
 * What the bundled dialects share: identifiers quoted only where SQLAlchemy would quote them
 * (the dialect's reserved words, upper case, special characters), and the version table's SQL
 * as Alembic renders it. A dialect supplies its name, reserved words, DDL transactionality
 * and splitter. Stateless and thread-safe.
 */
abstract class SqlAlchemyDialect implements Dialect {

    private final Identifiers identifiers;
    private final VersionTableSql versionSql;

    /** @param returningInsert whether the version-table INSERT carries {@code RETURNING} */
    SqlAlchemyDialect(java.util.Set<String> reserved, boolean returningInsert) {
        this.identifiers = new Identifiers(reserved);
        this.versionSql = new VersionTableSql(identifiers, returningInsert);
    }

    /**
     * @param quote             the identifier quote ({@code `} for MySQL)
     * @param backslashLiterals literals double their backslashes (MySQL reading backslash escapes)
     */
    SqlAlchemyDialect(java.util.Set<String> reserved, char quote, boolean backslashLiterals) {
        this.identifiers = new Identifiers(reserved, quote);
        this.versionSql = new VersionTableSql(identifiers, false, backslashLiterals);
    }

    /** Quotes {@code identifier} only where the database needs it (SQLAlchemy's rule). */
    @Override
    public final String quoteIdentifier(String identifier) {
        return identifiers.quoteIfNeeded(identifier);
    }

    /** Always quoted, in this dialect's quote character. */
    @Override
    public final String quote(String identifier) {
        return identifiers.quote(identifier);
    }

    @Override
    public final String versionTableDdl(String table, String schema) {
        return versionSql.ddl(table, schema);
    }

    @Override
    public final String versionChangeSql(VersionChange change, String table, String schema) {
        return versionSql.change(change, table, schema);
    }

    /** Two dialects of the same class are equal unless a subclass holds settings (MySQL's sql_mode). */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public final String toString() {
        return name();
    }
}
