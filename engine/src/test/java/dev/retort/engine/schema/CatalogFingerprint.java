package dev.retort.engine.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An independent view of a catalog for the corpus's check (b): what the database says about
 * columns, constraints, indexes, views, triggers, routines and types, read with queries of its
 * own (not Retort's readers), as sorted lines without column order and without names the
 * database generates (constraint names, SQLite autoindexes).
 */
final class CatalogFingerprint {
    private CatalogFingerprint() {}

    static TreeSet<String> of(CorpusDatabases.Db db) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        Connection c = db.use();
        switch (db.family().name()) {
            case "sqlite" -> sqlite(c, out);
            case "postgresql" -> {
                if (db.whole()) {
                    List<String> schemas = new ArrayList<>();
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace "
                            + "WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'")) {
                        while (rs.next()) {
                            schemas.add(rs.getString(1));
                        }
                    }
                    for (String s : schemas) {
                        TreeSet<String> one = new TreeSet<>();
                        postgres(c, s, one);
                        one.forEach(l -> out.add(s + ": " + l));
                    }
                    out.add("schemas " + new TreeSet<>(schemas));
                    rows(c, "extension", "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace", out);
                } else {
                    postgres(c, db.name(), out);
                }
            }
            default -> mariadb(c, out);
        }
        out.removeIf(l -> l.contains("retort_version") || l.contains("retort_history"));
        return out;
    }

    private static void rows(Connection c, String prefix, String sql, TreeSet<String> out) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder(prefix);
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(" | ").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
    }

    private static void sqlite(Connection c, TreeSet<String> out) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
                SchemaModel.Table t = SqliteSchema.table(rs.getString(1), rs.getString(2));
                for (SchemaModel.Constraint k : t.constraints()) {
                    out.add("constraint " + t.name() + " " + k.definition());
                }
                out.add("options " + t.name() + " " + t.options());
            }
        }
        for (String t : tables) {
            String q = "'" + t.replace("'", "''") + "'";
            rows(c, "column " + t, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(" + q + ")", out);
            rows(c, "fk " + t, "SELECT \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(" + q + ")", out);
            rows(c, "index " + t, "SELECT CASE WHEN l.origin = 'c' THEN l.name ELSE l.origin END, l.\"unique\", l.partial, "
                    + "(SELECT group_concat(coalesce(x.name, '<expr>') || ':' || x.\"desc\" || ':' || x.coll, ',') FROM pragma_index_xinfo(l.name) x WHERE x.key) "
                    + "FROM pragma_index_list(" + q + ") l", out);
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger', 'index') AND sql IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + Sql.normal(rs.getString(3)));
            }
        }
    }

    private static void postgres(Connection c, String s, TreeSet<String> out) throws SQLException {
        String n = "'" + s + "'";
        rows(c, "column", "SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, "
                + "numeric_scale, is_nullable, column_default, is_identity, identity_generation, is_generated, generation_expression, "
                + "collation_name, datetime_precision FROM information_schema.columns WHERE table_schema = " + n, out);
        rows(c, "constraint", "SELECT c.relname, k.contype, pg_get_constraintdef(k.oid), k.condeferrable, k.condeferred FROM pg_constraint k "
                + "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = " + n, out);
        rows(c, "index", "SELECT tablename, replace(regexp_replace(indexdef, 'INDEX \\S+ ON', 'INDEX ON'), ' ' || schemaname || '.', ' ') FROM pg_indexes WHERE schemaname = " + n, out);
        rows(c, "view", "SELECT viewname, definition FROM pg_views WHERE schemaname = " + n, out);
        rows(c, "matview", "SELECT matviewname, definition FROM pg_matviews WHERE schemaname = " + n, out);
        rows(c, "trigger", "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid, true) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                + "JOIN pg_namespace s ON s.oid = c.relnamespace WHERE NOT t.tgisinternal AND s.nspname = " + n, out);
        rows(c, "routine", "SELECT p.proname, pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid), p.prosrc, p.provolatile "
                + "FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE s.nspname = " + n, out);
        rows(c, "type", "SELECT t.typname, t.typtype, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, "
                + "(SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), "
                + "(SELECT string_agg(pg_get_constraintdef(k.oid), ',' ORDER BY 1) FROM pg_constraint k WHERE k.contypid = t.oid), "
                + "(SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum) FROM pg_attribute a "
                + "WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) "
                + "FROM pg_type t JOIN pg_namespace s ON s.oid = t.typnamespace WHERE (t.typtype IN ('e','d') OR t.typtype = 'c' "
                + "AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c') AND s.nspname = " + n, out);
        rows(c, "sequence", "SELECT sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option "
                + "FROM information_schema.sequences WHERE sequence_schema = " + n, out);
        rows(c, "comment", "SELECT o.type, replace(o.identity, " + n + " || '.', ''), d.description FROM pg_description d, "
                + "pg_identify_object(d.classoid, d.objoid, d.objsubid) o WHERE o.schema = " + n
                + " AND o.type NOT IN ('table constraint', 'domain constraint')", out);
        rows(c, "policy", "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies WHERE schemaname = " + n, out);
        rows(c, "table", "SELECT c.relname, c.relkind, c.relpersistence, c.reloptions, c.relrowsecurity, c.relforcerowsecurity, pg_get_expr(c.relpartbound, c.oid), "
                + "pg_get_partkeydef(c.oid), (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r','p','v','m','I','i') AND s.nspname = " + n, out);
    }

    private static void mariadb(Connection c, TreeSet<String> out) throws SQLException {
        String db = "DATABASE()";
        rows(c, "table", "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT, ROW_FORMAT, CREATE_OPTIONS FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + db, out);
        rows(c, "column", "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, REPLACE(COLUMN_DEFAULT, CONCAT('`', DATABASE(), '`.'), ''), EXTRA, CHARACTER_SET_NAME, "
                + "COLLATION_NAME, GENERATION_EXPRESSION, COLUMN_COMMENT, COLUMN_KEY, IS_GENERATED FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + db, out);
        rows(c, "index", "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION, INDEX_COMMENT, IGNORED "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " + db, out);
        rows(c, "check", "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = " + db, out);
        rows(c, "fk", "SELECT k.TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE "
                + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                + "ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
                + "WHERE k.TABLE_SCHEMA = " + db, out);
        rows(c, "view", "SELECT TABLE_NAME, REPLACE(VIEW_DEFINITION, CONCAT('`', DATABASE(), '`.'), ''), CHECK_OPTION, SECURITY_TYPE, ALGORITHM FROM information_schema.VIEWS WHERE TABLE_SCHEMA = " + db, out);
        rows(c, "trigger", "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, ACTION_ORDER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + db, out);
        rows(c, "routine", "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = " + db, out);
        List<String> sequences = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'SEQUENCE' AND TABLE_SCHEMA = " + db)) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        for (String s : sequences) {
            rows(c, "sequence " + s, "SELECT minimum_value, maximum_value, start_value, increment, cache_size, cycle_option FROM `"
                    + s.replace("`", "``") + "`", out);
        }
    }
}
