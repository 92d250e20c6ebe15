package dev.retort.engine.schema;

import dev.retort.engine.schema.SchemaModel.Column;
import dev.retort.engine.schema.SchemaModel.Constraint;
import dev.retort.engine.schema.SchemaModel.ConstraintType;
import dev.retort.engine.schema.SchemaModel.DbObject;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.SchemaModel.Kind;
import dev.retort.engine.schema.SchemaModel.Table;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a PostgreSQL catalog for {@link PostgresSchema}: a fixed number of catalog queries
 * (relations, columns, constraints, indexes, types, functions, triggers, policies, and what
 * views and functions depend on) whatever the size of the schema, each over all tables of the
 * schemas in scope. Definitions come from the server's own deparsers ({@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code pg_get_viewdef}, {@code pg_get_functiondef},
 * {@code pg_get_triggerdef}, {@code format_type}) with the search path set to the default
 * schema, so that objects there read unqualified and two schemas compare by content. One piece
 * because the queries fill one model together: later ones resolve the oids earlier ones met.
 */
final class PostgresCatalog {
    private final PostgresSchema family;

    PostgresCatalog(PostgresSchema family) {
        this.family = family;
    }

    DbSchema read(Connection c, Scope scope) throws SQLException {
        String def = scope.schema() == null ? "public" : scope.schema();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + family.q(def));
        }
        List<String> schemas = new ArrayList<>();
        if (scope.schema() != null) {
            schemas.add(scope.schema());
        } else {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                            + "AND nspname <> 'information_schema' ORDER BY 1")) {
                while (rs.next()) {
                    if (scope.includesSchema(rs.getString(1))) {
                        schemas.add(rs.getString(1));
                    }
                }
            }
        }
        Array nsp = c.createArrayOf("text", schemas.toArray());
        Map<String, Table> tables = new TreeMap<>();
        Map<String, DbObject> objects = new TreeMap<>();
        Map<Long, String> relKeys = new HashMap<>();
        Map<Long, Table> byOid = new HashMap<>();
        Map<String, String> ownedSeq = new HashMap<>(); // "relid.attnum" -> sequence name
        Map<String, Long> partitionParents = new HashMap<>(); // partition key -> parent oid
        String notExt = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')";
        // 1. relations
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, "
                + "obj_description(c.oid, 'pg_class'), CASE WHEN c.relkind IN ('v','m') THEN pg_get_viewdef(c.oid) END, "
                + "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, c.reloptions::text, "
                + "format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle, s.seqcache, "
                + "(SELECT d.refobjid::bigint || '.' || d.refobjsubid FROM pg_depend d WHERE d.objid = c.oid "
                + "AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i') LIMIT 1), "
                + "c.relispartition, (SELECT i.inhparent FROM pg_inherits i WHERE i.inhrelid = c.oid LIMIT 1), "
                + "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, c.relrowsecurity, c.relforcerowsecurity "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_sequence s ON s.seqrelid = c.oid "
                + "WHERE c.relkind IN ('r','p','v','m','S') AND n.nspname = ANY(?)" + notExt.formatted("pg_class", "c.oid")
                + " ORDER BY c.oid")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    String schema = rel(rs.getString(2), def);
                    String name = rs.getString(3);
                    String kind = rs.getString(4);
                    String key = SchemaModel.key(schema, name);
                    relKeys.put(oid, key);
                    switch (kind) {
                        case "r", "p" -> {
                            if (!scope.includes(schema, name)) {
                                continue;
                            }
                            Map<String, String> opts = new TreeMap<>();
                            if (rs.getBoolean(18)) {
                                partitionParents.put(key, rs.getLong(19));
                                opts.put("partition_bound", rs.getString(20));
                            }
                            if ("u".equals(rs.getString(5))) {
                                opts.put("unlogged", "true");
                            }
                            if (rs.getString(8) != null) {
                                opts.put("partition_by", rs.getString(8));
                            }
                            if (rs.getString(9) != null) {
                                opts.put("with", rs.getString(9));
                            }
                            if (rs.getBoolean(21)) {
                                opts.put("row_security", rs.getBoolean(22) ? "force" : "enable");
                            }
                            Table t = new Table(schema, name, new LinkedHashMap<>(), new ArrayList<>(), opts, rs.getString(6), null);
                            tables.put(key, t);
                            byOid.put(oid, t);
                        }
                        case "v", "m" -> {
                            if (!scope.includes(schema, name)) {
                                continue;
                            }
                            boolean mat = kind.equals("m");
                            String body = rs.getString(7).strip();
                            if (body.endsWith(";")) {
                                body = body.substring(0, body.length() - 1);
                            }
                            String with = rs.getString(9) == null ? "" : " WITH (" + rs.getString(9).replaceAll("^\\{|\\}$", "").replace("\"", "") + ")";
                            String qn = family.qn(schema, name);
                            List<String> create = new ArrayList<>();
                            create.add((mat ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ") + qn + with + " AS\n" + body);
                            if (rs.getString(6) != null) {
                                create.add("COMMENT ON " + (mat ? "MATERIALIZED VIEW " : "VIEW ") + qn + " IS " + Sql.literal(rs.getString(6)));
                            }
                            Map<String, String> attrs = new HashMap<>();
                            attrs.put("oid", String.valueOf(oid));
                            objects.put((mat ? "materialized_view:" : "view:") + key, new DbObject(mat ? Kind.MATERIALIZED_VIEW : Kind.VIEW,
                                    schema, name, null, String.join("\n", create), create,
                                    List.of((mat ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") + qn), new TreeSet<>(), attrs));
                        }
                        case "S" -> {
                            String owner = rs.getString(17);
                            if (owner != null) {
                                ownedSeq.put(owner, name);
                                continue;
                            }
                            String qn = family.qn(schema, name);
                            String opts = " AS " + rs.getString(10) + " INCREMENT BY " + rs.getLong(12) + " MINVALUE " + rs.getLong(13)
                                    + " MAXVALUE " + rs.getLong(14) + " START WITH " + rs.getLong(11) + " CACHE " + rs.getLong(16)
                                    + (rs.getBoolean(15) ? " CYCLE" : " NO CYCLE");
                            objects.put("sequence:" + key, commented(new DbObject(Kind.SEQUENCE, schema, name, null, opts,
                                    List.of("CREATE SEQUENCE " + qn + opts), List.of("DROP SEQUENCE " + qn), Set.of(),
                                    Map.of("options", opts)), "SEQUENCE " + qn, rs.getString(6)));
                        }
                        default -> { }
                    }
                }
            }
        }
        partitionParents.forEach((k, parent) -> {
            String p = relKeys.get(parent);
            if (p == null) {
                throw new SchemaDiffException("Can't diff partition " + k + ": its parent is not in the schemas read");
            }
            tables.get(k).options().put("partition_of", p);
            int depth = 1; // partitions of partitions are created after their parents
            for (String up = p; partitionParents.containsKey(up) && depth < 9; up = relKeys.get(partitionParents.get(up))) {
                depth++;
            }
            tables.get(k).options().put("partition_depth", String.valueOf(depth));
        });
        // 2. columns
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
                + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
                + "CASE WHEN a.attcollation <> t.typcollation THEN (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) "
                + "FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END, "
                + "col_description(a.attrelid, a.attnum), a.attnum "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p') AND n.nspname = ANY(?) "
                + "ORDER BY a.attrelid, a.attnum")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Table t = byOid.get(rs.getLong(1));
                    if (t == null) {
                        continue;
                    }
                    String dflt = rs.getString(5);
                    String gen = null;
                    if ("s".equals(rs.getString(7))) {
                        gen = dflt;
                        dflt = null;
                    }
                    String identity = switch (Objects.toString(rs.getString(6), "")) {
                        case "a" -> "ALWAYS";
                        case "d" -> "BY DEFAULT";
                        default -> null;
                    };
                    Map<String, String> extra = new HashMap<>();
                    String seq = ownedSeq.get(rs.getLong(1) + "." + rs.getInt(10));
                    if (seq != null && identity == null && dflt != null && dflt.startsWith("nextval(")) {
                        extra.put("serial_sequence", seq);
                    }
                    String collation = rs.getString(8);
                    if (collation != null && collation.startsWith("pg_catalog.")) {
                        collation = collation.substring("pg_catalog.".length());
                    }
                    t.columns().put(rs.getString(2), new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), dflt,
                            identity, gen, gen == null ? null : "STORED", collation, rs.getString(9), null, extra));
                }
            }
        }
        // 3. constraints
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conrelid, con.conname, con.contype, pg_get_constraintdef(con.oid), "
                + "ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
                + "ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[], con.confrelid, "
                + "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
                + "ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[], "
                + "CASE WHEN con.contype IN ('p','u','x') THEN (SELECT array_to_string(ic.reloptions, ', ') FROM pg_class ic WHERE ic.oid = con.conindid) END "
                + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ANY(?) AND con.contype IN ('p','u','c','f','x') AND con.conparentid = 0 AND con.conislocal "
                + "ORDER BY con.conrelid, con.conname")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Table t = byOid.get(rs.getLong(1));
                    if (t == null) {
                        continue;
                    }
                    ConstraintType type = switch (rs.getString(3)) {
                        case "p" -> ConstraintType.PRIMARY_KEY;
                        case "u" -> ConstraintType.UNIQUE;
                        case "f" -> ConstraintType.FOREIGN_KEY;
                        case "x" -> ConstraintType.EXCLUDE;
                        default -> ConstraintType.CHECK;
                    };
                    String ref = type == ConstraintType.FOREIGN_KEY ? relKeys.get(rs.getLong(6)) : null;
                    String definition = rs.getString(4);
                    if (rs.getString(8) != null && !definition.contains(" WITH (")) {
                        definition += " WITH (" + rs.getString(8) + ")"; // the index's storage parameters, which the deparser leaves out
                    }
                    t.constraints().add(new Constraint(rs.getString(2), type, definition, strings(rs.getArray(5)), ref,
                            strings(rs.getArray(7))));
                }
            }
        }
        // 4. indexes not behind a constraint
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid), n.nspname, obj_description(ic.oid, 'pg_class') "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace "
                + "WHERE n.nspname = ANY(?) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
                + "AND k.contype IN ('p','u','x')) AND ic.relkind IN ('i','I') AND NOT ic.relispartition ORDER BY ic.relname")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = relKeys.get(rs.getLong(1));
                    if (table == null || !(tables.containsKey(table) || objects.containsKey("materialized_view:" + table))) {
                        continue;
                    }
                    String schema = rel(rs.getString(4), def);
                    String name = rs.getString(2);
                    // a partitioned table's index reads "ON ONLY": created without it, it reaches every partition
                    String sql = unqualify(rs.getString(3), def).replaceFirst(" ON ONLY ", " ON ");
                    String definition = sql.replaceFirst("INDEX \\S+ ON ", "INDEX ON ");
                    objects.put("index:" + SchemaModel.key(schema, name), commented(new DbObject(Kind.INDEX, schema, name, table, definition,
                            List.of(sql), List.of("DROP INDEX " + family.qn(schema, name)), Set.of(),
                            tables.containsKey(table) ? Map.of() : Map.of("on_view", "true")), "INDEX " + family.qn(schema, name), rs.getString(5)));
                }
            }
        }
        // 5. enum and domain types
        Map<Long, String> typeKeys = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, t.typname, t.typtype, "
                + "ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[], "
                + "format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, "
                + "ARRAY(SELECT 'CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k "
                + "WHERE k.contypid = t.oid ORDER BY k.conname)::text[], "
                + "CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation THEN (SELECT quote_ident(collname) FROM pg_collation WHERE oid = t.typcollation) END, "
                + "t.oid, t.typarray, obj_description(t.oid, 'pg_type'), "
                + "ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                + "WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)::text[], "
                + "ARRAY(SELECT a.atttypid::bigint FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0)::bigint[] "
                + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_type bt ON bt.oid = t.typbasetype "
                + "WHERE (t.typtype IN ('e','d') OR t.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c') "
                + "AND n.nspname = ANY(?)" + notExt.formatted("pg_type", "t.oid") + " ORDER BY 1, 2")) {
            ps.setArray(1, nsp);
            Map<DbObject, List<Long>> attributeTypes = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rel(rs.getString(1), def);
                    String name = rs.getString(2);
                    String qn = family.qn(schema, name);
                    Map<String, String> attrs = new HashMap<>();
                    String create;
                    if (rs.getString(3).equals("c")) {
                        List<String> attributes = strings(rs.getArray(13));
                        attrs.put("attributes", String.join("\u0000", attributes));
                        create = "CREATE TYPE " + qn + " AS (" + String.join(", ", attributes) + ")";
                        DbObject o = commented(new DbObject(Kind.TYPE, schema, name, null, create, List.of(create),
                                List.of("DROP TYPE " + qn), new TreeSet<>(), attrs), "TYPE " + qn, rs.getString(12));
                        List<Long> deps = new ArrayList<>();
                        for (Object x : (Object[]) rs.getArray(14).getArray()) {
                            deps.add(((Number) x).longValue());
                        }
                        attributeTypes.put(o, deps);
                        typeKeys.put(rs.getLong(10), "type:" + SchemaModel.key(schema, name));
                        typeKeys.put(rs.getLong(11), "type:" + SchemaModel.key(schema, name));
                        objects.put("type:" + SchemaModel.key(schema, name), o);
                        continue;
                    }
                    if (rs.getString(3).equals("e")) {
                        List<String> labels = strings(rs.getArray(4));
                        attrs.put("enum", String.join("\u0000", labels));
                        create = "CREATE TYPE " + qn + " AS ENUM (" + String.join(", ", labels.stream().map(Sql::literal).toList()) + ")";
                    } else {
                        attrs.put("base", rs.getString(5) + (rs.getString(9) == null ? "" : " COLLATE " + rs.getString(9)));
                        attrs.put("default", Objects.toString(rs.getString(7), ""));
                        attrs.put("notnull", String.valueOf(rs.getBoolean(6)));
                        attrs.put("checks", String.join("\u0000", strings(rs.getArray(8))));
                        StringBuilder sb = new StringBuilder("CREATE DOMAIN " + qn + " AS " + rs.getString(5));
                        if (rs.getString(9) != null) {
                            sb.append(" COLLATE ").append(rs.getString(9));
                        }
                        if (rs.getString(7) != null) {
                            sb.append(" DEFAULT ").append(rs.getString(7));
                        }
                        if (rs.getBoolean(6)) {
                            sb.append(" NOT NULL");
                        }
                        for (String k : strings(rs.getArray(8))) {
                            sb.append(' ').append(k);
                        }
                        create = sb.toString();
                    }
                    typeKeys.put(rs.getLong(10), "type:" + SchemaModel.key(schema, name));
                    typeKeys.put(rs.getLong(11), "type:" + SchemaModel.key(schema, name));
                    objects.put("type:" + SchemaModel.key(schema, name), commented(new DbObject(Kind.TYPE, schema, name, null, create,
                            List.of(create), List.of(rs.getString(3).equals("e") ? "DROP TYPE " + qn : "DROP DOMAIN " + qn),
                            Set.of(), attrs), (rs.getString(3).equals("e") ? "TYPE " : "DOMAIN ") + qn, rs.getString(12)));
                }
            }
            // a composite type comes after the enums, domains and composites of its attributes
            attributeTypes.forEach((o, deps) -> deps.stream().map(typeKeys::get).filter(Objects::nonNull).forEach(o.refs()::add));
        }
        // 6. functions and procedures
        Map<Long, DbObject> functionsByOid = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), "
                + "pg_get_functiondef(p.oid), p.prokind, p.oid, obj_description(p.oid, 'pg_proc') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = ANY(?) AND p.prokind IN ('f','p')" + notExt.formatted("pg_proc", "p.oid") + " ORDER BY 1, 2, 3")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rel(rs.getString(1), def);
                    String name = rs.getString(2) + "(" + rs.getString(3) + ")";
                    String body = rs.getString(4).strip();
                    if (schema == null) {
                        body = body.replaceFirst("^(CREATE OR REPLACE (?:FUNCTION|PROCEDURE) )" + java.util.regex.Pattern.quote(family.q(def)) + "\\.", "$1");
                    }
                    String drop = (rs.getString(5).equals("p") ? "DROP PROCEDURE " : "DROP FUNCTION ")
                            + family.qn(schema, rs.getString(2)) + "(" + rs.getString(3) + ")";
                    String sig = family.qn(schema, rs.getString(2)) + "(" + rs.getString(3) + ")";
                    DbObject f = commented(new DbObject(Kind.FUNCTION, schema, name, null, body, List.of(body), List.of(drop), new TreeSet<>(),
                            Map.of()), (rs.getString(5).equals("p") ? "PROCEDURE " : "FUNCTION ") + sig, rs.getString(7));
                    objects.put("function:" + SchemaModel.key(schema, name), f);
                    functionsByOid.put(rs.getLong(6), f);
                }
            }
        }
        // 7. triggers
        try (PreparedStatement ps = c.prepareStatement("SELECT t.tgrelid, t.tgname, pg_get_triggerdef(t.oid, true), t.tgfoid FROM pg_trigger t "
                + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE NOT t.tgisinternal AND n.nspname = ANY(?) ORDER BY 1, 2")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = relKeys.get(rs.getLong(1));
                    if (table == null || !tables.containsKey(table) && !objects.containsKey("view:" + table)) {
                        continue;
                    }
                    String name = rs.getString(2);
                    String sql = rs.getString(3);
                    String[] parts = table.contains(".") ? table.split("\\.", 2) : new String[] {null, table};
                    Set<String> refs = new TreeSet<>(Set.of(table));
                    DbObject fn = functionsByOid.get(rs.getLong(4));
                    if (fn != null) {
                        refs.add(fn.key()); // a trigger goes before its function is dropped and comes back after
                    }
                    objects.put("trigger:" + table + "." + name, new DbObject(Kind.TRIGGER, parts[0], name, table, sql,
                            List.of(sql), List.of("DROP TRIGGER " + family.q(name) + " ON " + family.qn(parts[0], parts[1])), refs, Map.of()));
                }
            }
        }
        // 7b. row security policies
        try (PreparedStatement ps = c.prepareStatement("SELECT pol.polrelid, pol.polname, pol.polpermissive, pol.polcmd, "
                + "ARRAY(SELECT CASE WHEN r.x = 0 THEN 'PUBLIC' ELSE quote_ident(a.rolname) END FROM unnest(pol.polroles) r(x) "
                + "LEFT JOIN pg_roles a ON a.oid = r.x ORDER BY 1)::text[], pg_get_expr(pol.polqual, pol.polrelid), "
                + "pg_get_expr(pol.polwithcheck, pol.polrelid) FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY(?) ORDER BY 1, 2")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = relKeys.get(rs.getLong(1));
                    if (table == null || !tables.containsKey(table)) {
                        continue;
                    }
                    String name = rs.getString(2);
                    String[] parts = table.contains(".") ? table.split("\\.", 2) : new String[] {null, table};
                    String on = family.qn(parts[0], parts[1]);
                    String cmd = switch (rs.getString(4)) {
                        case "r" -> "SELECT";
                        case "a" -> "INSERT";
                        case "w" -> "UPDATE";
                        case "d" -> "DELETE";
                        default -> "ALL";
                    };
                    String sql = "CREATE POLICY " + family.q(name) + " ON " + on + " AS " + (rs.getBoolean(3) ? "PERMISSIVE" : "RESTRICTIVE")
                            + " FOR " + cmd + " TO " + String.join(", ", strings(rs.getArray(5)))
                            + (rs.getString(6) == null ? "" : " USING (" + rs.getString(6) + ")")
                            + (rs.getString(7) == null ? "" : " WITH CHECK (" + rs.getString(7) + ")");
                    objects.put("policy:" + table + "." + name, new DbObject(Kind.POLICY, parts[0], name, table, sql,
                            List.of(sql), List.of("DROP POLICY " + family.q(name) + " ON " + on), Set.of(table), Map.of()));
                }
            }
        }
        // the objects that carry their oid (views), for the dependency queries below
        Map<String, DbObject> viewsByOid = new HashMap<>();
        for (DbObject o : objects.values()) {
            if (o.attrs().containsKey("oid")) {
                viewsByOid.put(o.attrs().get("oid"), o);
            }
        }
        // 8. what views read
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_rewrite r "
                + "JOIN pg_depend d ON d.objid = r.oid AND d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass "
                + "JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE d.refobjid <> r.ev_class AND n.nspname = ANY(?)")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DbObject v = viewsByOid.get(String.valueOf(rs.getLong(1)));
                    String ref = relKeys.get(rs.getLong(2));
                    if (v != null && ref != null) {
                        v.refs().add(ref);
                    }
                }
            }
        }
        // 8b. the enum and domain types views and functions use: made anew, they take those with them
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT d.classid = 'pg_proc'::regclass, "
                + "CASE WHEN d.classid = 'pg_proc'::regclass THEN d.objid ELSE r.ev_class END, d.refobjid FROM pg_depend d "
                + "LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid "
                + "JOIN pg_type t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE d.refclassid = 'pg_type'::regclass AND d.classid IN ('pg_proc'::regclass, 'pg_rewrite'::regclass) "
                + "AND n.nspname = ANY(?)")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DbObject o = rs.getBoolean(1) ? functionsByOid.get(rs.getLong(2)) : viewsByOid.get(String.valueOf(rs.getLong(2)));
                    String type = typeKeys.get(rs.getLong(3));
                    if (o != null && type != null) {
                        o.refs().add(type);
                    }
                }
            }
        }
        // 8c. the functions views call: a function dropped and created again takes its views with it
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_depend d "
                + "JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid "
                + "JOIN pg_class v ON v.oid = r.ev_class JOIN pg_namespace n ON n.oid = v.relnamespace "
                + "WHERE d.refclassid = 'pg_proc'::regclass AND n.nspname = ANY(?)")) {
            ps.setArray(1, nsp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DbObject v = viewsByOid.get(String.valueOf(rs.getLong(1)));
                    DbObject fn = functionsByOid.get(rs.getLong(2));
                    if (v != null && fn != null) {
                        v.refs().add(fn.key());
                    }
                }
            }
        }
        // 9. schemas and extensions (when reading the whole database)
        if (scope.schema() == null) {
            for (String s : schemas) {
                if (!s.equals("public")) {
                    objects.put("schema:" + s, new DbObject(Kind.SCHEMA, null, s, null, s, List.of("CREATE SCHEMA " + family.q(s)),
                            List.of("DROP SCHEMA " + family.q(s)), Set.of(), Map.of()));
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n "
                            + "ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1")) {
                while (rs.next()) {
                    String sch = rel(rs.getString(2), def);
                    String create = "CREATE EXTENSION IF NOT EXISTS " + family.q(rs.getString(1)) + (sch == null ? "" : " SCHEMA " + family.q(sch));
                    objects.put("extension:" + rs.getString(1), new DbObject(Kind.EXTENSION, null, rs.getString(1), null, create,
                            List.of(create), List.of("DROP EXTENSION " + family.q(rs.getString(1))), Set.of(), Map.of()));
                }
            }
        }
        return new DbSchema(family.name(), tables, objects);
    }

    /** {@code o} with its comment (if any) in its definition and creation, and what {@link #alterObject} needs to change it. */
    private static DbObject commented(DbObject o, String on, String comment) {
        Map<String, String> attrs = new HashMap<>(o.attrs());
        attrs.put("comment_on", on);
        if (comment == null) {
            return new DbObject(o.kind(), o.schema(), o.name(), o.table(), o.definition(), o.create(), o.drop(), o.refs(), attrs);
        }
        attrs.put("comment", comment);
        String sql = "COMMENT ON " + on + " IS " + Sql.literal(comment);
        List<String> create = new ArrayList<>(o.create());
        create.add(sql);
        return new DbObject(o.kind(), o.schema(), o.name(), o.table(), o.definition() + "\n" + sql, create, o.drop(), o.refs(), attrs);
    }

    private static String rel(String schema, String def) {
        return schema.equals(def) ? null : schema;
    }

    /** {@code pg_get_indexdef} qualifies the table even in the default schema. */
    private String unqualify(String sql, String def) {
        return sql.replace(" ON " + family.q(def) + ".", " ON ").replace(" ON ONLY " + family.q(def) + ".", " ON ONLY ");
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        Object[] arr = (Object[]) a.getArray();
        List<String> out = new ArrayList<>();
        for (Object o : arr) {
            out.add((String) o);
        }
        return out;
    }

}
