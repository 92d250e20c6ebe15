package dev.retort.engine.schema;

import java.util.List;

/**
 * One operation of a schema diff: what it does ({@code op}, Alembic's operation names where
 * Alembic has one: {@code add_table}, {@code remove_column}, {@code modify_type}, ...), on what,
 * and the statements that do it, without terminators.
 *
 * @param phase       where it runs relative to other changes (lower first): the dependency order
 * @param destructive whether it can lose data (dropping a table or column, narrowing a type)
 */
public record Change(int phase, String op, String object, List<String> statements, boolean destructive) {

    /** Phases, in the order the statements run. */
    static final int DROP_TRIGGER = 10, DROP_VIEW = 20, DROP_FK = 30, DROP_INDEX = 40, DROP_CONSTRAINT = 50,
            CREATE_SCHEMA = 60, TYPE = 70, FUNCTION = 80, CREATE_TABLE = 90, ALTER_TABLE = 100,
            ADD_CONSTRAINT = 110, CREATE_INDEX = 120, ADD_FK = 130, DROP_TABLE = 140, CREATE_VIEW = 150,
            CREATE_TRIGGER = 160, COMMENT = 170, DROP_FUNCTION = 180, DROP_TYPE = 190, DROP_SCHEMA = 200, LAST = 1000;

    /**
     * The op of the statements around table rebuilds (SQLite's foreign-key pragmas): not a
     * schema operation, and only effective outside a transaction, so a diff that has them runs
     * in a {@code -- retort:no-transaction} section.
     */
    public static final String PRAGMA = "pragma";

    /** Whether this is one of the {@link #PRAGMA} changes around table rebuilds. */
    public boolean pragma() {
        return op.equals(PRAGMA);
    }
}
