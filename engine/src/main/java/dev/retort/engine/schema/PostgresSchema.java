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
 * PostgreSQL: eleven catalog queries whatever the size of the schema, each over all tables of
 * the schemas in scope. Definitions come from the server's own deparsers
 * ({@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef},
 * {@code pg_get_functiondef}, {@code pg_get_triggerdef}, {@code format_type}) with the search
 * path set to the default schema, so that objects there read unqualified and two schemas
 * compare by content. Serial columns keep their owned sequence out of the sequence list;
 * identity, generated and collated columns are altered in place where PostgreSQL can.
 */
final class PostgresSchema extends SchemaFamily {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    String q(String ident) {
        return Sql.quoteDouble(ident);
    }

    @Override
    String withDatabase(String jdbcUrl, String db) {
        return jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + db)
                .replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @Override
    String schemaOf(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]currentSchema=([^&]+)").matcher(jdbcUrl);
        String schema = m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
        return schema != null && schema.contains(",") ? schema.substring(0, schema.indexOf(',')) : schema;
    }

    @Override
    String dropDatabase(String db) {
        return "DROP DATABASE " + q(db) + " WITH (FORCE)";
    }

    @Override
    void enterSchema(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + q(schema));
            st.execute("SET search_path TO " + q(schema));
        }
    }

    @Override
    public DbSchema read(Connection c, Scope scope) throws SQLException {
        String def = scope.schema() == null ? "public" : scope.schema();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + q(def));
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
                            String qn = qn(schema, name);
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
                            String qn = qn(schema, name);
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
                            List.of(sql), List.of("DROP INDEX " + qn(schema, name)), Set.of(),
                            tables.containsKey(table) ? Map.of() : Map.of("on_view", "true")), "INDEX " + qn(schema, name), rs.getString(5)));
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
                    String qn = qn(schema, name);
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
                        body = body.replaceFirst("^(CREATE OR REPLACE (?:FUNCTION|PROCEDURE) )" + java.util.regex.Pattern.quote(q(def)) + "\\.", "$1");
                    }
                    String drop = (rs.getString(5).equals("p") ? "DROP PROCEDURE " : "DROP FUNCTION ")
                            + qn(schema, rs.getString(2)) + "(" + rs.getString(3) + ")";
                    String sig = qn(schema, rs.getString(2)) + "(" + rs.getString(3) + ")";
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
                            List.of(sql), List.of("DROP TRIGGER " + q(name) + " ON " + qn(parts[0], parts[1])), refs, Map.of()));
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
                    String on = qn(parts[0], parts[1]);
                    String cmd = switch (rs.getString(4)) {
                        case "r" -> "SELECT";
                        case "a" -> "INSERT";
                        case "w" -> "UPDATE";
                        case "d" -> "DELETE";
                        default -> "ALL";
                    };
                    String sql = "CREATE POLICY " + q(name) + " ON " + on + " AS " + (rs.getBoolean(3) ? "PERMISSIVE" : "RESTRICTIVE")
                            + " FOR " + cmd + " TO " + String.join(", ", strings(rs.getArray(5)))
                            + (rs.getString(6) == null ? "" : " USING (" + rs.getString(6) + ")")
                            + (rs.getString(7) == null ? "" : " WITH CHECK (" + rs.getString(7) + ")");
                    objects.put("policy:" + table + "." + name, new DbObject(Kind.POLICY, parts[0], name, table, sql,
                            List.of(sql), List.of("DROP POLICY " + q(name) + " ON " + on), Set.of(table), Map.of()));
                }
            }
        }
        // 8. what views read
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_rewrite r "
                + "JOIN pg_depend d ON d.objid = r.oid AND d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass "
                + "JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE d.refobjid <> r.ev_class AND n.nspname = ANY(?)")) {
            ps.setArray(1, nsp);
            Map<String, DbObject> viewsByOid = new HashMap<>();
            for (DbObject o : objects.values()) {
                if (o.attrs().containsKey("oid")) {
                    viewsByOid.put(o.attrs().get("oid"), o);
                }
            }
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
            Map<String, DbObject> viewsByOid = new HashMap<>();
            for (DbObject o : objects.values()) {
                if (o.attrs().containsKey("oid")) {
                    viewsByOid.put(o.attrs().get("oid"), o);
                }
            }
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
            Map<String, DbObject> viewsByOid = new HashMap<>();
            for (DbObject o : objects.values()) {
                if (o.attrs().containsKey("oid")) {
                    viewsByOid.put(o.attrs().get("oid"), o);
                }
            }
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
                    objects.put("schema:" + s, new DbObject(Kind.SCHEMA, null, s, null, s, List.of("CREATE SCHEMA " + q(s)),
                            List.of("DROP SCHEMA " + q(s)), Set.of(), Map.of()));
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n "
                            + "ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1")) {
                while (rs.next()) {
                    String sch = rel(rs.getString(2), def);
                    String create = "CREATE EXTENSION IF NOT EXISTS " + q(rs.getString(1)) + (sch == null ? "" : " SCHEMA " + q(sch));
                    objects.put("extension:" + rs.getString(1), new DbObject(Kind.EXTENSION, null, rs.getString(1), null, create,
                            List.of(create), List.of("DROP EXTENSION " + q(rs.getString(1))), Set.of(), Map.of()));
                }
            }
        }
        return new DbSchema(name(), tables, objects);
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
        return sql.replace(" ON " + q(def) + ".", " ON ").replace(" ON ONLY " + q(def) + ".", " ON ONLY ");
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

    // ---- rendering

    private String columnDef(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ');
        String seq = c.extra().get("serial_sequence");
        if (seq != null) {
            sb.append(switch (c.type()) {
                case "bigint" -> "bigserial";
                case "smallint" -> "smallserial";
                default -> "serial";
            });
        } else {
            sb.append(c.type());
        }
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        } else if (c.identity() != null) {
            sb.append(" GENERATED ").append(c.identity()).append(" AS IDENTITY");
        } else if (c.defaultExpr() != null && seq == null) {
            sb.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (c.notNull() && seq == null && c.identity() == null) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    @Override
    int createPhase(Table t) {
        return Change.CREATE_TABLE + partitionDepth(t);
    }

    private static int partitionDepth(Table t) {
        return Integer.parseInt(t.options().getOrDefault("partition_depth", "0"));
    }

    @Override
    List<String> dropTable(Table t) {
        // a partition goes with its parent when both go
        return List.of((t.options().containsKey("partition_of") ? "DROP TABLE IF EXISTS " : "DROP TABLE ") + qn(t));
    }

    @Override
    List<String> createTable(Table t) {
        if (t.options().containsKey("partition_of")) {
            String[] p = splitKey(t.options().get("partition_of"));
            StringBuilder sb = new StringBuilder("CREATE TABLE " + qn(t) + " PARTITION OF " + qn(p[0], p[1]) + " "
                    + t.options().get("partition_bound"));
            if (t.options().containsKey("partition_by")) {
                sb.append(" PARTITION BY ").append(t.options().get("partition_by"));
            }
            List<String> out = new ArrayList<>();
            out.add(sb.toString());
            for (Constraint c : t.constraints()) {
                if (c.type() != ConstraintType.FOREIGN_KEY) {
                    out.add(addConstraint(t, c).get(0));
                }
            }
            out.addAll(comments(null, t));
            return out;
        }
        List<String> items = new ArrayList<>();
        for (Column c : t.columns().values()) {
            items.add(columnDef(c));
        }
        for (Constraint c : t.constraints()) {
            if (c.type() != ConstraintType.FOREIGN_KEY) {
                items.add("CONSTRAINT " + q(c.name()) + " " + c.definition());
            }
        }
        StringBuilder sb = new StringBuilder("CREATE ");
        if (t.options().containsKey("unlogged")) {
            sb.append("UNLOGGED ");
        }
        sb.append("TABLE ").append(qn(t)).append(" (\n    ").append(String.join(",\n    ", items)).append("\n)");
        if (t.options().containsKey("partition_by")) {
            sb.append(" PARTITION BY ").append(t.options().get("partition_by"));
        }
        if (t.options().containsKey("with")) {
            sb.append(" WITH (").append(t.options().get("with").replaceAll("^\\{|\\}$", "").replace("\"", "")).append(")");
        }
        List<String> out = new ArrayList<>();
        out.add(sb.toString());
        out.addAll(rowSecurity(null, t));
        out.addAll(comments(null, t));
        return out;
    }

    /** {@code ENABLE}/{@code FORCE ROW LEVEL SECURITY} from {@code from}'s setting (null: a new table) to {@code to}'s. */
    private List<String> rowSecurity(Table from, Table to) {
        String was = from == null ? null : from.options().get("row_security");
        String is = to.options().get("row_security");
        List<String> out = new ArrayList<>();
        if (Objects.equals(was, is)) {
            return out;
        }
        String a = "ALTER TABLE " + qn(to);
        out.add(a + (is == null ? " DISABLE" : " ENABLE") + " ROW LEVEL SECURITY");
        if ("force".equals(is) || "force".equals(was)) {
            out.add(a + ("force".equals(is) ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
        }
        return out;
    }

    private List<String> comments(Table from, Table to) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(from == null ? null : from.comment(), to.comment())) {
            out.add("COMMENT ON TABLE " + qn(to) + " IS " + (to.comment() == null ? "NULL" : Sql.literal(to.comment())));
        }
        for (Column c : to.columns().values()) {
            Column o = from == null ? null : from.columns().get(c.name());
            String before = o == null ? null : o.comment();
            if (!Objects.equals(before, c.comment())) {
                out.add("COMMENT ON COLUMN " + qn(to) + "." + q(c.name()) + " IS "
                        + (c.comment() == null ? "NULL" : Sql.literal(c.comment())));
            }
        }
        return out;
    }

    @Override
    List<String> addConstraint(Table t, Constraint c) {
        return List.of("ALTER TABLE " + qn(t) + " ADD CONSTRAINT " + q(c.name()) + " " + c.definition());
    }

    @Override
    List<String> dropConstraint(Table t, Constraint c) {
        return List.of("ALTER TABLE " + qn(t) + " DROP CONSTRAINT " + q(c.name()));
    }

    private static String[] splitKey(String key) {
        return key.contains(".") ? key.split("\\.", 2) : new String[] {null, key};
    }

    @Override
    void alterTable(Table from, Table to, TableChanges out) {
        String t = qn(to);
        String obj = to.key();
        String wasOf = from.options().get("partition_of");
        String isOf = to.options().get("partition_of");
        if (!Objects.equals(wasOf, isOf) || !Objects.equals(from.options().get("partition_bound"), to.options().get("partition_bound"))) {
            // rows stay: the table is detached and attached again under its new bound
            List<String> sql = new ArrayList<>();
            if (wasOf != null) {
                String[] p = splitKey(wasOf);
                sql.add("ALTER TABLE " + qn(p[0], p[1]) + " DETACH PARTITION " + t);
            }
            if (isOf != null) {
                String[] p = splitKey(isOf);
                sql.add("ALTER TABLE " + qn(p[0], p[1]) + " ATTACH PARTITION " + t + " " + to.options().get("partition_bound"));
            }
            out.add(Change.ADD_CONSTRAINT - 1, "modify_partition", obj, sql, false);
        }
        if (isOf != null) {
            // a partition's columns follow its parent's
            out.add(Change.COMMENT, "modify_comment", obj, comments(from, to), false);
            return;
        }
        if (!from.options().equals(to.options())) {
            if (!Objects.equals(from.options().get("partition_by"), to.options().get("partition_by"))) {
                throw new SchemaDiffException("Can't change the partitioning of table " + obj);
            }
            if (!Objects.equals(from.options().get("with"), to.options().get("with"))) {
                List<String> sql = new ArrayList<>();
                List<String> was = relOptions(from.options().get("with"));
                List<String> now = relOptions(to.options().get("with"));
                List<String> reset = was.stream().map(o -> o.split("=", 2)[0])
                        .filter(k -> now.stream().noneMatch(o -> o.startsWith(k + "="))).toList();
                if (!reset.isEmpty()) {
                    sql.add("ALTER TABLE " + t + " RESET (" + String.join(", ", reset) + ")");
                }
                if (!now.isEmpty()) {
                    sql.add("ALTER TABLE " + t + " SET (" + String.join(", ", now) + ")");
                }
                out.add(Change.ALTER_TABLE, "modify_table", obj, sql, false);
            }
            out.add(Change.ALTER_TABLE, "modify_table", obj, rowSecurity(from, to), false);
            if (!Objects.equals(from.options().get("unlogged"), to.options().get("unlogged"))) {
                out.add(Change.ALTER_TABLE, "modify_table", obj,
                        List.of("ALTER TABLE " + t + (to.options().containsKey("unlogged") ? " SET UNLOGGED" : " SET LOGGED")), false);
            }
        }
        for (Column c : from.columns().values()) {
            if (!to.columns().containsKey(c.name())) {
                out.add(Change.ALTER_TABLE, "remove_column", obj + "." + c.name(),
                        List.of("ALTER TABLE " + t + " DROP COLUMN " + q(c.name())), true);
                out.touchedColumns.add(c.name());
            }
        }
        // generated columns over columns whose type changes go before the change and come back after it
        Set<String> retyped = new java.util.HashSet<>();
        for (Column c : to.columns().values()) {
            Column o = from.columns().get(c.name());
            if (o != null && (!o.type().equals(c.type()) || !Objects.equals(o.collation(), c.collation()))) {
                retyped.add(c.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<Column> regenerated = new ArrayList<>();
        for (Column c : to.columns().values()) {
            Column o = from.columns().get(c.name());
            if (o != null && o.generated() != null && c.generated() != null && !retyped.isEmpty()
                    && Sql.names(o.generated()).stream().anyMatch(retyped::contains)) {
                regenerated.add(c);
                out.add(Change.ALTER_TABLE, "modify_generated", obj + "." + c.name(),
                        List.of("ALTER TABLE " + t + " DROP COLUMN " + q(c.name())), false);
                out.touchedColumns.add(c.name());
                out.recreatedColumns.add(c.name());
            }
        }
        for (Column c : to.columns().values()) {
            Column o = from.columns().get(c.name());
            String col = obj + "." + c.name();
            if (regenerated.contains(c)) {
                continue;
            }
            if (o == null) {
                out.add(Change.ALTER_TABLE, "add_column", col, List.of("ALTER TABLE " + t + " ADD COLUMN " + columnDef(c)), false);
                continue;
            }
            String ac = "ALTER TABLE " + t + " ALTER COLUMN " + q(c.name());
            if (!Objects.equals(o.generated(), c.generated())) {
                if (c.generated() == null && o.generated() != null) {
                    out.add(Change.ALTER_TABLE, "modify_generated", col, List.of(ac + " DROP EXPRESSION"), false);
                    o = new Column(o.name(), o.type(), o.notNull(), null, null, null, null, o.collation(), o.comment(), null, o.extra());
                } else {
                    out.add(Change.ALTER_TABLE, "modify_generated", col, List.of("ALTER TABLE " + t + " DROP COLUMN " + q(c.name()),
                            "ALTER TABLE " + t + " ADD COLUMN " + columnDef(c)), false);
                    out.touchedColumns.add(c.name());
                    continue;
                }
            }
            List<String> sql = new ArrayList<>();
            boolean typeChange = !o.type().equals(c.type()) || !Objects.equals(o.collation(), c.collation());
            String oldSeq = o.extra().get("serial_sequence");
            String newSeq = c.extra().get("serial_sequence");
            boolean defaultChange = !Objects.equals(o.defaultExpr(), c.defaultExpr());
            if (o.identity() != null && c.identity() == null) {
                sql.add(ac + " DROP IDENTITY");
            }
            if (o.defaultExpr() != null && (defaultChange || typeChange)) {
                sql.add(ac + " DROP DEFAULT");
            }
            if (typeChange) {
                sql.add(ac + " TYPE " + c.type() + (c.collation() == null ? "" : " COLLATE " + c.collation())
                        + (o.type().equals(c.type()) ? "" : " USING " + q(c.name()) + "::" + c.type()));
                out.touchedColumns.add(c.name());
            }
            if (oldSeq != null && !Objects.equals(oldSeq, newSeq) && (newSeq == null || !defaultChange)) {
                sql.add("DROP SEQUENCE " + qn(to.schema(), oldSeq));
            }
            if (newSeq != null && !newSeq.equals(oldSeq)) {
                String seq = qn(to.schema(), newSeq);
                sql.add("CREATE SEQUENCE " + seq + " AS " + c.type() + " OWNED BY " + t + "." + q(c.name()));
                sql.add("SELECT setval('" + seq.replace("'", "''") + "', COALESCE(MAX(" + q(c.name()) + "), 0) + 1, false) FROM " + t);
            }
            if (c.defaultExpr() != null && (defaultChange || typeChange)) {
                sql.add(ac + " SET DEFAULT " + c.defaultExpr());
            }
            if (c.notNull() && !o.notNull()) {
                if (c.defaultExpr() != null && newSeq == null) {
                    sql.add("UPDATE " + t + " SET " + q(c.name()) + " = DEFAULT WHERE " + q(c.name()) + " IS NULL");
                }
                sql.add(ac + " SET NOT NULL");
            } else if (!c.notNull() && o.notNull()) {
                sql.add(ac + " DROP NOT NULL");
            }
            if (c.identity() != null && o.identity() == null) {
                sql.add(ac + " ADD GENERATED " + c.identity() + " AS IDENTITY");
                sql.add("SELECT setval(pg_get_serial_sequence('" + t.replace("'", "''") + "', '" + c.name().replace("'", "''")
                        + "'), COALESCE(MAX(" + q(c.name()) + "), 0) + 1, false) FROM " + t);
            } else if (c.identity() != null && !c.identity().equals(o.identity())) {
                sql.add(ac + " SET GENERATED " + c.identity());
            }
            if (typeChange && newSeq != null && newSeq.equals(oldSeq)) {
                sql.add("ALTER SEQUENCE " + qn(to.schema(), newSeq) + " AS " + c.type()); // serial to bigserial and back
            }
            boolean destructive = typeChange && narrows(o.type(), c.type());
            out.add(Change.ALTER_TABLE, typeChange ? "modify_type" : defaultChange ? "modify_default" : "modify_column", col, sql,
                    destructive);
        }
        for (Column c : regenerated) {
            out.add(Change.ALTER_TABLE, "modify_generated", obj + "." + c.name(),
                    List.of("ALTER TABLE " + t + " ADD COLUMN " + columnDef(c)), false);
        }
        out.add(Change.COMMENT, "modify_comment", obj, comments(from, to), false);
    }

    /** The {@code key=value} items of a {@code reloptions} array's text ({@code {fillfactor=70,...}}), or none. */
    private static List<String> relOptions(String text) {
        if (text == null) {
            return List.of();
        }
        String body = text.replaceAll("^\\{|\\}$", "").replace("\"", "");
        return body.isEmpty() ? List.of() : List.of(body.split(","));
    }

    /** Whether a type change may lose data: anything but a known widening. */
    static boolean narrows(String from, String to) {
        if (to.equals("text")) {
            return false;
        }
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("(character varying|varchar|numeric)\\((\\d+)(?:,(\\d+))?\\)").matcher(from);
        java.util.regex.Matcher b = java.util.regex.Pattern.compile("(character varying|varchar|numeric)\\((\\d+)(?:,(\\d+))?\\)").matcher(to);
        if (a.matches() && b.matches() && a.group(1).equals(b.group(1))) {
            return Integer.parseInt(b.group(2)) < Integer.parseInt(a.group(2));
        }
        List<String> ints = List.of("smallint", "integer", "bigint");
        if (ints.contains(from) && ints.contains(to)) {
            return ints.indexOf(to) < ints.indexOf(from);
        }
        return !(from.startsWith("character varying") && to.equals("character varying"));
    }

    private static String returns(DbObject function) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ RETURNS (.*)$").matcher(function.create().get(0));
        return m.find() ? m.group(1).strip() : null;
    }

    private static long bound(DbObject seq, String word) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" " + word + " (-?\\d+)").matcher(seq.attrs().get("options"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static boolean appendsOnly(DbObject from, DbObject to) {
        if (!from.attrs().containsKey("enum") || !to.attrs().containsKey("enum")) {
            return false;
        }
        List<String> a = List.of(from.attrs().get("enum").split("\u0000", -1));
        List<String> b = List.of(to.attrs().get("enum").split("\u0000", -1));
        return b.containsAll(a) && b.stream().filter(a::contains).toList().equals(a);
    }

    private static List<String> attributes(DbObject t) {
        String a = t.attrs().get("attributes");
        return a == null || a.isEmpty() ? List.of() : List.of(a.split("\u0000"));
    }

    private static String attributeName(String attribute) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\"(?:[^\"]|\"\")*\"|\\S+) ").matcher(attribute);
        return m.find() ? m.group(1) : attribute;
    }

    /**
     * A composite type altered in place: attributes dropped, or added after the last kept one
     * (anything that moves or retypes an attribute remakes the type).
     */
    private static List<String> alterComposite(DbObject from, DbObject to, String qn) {
        List<String> a = attributes(from);
        List<String> b = attributes(to);
        List<String> an = a.stream().map(PostgresSchema::attributeName).toList();
        List<String> bn = b.stream().map(PostgresSchema::attributeName).toList();
        List<String> keptA = an.stream().filter(bn::contains).toList();
        List<String> keptB = bn.stream().filter(an::contains).toList();
        if (!keptA.equals(keptB)) {
            return null;
        }
        int lastKept = keptB.isEmpty() ? -1 : bn.indexOf(keptB.get(keptB.size() - 1));
        List<String> parts = new ArrayList<>();
        for (String n : an) {
            if (!bn.contains(n)) {
                parts.add("DROP ATTRIBUTE " + n);
            }
        }
        for (int i = 0; i < b.size(); i++) {
            String n = bn.get(i);
            int j = an.indexOf(n);
            if (j < 0) {
                if (i < lastKept) {
                    return null;
                }
                parts.add("ADD ATTRIBUTE " + b.get(i));
            } else if (!a.get(j).equals(b.get(i))) {
                return null; // PostgreSQL refuses ALTER ATTRIBUTE ... TYPE while a column uses the type
            }
        }
        return parts.isEmpty() ? List.of() : List.of("ALTER TYPE " + qn + " " + String.join(", ", parts));
    }

    @Override
    boolean recreatesType(DbObject from, DbObject to) {
        if (from.attrs().containsKey("attributes") && to.attrs().containsKey("attributes")) {
            return alterComposite(from, to, "") == null;
        }
        if (from.attrs().containsKey("base") && to.attrs().containsKey("base")) {
            return !from.attrs().get("base").equals(to.attrs().get("base"));
        }
        return !appendsOnly(from, to);
    }

    /** A domain with the same base type altered in place: default, not null, constraints by name. */
    private List<String> alterDomain(DbObject from, DbObject to) {
        String qn = "ALTER DOMAIN " + qn(to.schema(), to.name());
        List<String> out = new ArrayList<>();
        String d = to.attrs().get("default");
        if (!from.attrs().get("default").equals(d)) {
            out.add(qn + (d.isEmpty() ? " DROP DEFAULT" : " SET DEFAULT " + d));
        }
        if (!from.attrs().get("notnull").equals(to.attrs().get("notnull"))) {
            out.add(qn + (Boolean.parseBoolean(to.attrs().get("notnull")) ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        List<String> a = from.attrs().get("checks").isEmpty() ? List.of() : List.of(from.attrs().get("checks").split("\u0000"));
        List<String> b = to.attrs().get("checks").isEmpty() ? List.of() : List.of(to.attrs().get("checks").split("\u0000"));
        for (String k : a) {
            if (!b.contains(k)) {
                // "CONSTRAINT name CHECK (...)": the name is the second word, as quote_ident wrote it
                out.add(qn + " DROP CONSTRAINT " + domainConstraintName(k));
            }
        }
        for (String k : b) {
            if (!a.contains(k)) {
                out.add(qn + " ADD " + k);
            }
        }
        return out;
    }

    private static String domainConstraintName(String k) {
        String rest = k.substring("CONSTRAINT ".length());
        if (rest.startsWith("\"")) {
            int i = 1;
            while (i < rest.length()) {
                if (rest.charAt(i) == '"' && (i + 1 >= rest.length() || rest.charAt(i + 1) != '"')) {
                    break;
                }
                i += rest.charAt(i) == '"' ? 2 : 1;
            }
            return rest.substring(0, i + 1);
        }
        return rest.substring(0, rest.indexOf(' '));
    }

    @Override
    Set<String> typeUsers(DbSchema s, DbObject type) {
        Set<String> out = new TreeSet<>();
        for (Table t : s.tables().values()) {
            if (t.columns().values().stream().anyMatch(c -> isOfType(c, type))) {
                out.add(t.key());
            }
        }
        return out;
    }

    /** Whether column {@code c} has {@code type} or an array of it ({@code format_type}'s spelling). */
    private boolean isOfType(Column c, DbObject type) {
        String t = c.type().endsWith("[]") ? c.type().substring(0, c.type().length() - 2) : c.type();
        return t.equals(qn(type.schema(), type.name())) || t.equals(type.displayName());
    }

    /** Whether a deparsed definition mentions {@code type} (a cast such as {@code 'x'::mood}). */
    private boolean mentions(String definition, DbObject type) {
        return java.util.regex.Pattern.compile("::" + java.util.regex.Pattern.quote(qn(type.schema(), type.name())) + "(?![\\w\"])")
                .matcher(definition).find();
    }

    /**
     * Remaking enum {@code to} with its values removed or reordered (or a domain on another base type): the old type renamed, the new one
     * created, every column of the old type (arrays too) cast through text, the checks and indexes that
     * mention the type dropped around the change (PostgreSQL re-parses them against the old type
     * otherwise) and put back where the desired schema keeps them, the old type dropped.
     */
    private List<String> remakeEnum(DbObject to, DbSchema source, DbSchema target) {
        String dropType = to.attrs().containsKey("base") ? "DROP DOMAIN " : "DROP TYPE ";
        String qn = qn(to.schema(), to.name());
        String old = qn(to.schema(), to.name() + "__retort_old");
        List<String> out = new ArrayList<>();
        List<String> after = new ArrayList<>();
        out.add((to.attrs().containsKey("base") ? "ALTER DOMAIN " : "ALTER TYPE ") + qn + " RENAME TO " + q(to.name() + "__retort_old"));
        out.add(to.create().get(0));
        for (Table t : source.tables().values()) {
            List<Column> cols = t.columns().values().stream().filter(c -> isOfType(c, to)).toList();
            if (cols.isEmpty()) {
                continue;
            }
            Table desired = target.tables().get(t.key());
            for (Constraint k : t.constraints()) {
                if (k.type() == ConstraintType.CHECK && mentions(k.definition(), to)) {
                    out.add("ALTER TABLE " + qn(t) + " DROP CONSTRAINT IF EXISTS " + q(k.name()));
                    if (desired != null && desired.constraints().stream()
                            .anyMatch(d -> d.type() == k.type() && d.definition().equals(k.definition()))) {
                        after.add(addConstraint(t, k).get(0));
                    }
                }
            }
            for (DbObject i : source.objects().values()) {
                if (i.kind() == Kind.INDEX && t.key().equals(i.table()) && mentions(i.definition(), to)) {
                    out.add("DROP INDEX IF EXISTS " + qn(i.schema(), i.name()));
                    DbObject d = target.objects().get(i.key());
                    if (d != null && d.definition().equals(i.definition())) {
                        after.addAll(i.create());
                    }
                }
            }
            for (Column c : cols) {
                String ac = "ALTER TABLE " + qn(t) + " ALTER COLUMN " + q(c.name());
                String array = c.type().endsWith("[]") ? "[]" : "";
                Column want = desired == null ? null : desired.columns().get(c.name());
                if (c.defaultExpr() != null) {
                    out.add(ac + " DROP DEFAULT");
                }
                if (want == null || !want.type().equals(c.type())) {
                    // going away or to another type: through text, which the later change casts from
                    out.add(ac + " TYPE text" + array + " USING " + q(c.name()) + "::text" + array);
                    continue;
                }
                out.add(ac + " TYPE " + qn + array + " USING " + q(c.name()) + "::text" + array + "::" + qn + array);
                if (c.defaultExpr() != null && c.defaultExpr().equals(want.defaultExpr())) {
                    out.add(ac + " SET DEFAULT " + c.defaultExpr());
                }
            }
        }
        out.addAll(after);
        out.add(dropType + old);
        return out;
    }

    @Override
    List<String> alterObject(DbObject from, DbObject to, DbSchema source, DbSchema target) {
        List<String> body = alterBody(from, to, source, target);
        String comment = to.attrs().get("comment");
        boolean remade = to.kind() == Kind.TYPE && recreatesType(from, to);
        if (body == null || to.attrs().get("comment_on") == null
                || Objects.equals(from.attrs().get("comment"), comment) && !(remade && comment != null)) {
            return body;
        }
        List<String> out = new ArrayList<>(body);
        out.add("COMMENT ON " + to.attrs().get("comment_on") + " IS " + (comment == null ? "NULL" : Sql.literal(comment)));
        return out;
    }

    private List<String> alterBody(DbObject from, DbObject to, DbSchema source, DbSchema target) {
        if (from.kind() == Kind.SEQUENCE) {
            // bounds that tighten may leave the current value outside: the sequence starts again at its start
            boolean tighter = bound(to, "MINVALUE") > bound(from, "MINVALUE") || bound(to, "MAXVALUE") < bound(from, "MAXVALUE");
            return List.of("ALTER SEQUENCE " + qn(to.schema(), to.name()) + to.attrs().get("options") + (tighter ? " RESTART" : ""));
        }
        if (from.kind() == Kind.FUNCTION && from.create().get(0).startsWith("CREATE OR REPLACE")) {
            // CREATE OR REPLACE cannot change what a function returns: that is a drop and a create
            return Objects.equals(returns(from), returns(to)) ? List.of(to.create().get(0)) : null;
        }
        if (from.kind() == Kind.VIEW && from.attrs().containsKey("oid")) {
            return null;
        }
        if (from.kind() == Kind.TYPE && from.attrs().containsKey("enum") && to.attrs().containsKey("enum")) {
            List<String> a = List.of(from.attrs().get("enum").split("\u0000", -1));
            List<String> b = List.of(to.attrs().get("enum").split("\u0000", -1));
            // values only added: ALTER TYPE ... ADD VALUE in place
            if (b.containsAll(a) && b.stream().filter(a::contains).toList().equals(a)) {
                List<String> out = new ArrayList<>();
                List<String> cur = new ArrayList<>(a);
                for (int i = 0; i < b.size(); i++) {
                    String v = b.get(i);
                    if (!cur.contains(v)) {
                        String where = i == 0 ? " BEFORE " + Sql.literal(cur.isEmpty() ? v : cur.get(0))
                                : " AFTER " + Sql.literal(b.get(i - 1));
                        out.add("ALTER TYPE " + qn(to.schema(), to.name()) + " ADD VALUE " + Sql.literal(v)
                                + (cur.isEmpty() ? "" : where));
                        cur.add(i, v);
                    }
                }
                return out;
            }
            return remakeEnum(to, source, target); // values removed or reordered
        }
        if (from.kind() == Kind.TYPE && from.attrs().containsKey("attributes") && to.attrs().containsKey("attributes")) {
            List<String> in = alterComposite(from, to, qn(to.schema(), to.name()));
            return in != null ? in : remakeEnum(to, source, target);
        }
        if (from.kind() == Kind.TYPE && from.attrs().containsKey("base") && to.attrs().containsKey("base")) {
            if (!recreatesType(from, to)) {
                return alterDomain(from, to);
            }
            return remakeEnum(to, source, target);
        }
        return null;
    }
}
