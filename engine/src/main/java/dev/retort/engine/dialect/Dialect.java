package dev.retort.engine.dialect;

import dev.retort.engine.revision.VersionChange;
import java.util.List;

/**
 * What differs between database families: quoting, statement splitting, transactional DDL
 * and the version table's SQL.
 *
 * <p>PUBLIC CONTRACT (implementations: {@link SqliteDialect}, {@link PostgresDialect}; each owned by its
 * {@link dev.retort.engine.db.DatabaseFamily}). Implementations are stateless and thread-safe.
 * The interface is left open (not sealed) so that tests may fake a dialect and a new family
 * may bring its own.
 */
public interface Dialect {

    /** {@code sqlite} or {@code postgresql}: also the name a script section is limited by. */
    String name();

    /** Whether DDL runs inside transactions (PostgreSQL yes, SQLite treated as Alembic does: no). */
    boolean transactionalDdl();

    /**
     * The identifier as SQL: quoted (with {@code "}, inner quotes doubled) only when it must be,
     * by SQLAlchemy's rule (reserved word, upper case, leading digit/{@code _}/{@code $}, or a
     * character outside {@code [A-Za-z0-9_$]}), so that generated SQL reads like Alembic's.
     */
    String quoteIdentifier(String identifier);

    /**
     * The identifier always quoted, case kept: how Retort names its own tables in the SQL it
     * runs ({@code "retort_history"}). Double quotes, inner quotes doubled, unless the dialect
     * says otherwise.
     */
    default String quote(String identifier) {
        return doubleQuoted(identifier);
    }

    /** {@code "name"}, inner {@code "} doubled: the SQL standard's quoting. */
    static String doubleQuoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Cuts a section into statements; {@code firstLine} is the section's first line in the file.
     * Each statement is stripped, without leading/trailing comments or its {@code ;}; empty and
     * comment-only statements are dropped.
     *
     * @throws dev.retort.engine.RetortException for an unterminated string, quoted identifier,
     *         block comment, dollar quote or compound body, naming the file line it started on
     */
    List<Statement> split(String sql, int firstLine);

    /** Alembic's {@code CREATE TABLE alembic_version (...)} for this dialect, no terminator. */
    String versionTableDdl(String table, String schema);

    /** The statement for one version-table change, values inlined, no terminator. */
    String versionChangeSql(VersionChange change, String table, String schema);

    /**
     * Whether {@code statement} commits on its own even inside a transaction (MySQL/MariaDB DDL).
     * A step with such a statement has its statements recorded one by one as they complete, as
     * a {@code no-transaction} section does, so that a failure says what is applied and the
     * next run resumes after it.
     */
    default boolean commitsImplicitly(Statement statement) {
        return false;
    }

    /**
     * Why the rows {@code statement} returned make it a failure, or null: a check whose answer
     * is rows rather than an error (SQLite's {@code PRAGMA foreign_key_check}) fails the step
     * the way an error would, before the version table moves.
     */
    default String failureIn(Statement statement, java.sql.ResultSet rows) throws java.sql.SQLException {
        return null;
    }

    /**
     * The text's tokens as this dialect's statement splitter reads them (its quoting, comments
     * and dollar quotes), for colouring; never fails (an unterminated token runs to the end).
     * A new dialect overrides this with its own lexical rules; the default reads PostgreSQL's,
     * the most permissive of the standard ones.
     */
    default List<SqlToken> tokens(String sql) {
        return SqlTokens.spans(sql, SqlLexer.Syntax.POSTGRESQL);
    }
}
