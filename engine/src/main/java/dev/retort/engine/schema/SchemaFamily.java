package dev.retort.engine.schema;

import dev.retort.engine.schema.SchemaModel.Constraint;
import dev.retort.engine.schema.SchemaModel.DbObject;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.SchemaModel.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything about schemas that differs between database families: reading the catalog
 * (a constant number of queries, whatever the number of tables) and rendering the changes
 * {@link SchemaDiff} decides on. One subclass per family; the diff itself is common.
 */
public abstract class SchemaFamily {

    /** SQLite's reader and renderer, for {@code SqliteFamily.schema()}. */
    public static SchemaFamily sqlite() {
        return new SqliteSchema();
    }

    /** PostgreSQL's reader and renderer, for {@code PostgresFamily.schema()}. */
    public static SchemaFamily postgresql() {
        return new PostgresSchema();
    }

    /** MySQL/MariaDB's reader and renderer, for {@code MySqlFamily.schema()}. */
    public static SchemaFamily mariadb() {
        return new MariaDbSchema();
    }

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}: also the dialect name of script sections. */
    public abstract String name();

    /** Reads the schema {@code c} is connected to, limited to {@code scope}. */
    public abstract DbSchema read(Connection c, Scope scope) throws SQLException;

    abstract String q(String ident);

    String qn(String schema, String name) {
        return schema == null ? q(name) : q(schema) + "." + q(name);
    }

    String qn(Table t) {
        return qn(t.schema(), t.name());
    }

    /** The statements creating {@code t} with its columns and constraints (foreign keys too where not separate). */
    abstract List<String> createTable(Table t);

    List<String> dropTable(Table t) {
        return List.of("DROP TABLE " + qn(t));
    }

    /** Whether foreign keys are added and dropped on their own (false: they are part of the table, SQLite). */
    boolean separateConstraints() {
        return true;
    }

    /** Renders the changes from {@code from} to {@code to} (same key) into {@code out}. */
    abstract void alterTable(Table from, Table to, TableChanges out);

    abstract List<String> addConstraint(Table t, Constraint c);

    abstract List<String> dropConstraint(Table t, Constraint c);

    /** In-place statements turning {@code from} into {@code to}, or null to drop and create. */
    List<String> alterObject(DbObject from, DbObject to, DbSchema source, DbSchema target) {
        return null;
    }

    /**
     * Whether indexes that go away are dropped after the new ones are created (MariaDB: an index
     * a foreign key needs can only be dropped once another serves it).
     */
    boolean dropIndexesLate() {
        return false;
    }

    /** Statements run once before everything when a diff rebuilds tables (SQLite). */
    List<String> rebuildPrelude() {
        return List.of();
    }

    /** What {@link #alterTable} decided, beyond its changes. */
    static final class TableChanges {
        final List<Change> changes = new ArrayList<>();
        /** The table was created anew (SQLite rebuild): its indexes and triggers go with it. */
        boolean rebuilt;
        /** Columns whose type changed or that were dropped: views and foreign keys over them are recreated. */
        final Set<String> touchedColumns = new HashSet<>();

        void add(int phase, String op, String object, List<String> sql, boolean destructive) {
            if (!sql.isEmpty()) {
                changes.add(new Change(phase, op, object, List.copyOf(sql), destructive));
            }
        }
    }
}
