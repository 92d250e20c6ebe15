package dev.retort.engine.db;

/** The database families Retort runs against; {@link #dialectName()} names script sections. */
public enum DatabaseKind {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql"),
    /** MySQL and MariaDB, one family through MariaDB Connector/J. */
    MYSQL("mysql");

    private final String dialectName;

    DatabaseKind(String dialectName) {
        this.dialectName = dialectName;
    }

    /** {@code sqlite} or {@code postgresql}: the {@link dev.retort.engine.dialect.Dialect#name()}. */
    public String dialectName() {
        return dialectName;
    }
}
