package dev.retort.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema of one database as its catalog describes it: the records a {@link CatalogReader}
 * returns and {@link SchemaDiff} compares. Names are relative to the reader's default schema
 * (an object there has a {@code null} schema), so that two databases (or two PostgreSQL
 * schemas) compare by what they hold, not by where they live.
 *
 * <p>Definitions are the catalog's own text ({@code pg_get_indexdef}, {@code sqlite_master.sql},
 * {@code information_schema}), normalised only where the catalog itself is not canonical: the
 * database says what it understood, Retort never parses a schema by hand.
 */
public final class SchemaModel {
    private SchemaModel() {}

    /** A whole schema: tables by key ({@code name} or {@code schema.name}), other objects by {@link DbObject#key()}. */
    public record DbSchema(String family, Map<String, Table> tables, Map<String, DbObject> objects) {}

    /**
     * A table.
     *
     * @param options family-specific table options compared as a whole (SQLite {@code WITHOUT ROWID}/{@code STRICT},
     *                MariaDB engine/collation, PostgreSQL persistence and partitioning)
     * @param createSql the catalog's own {@code CREATE TABLE} where the family keeps one (SQLite), else null
     */
    public record Table(String schema, String name, Map<String, Column> columns, List<Constraint> constraints,
            Map<String, String> options, String comment, String createSql) {
        public String key() {
            return SchemaModel.key(schema, name);
        }
    }

    /**
     * A column.
     *
     * @param type       the type as the catalog spells it ({@code format_type}, {@code COLUMN_TYPE})
     * @param defaultExpr the default expression as the catalog spells it, null for none
     * @param identity   {@code ALWAYS}/{@code BY DEFAULT} (PostgreSQL), {@code auto_increment} (MariaDB), null
     * @param generated  the generation expression of a generated column, null otherwise
     * @param generatedKind {@code STORED}/{@code VIRTUAL}, null when not generated
     * @param definition SQLite: the column's normalised definition as written; other families: null
     * @param extra      family details compared as a whole (MariaDB {@code ON UPDATE}, charset; PostgreSQL serial sequence)
     */
    public record Column(String name, String type, boolean notNull, String defaultExpr, String identity, String generated,
            String generatedKind, String collation, String comment, String definition, Map<String, String> extra) {}

    /** Constraint kinds. */
    public enum ConstraintType { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE }

    /**
     * A table constraint.
     *
     * @param definition the catalog's text after {@code CONSTRAINT name} ({@code pg_get_constraintdef})
     * @param refTable   key of the referenced table (foreign keys), else null
     */
    public record Constraint(String name, ConstraintType type, String definition, List<String> columns, String refTable,
            List<String> refColumns) {}

    /** Kinds of objects kept as whole definitions. */
    public enum Kind { SCHEMA, EXTENSION, TYPE, SEQUENCE, FUNCTION, INDEX, VIEW, MATERIALIZED_VIEW, TRIGGER, POLICY }

    /**
     * An object kept as a whole definition: changed means dropped and created again, unless
     * {@code attrs} lets the renderer alter it in place (enum values, sequence options).
     *
     * @param table      key of the table an index or trigger belongs to, else null
     * @param definition what is compared (the create text without the object's own name where
     *                   names may be system generated)
     * @param create     the statements that create it
     * @param drop       the statements that drop it
     * @param refs       keys of the tables and views it reads (views, triggers): what must exist first
     */
    public record DbObject(Kind kind, String schema, String name, String table, String definition, List<String> create,
            List<String> drop, Set<String> refs, Map<String, String> attrs) {
        public String key() {
            String n = table != null && (kind == Kind.TRIGGER || kind == Kind.POLICY) ? table + "." + name : SchemaModel.key(schema, name);
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + n;
        }

        public String displayName() {
            return SchemaModel.key(schema, name);
        }
    }

    static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
