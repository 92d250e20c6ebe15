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

    /** SQLite's, for {@link dev.retort.engine.db.DatabaseFamily#schema()}. */
    public static SchemaFamily sqlite() {
        return new SqliteSchema();
    }

    /** PostgreSQL's, for {@link dev.retort.engine.db.DatabaseFamily#schema()}. */
    public static SchemaFamily postgresql() {
        return new PostgresSchema();
    }

    /** MariaDB/MySQL's, for {@link dev.retort.engine.db.DatabaseFamily#schema()}. */
    public static SchemaFamily mariadb() {
        return new MariaDbSchema();
    }

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}: also the dialect name of script sections. */
    public abstract String name();

    /**
     * The statements of a schema script, cut as the database family's own dialect cuts migration
     * scripts (MariaDB: {@code DELIMITER} lines and {@code BEGIN ... END} bodies included).
     */
    public List<String> split(String sql) {
        return dev.retort.engine.db.DatabaseFamilies.named(name()).orElseThrow().dialect().split(sql, 1).stream()
                .map(dev.retort.engine.dialect.Statement::sql).toList();
    }

    /** The JDBC URL of a throwaway in-memory database to build a schema in, or null where scratch databases live on a server. */
    String memoryUrl() {
        return null;
    }

    /** {@code jdbcUrl} pointed at database {@code db} on the same server (for a scratch database). */
    String withDatabase(String jdbcUrl, String db) {
        throw new IllegalStateException(name() + " has no databases on a server");
    }

    /** The one schema {@code jdbcUrl} names (PostgreSQL's {@code currentSchema}), or null for the whole database. */
    String schemaOf(String jdbcUrl) {
        return null;
    }

    /** The statement dropping scratch database {@code db}, even with sessions still in it where the server can. */
    String dropDatabase(String db) {
        return "DROP DATABASE " + q(db);
    }

    /** Points {@code c} at {@code schema}, creating it, before a schema script runs there (PostgreSQL). */
    void enterSchema(Connection c, String schema) throws SQLException {}

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

    /** The phase creating {@code t}: after the tables it must follow (PostgreSQL partitions after their parents). */
    int createPhase(Table t) {
        return Change.CREATE_TABLE;
    }

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

    /** Whether changing type {@code from} into {@code to} makes the type anew, so that what uses it must follow. */
    boolean recreatesType(DbObject from, DbObject to) {
        return true;
    }

    /** Keys of the tables of {@code s} that have a column of {@code type}. */
    Set<String> typeUsers(DbSchema s, DbObject type) {
        return Set.of();
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
        /** Columns dropped and added again (a generated column's new expression): the indexes on them go and come back. */
        final Set<String> recreatedColumns = new HashSet<>();

        void add(int phase, String op, String object, List<String> sql, boolean destructive) {
            if (!sql.isEmpty()) {
                changes.add(new Change(phase, op, object, List.copyOf(sql), destructive));
            }
        }
    }
}
