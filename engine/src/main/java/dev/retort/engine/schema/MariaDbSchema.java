package dev.retort.engine.schema;

import dev.retort.engine.schema.SchemaModel.Column;
import dev.retort.engine.schema.SchemaModel.Constraint;
import dev.retort.engine.schema.SchemaModel.ConstraintType;
import dev.retort.engine.schema.SchemaModel.DbObject;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.SchemaModel.Kind;
import dev.retort.engine.schema.SchemaModel.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * MariaDB/MySQL: a fixed number of {@code information_schema} queries over the current database
 * (one more for the options of all sequences together). Columns
 * are altered with {@code MODIFY COLUMN} and their full definition (character set and
 * collation always spelt out, so that both sides agree whatever the table default); unique
 * constraints are unique indexes; the database's name is taken out of view definitions so that
 * two databases compare by content.
 */
final class MariaDbSchema extends SchemaFamily {

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    boolean dropIndexesLate() {
        return true;
    }

    @Override
    String q(String ident) {
        return Sql.quoteBacktick(ident);
    }

    @Override
    String withDatabase(String jdbcUrl, String db) {
        return jdbcUrl.replaceFirst("^(jdbc:mariadb://[^/?]*/)[^?]*", "$1" + db);
    }

    private static List<String[]> rows(Connection c, String sql, int cols) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String[] r = new String[cols];
                for (int i = 0; i < cols; i++) {
                    r[i] = rs.getString(i + 1);
                }
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public DbSchema read(Connection c, Scope scope) throws SQLException {
        String db;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            db = rs.getString(1);
        }
        String dbq = Sql.literal(db);
        String strip = "`" + db.replace("`", "``") + "`.";
        Map<String, Table> tables = new TreeMap<>();
        Map<String, DbObject> objects = new TreeMap<>();
        Set<String> views = new java.util.HashSet<>();
        List<String> sequences = new ArrayList<>();
        for (String[] r : rows(c, "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT, CREATE_OPTIONS FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = " + dbq + " ORDER BY TABLE_NAME", 6)) {
            if (r[1].equals("VIEW")) {
                views.add(r[0]);
                continue;
            }
            if (r[1].equals("SEQUENCE")) {
                if (scope.includes(null, r[0])) {
                    sequences.add(r[0]);
                }
                continue;
            }
            if (!r[1].equals("BASE TABLE") || !scope.includes(null, r[0])) {
                continue;
            }
            Map<String, String> opts = new TreeMap<>();
            opts.put("engine", Objects.toString(r[2], ""));
            opts.put("collation", Objects.toString(r[3], ""));
            for (String o : Objects.toString(r[5], "").split(" ")) {
                if (o.contains("=") && !o.startsWith("partitioned")) {
                    String[] kv = o.split("=", 2);
                    opts.put("option " + kv[0].toUpperCase(Locale.ROOT), kv[1]); // ROW_FORMAT, KEY_BLOCK_SIZE, STATS_*...
                }
            }
            tables.put(r[0], new Table(null, r[0], new LinkedHashMap<>(), new ArrayList<>(), opts,
                    r[4] == null || r[4].isEmpty() ? null : r[4], null));
        }
        for (String[] r : rows(c, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
                + "CHARACTER_SET_NAME, COLLATION_NAME, GENERATION_EXPRESSION, COLUMN_COMMENT FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = " + dbq + " ORDER BY TABLE_NAME, ORDINAL_POSITION", 10)) {
            Table t = tables.get(r[0]);
            if (t == null) {
                continue;
            }
            String extra = Objects.toString(r[5], "").toLowerCase(Locale.ROOT);
            String gen = extra.contains("generated") ? r[8] : null;
            String genKind = gen == null ? null : extra.contains("stored") || extra.contains("persistent") ? "PERSISTENT" : "VIRTUAL";
            Map<String, String> ex = new HashMap<>();
            if (r[6] != null) {
                ex.put("charset", r[6]);
            }
            java.util.regex.Matcher onUpdate = java.util.regex.Pattern.compile("on update (\\S+)").matcher(extra);
            if (onUpdate.find()) {
                ex.put("on_update", onUpdate.group(1));
            }
            if (extra.contains("invisible")) {
                ex.put("invisible", "true");
            }
            String dflt = gen != null ? null : r[4] == null ? null : r[4].replace(strip, "");
            if ("NULL".equals(dflt) && "YES".equals(r[3])) {
                dflt = null; // "DEFAULT NULL" and no default read the same
            }
            t.columns().put(r[1], new Column(r[1], r[2], "NO".equals(r[3]), dflt,
                    extra.contains("auto_increment") ? "auto_increment" : null, gen, genKind, r[7],
                    r[9] == null || r[9].isEmpty() ? null : r[9], null, ex));
        }
        // indexes (unique constraints are unique indexes)
        Map<String, List<String[]>> idx = new LinkedHashMap<>();
        for (String[] r : rows(c, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION, INDEX_COMMENT, IGNORED "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " + dbq + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", 9)) {
            if (tables.containsKey(r[0])) {
                idx.computeIfAbsent(r[0] + "\u0000" + r[1], k -> new ArrayList<>()).add(r);
            }
        }
        for (List<String[]> parts : idx.values()) {
            String[] f = parts.get(0);
            String table = f[0];
            String name = f[1];
            List<String> cols = new ArrayList<>();
            for (String[] p : parts) {
                // SPATIAL keys report a SUB_PART the statement may not repeat
                cols.add(q(p[3]) + (p[4] == null || "SPATIAL".equals(p[5]) ? "" : "(" + p[4] + ")") + ("D".equals(p[6]) ? " DESC" : ""));
            }
            if (name.equals("PRIMARY")) {
                tables.get(table).constraints().add(new Constraint("PRIMARY", ConstraintType.PRIMARY_KEY,
                        "PRIMARY KEY (" + String.join(", ", cols) + ")", parts.stream().map(p -> p[3]).toList(), null, List.of()));
                continue;
            }
            String kind = "FULLTEXT".equals(f[5]) ? "FULLTEXT " : "SPATIAL".equals(f[5]) ? "SPATIAL " : "0".equals(f[2]) ? "UNIQUE " : "";
            String using = ("HASH".equals(f[5]) ? " USING HASH" : "")
                    + (f[7] == null || f[7].isEmpty() ? "" : " COMMENT " + Sql.literal(f[7])) + ("YES".equals(f[8]) ? " IGNORED" : "");
            String def = kind + "INDEX ON " + q(table) + " (" + String.join(", ", cols) + ")" + using;
            String create = "CREATE " + kind + "INDEX " + q(name) + " ON " + q(table) + " (" + String.join(", ", cols) + ")" + using;
            String replace = "ALTER TABLE " + q(table) + " DROP INDEX IF EXISTS " + q(name) + ", ADD " + kind + "INDEX " + q(name)
                    + " (" + String.join(", ", cols) + ")" + using;
            objects.put("index:" + table + "." + name, new DbObject(Kind.INDEX, null, table + "." + name, table, def, List.of(create),
                    List.of("DROP INDEX IF EXISTS " + q(name) + " ON " + q(table)), Set.of(), Map.of("name", name, "replace", replace)));
        }
        // foreign keys
        Map<String, String[]> rules = new HashMap<>();
        for (String[] r : rows(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = " + dbq, 4)) {
            rules.put(r[0] + "\u0000" + r[1], r);
        }
        Map<String, List<String[]>> fks = new LinkedHashMap<>();
        for (String[] r : rows(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME "
                + "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = " + dbq
                + " AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", 5)) {
            if (tables.containsKey(r[0])) {
                fks.computeIfAbsent(r[0] + "\u0000" + r[1], k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<String[]>> e : fks.entrySet()) {
            List<String[]> parts = e.getValue();
            String[] f = parts.get(0);
            String[] rule = rules.getOrDefault(e.getKey(), new String[] {null, null, "RESTRICT", "RESTRICT"});
            List<String> cols = parts.stream().map(p -> p[2]).toList();
            List<String> refCols = parts.stream().map(p -> p[4]).toList();
            String def = "FOREIGN KEY (" + String.join(", ", cols.stream().map(this::q).toList()) + ") REFERENCES " + q(f[3])
                    + " (" + String.join(", ", refCols.stream().map(this::q).toList()) + ") ON DELETE " + rule[3] + " ON UPDATE " + rule[2];
            tables.get(f[0]).constraints().add(new Constraint(f[1], ConstraintType.FOREIGN_KEY, def, cols, f[3], refCols));
        }
        for (String[] r : rows(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM information_schema.CHECK_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = " + dbq + " ORDER BY TABLE_NAME, CONSTRAINT_NAME", 4)) {
            if (tables.containsKey(r[0]) && "Column".equals(r[3]) && tables.get(r[0]).columns().containsKey(r[1])) {
                // a column-level check belongs to the column's definition: MODIFY COLUMN keeps or drops it
                tables.get(r[0]).columns().get(r[1]).extra().put("check", r[2]);
            } else if (tables.containsKey(r[0])) {
                tables.get(r[0]).constraints().add(new Constraint(r[1], ConstraintType.CHECK, "CHECK (" + r[2] + ")", List.of(), null, List.of()));
            }
        }
        sequences(c, sequences, objects);
        Set<String> rels = new java.util.HashSet<>(tables.keySet());
        rels.addAll(views);
        for (String[] r : rows(c, "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, ALGORITHM, SECURITY_TYPE FROM information_schema.VIEWS "
                + "WHERE TABLE_SCHEMA = " + dbq + " ORDER BY TABLE_NAME", 5)) {
            if (!scope.includes(null, r[0])) {
                continue;
            }
            String body = r[1].replace(strip, "");
            String create = "CREATE " + (r[3] == null || r[3].equals("UNDEFINED") ? "" : "ALGORITHM=" + r[3] + " ")
                    + ("INVOKER".equals(r[4]) ? "SQL SECURITY INVOKER " : "")
                    + "VIEW " + q(r[0]) + " AS " + body + (r[2] == null || r[2].equals("NONE") ? "" : " WITH " + r[2] + " CHECK OPTION");
            objects.put("view:" + r[0], new DbObject(Kind.VIEW, null, r[0], null, create, List.of(create),
                    List.of("DROP VIEW " + q(r[0])), refs(body, rels, r[0]), Map.of()));
        }
        // Triggers of one table, timing and event fire in ACTION_ORDER, and a trigger created without
        // FOLLOWS/PRECEDES goes last: each one's definition carries its whole group, so that any change
        // in a group drops and creates the group again, in order.
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        for (String[] r : rows(c, "SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_STATEMENT, ACTION_ORDER "
                + "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + dbq
                + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER", 6)) {
            if (tables.containsKey(r[3])) {
                groups.computeIfAbsent(r[3] + "\u0000" + r[1] + "\u0000" + r[2], k -> new ArrayList<>()).add(r);
            }
        }
        for (List<String[]> group : groups.values()) {
            List<String> creates = group.stream()
                    .map(r -> "CREATE TRIGGER " + q(r[0]) + " " + r[1] + " " + r[2] + " ON " + q(r[3]) + " FOR EACH ROW " + r[4]).toList();
            String order = group.size() == 1 ? "" : "\n-- trigger order: " + String.join("\n", creates);
            for (int i = 0; i < group.size(); i++) {
                String[] r = group.get(i);
                Set<String> refs = new java.util.TreeSet<>(refs(r[4], rels, r[3]));
                refs.add(r[3]);
                objects.put("trigger:" + r[0], new DbObject(Kind.TRIGGER, null, r[0], r[3], creates.get(i) + order,
                        List.of(creates.get(i)), List.of("DROP TRIGGER " + q(r[0])), refs, Map.of("action_order", String.valueOf(i + 1))));
            }
        }
        Map<String, List<String[]>> params = new HashMap<>();
        for (String[] r : rows(c, "SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER "
                + "FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = " + dbq + " AND ORDINAL_POSITION > 0 "
                + "ORDER BY SPECIFIC_NAME, ORDINAL_POSITION", 5)) {
            params.computeIfAbsent(r[1] + "\u0000" + r[0], k -> new ArrayList<>()).add(r);
        }
        for (String[] r : rows(c, "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC, "
                + "SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = " + dbq
                + " ORDER BY ROUTINE_NAME", 8)) {
            boolean fn = r[1].equals("FUNCTION");
            List<String> ps = new ArrayList<>();
            for (String[] p : params.getOrDefault(r[1] + "\u0000" + r[0], List.of())) {
                ps.add((fn || p[2] == null ? "" : p[2] + " ") + q(p[3]) + " " + p[4]);
            }
            String create = "CREATE " + r[1] + " " + q(r[0]) + "(" + String.join(", ", ps) + ")"
                    + (fn ? " RETURNS " + r[2] : "") + ("YES".equals(r[4]) ? " DETERMINISTIC" : "")
                    + (r[5] == null || r[5].equals("CONTAINS SQL") ? "" : " " + r[5])
                    + ("INVOKER".equals(r[6]) ? " SQL SECURITY INVOKER" : "")
                    + (r[7] == null || r[7].isEmpty() ? "" : " COMMENT " + Sql.literal(r[7])) + "\n" + r[3];
            objects.put("function:" + r[0], new DbObject(Kind.FUNCTION, null, r[0], null, create, List.of(create),
                    List.of("DROP " + r[1] + " " + q(r[0])), Set.of(), Map.of()));
        }
        return new DbSchema(name(), tables, objects);
    }

    /** Sequences' options, all read in one query. */
    private void sequences(Connection c, List<String> names, Map<String, DbObject> objects) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            parts.add("SELECT " + Sql.literal(n) + ", start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM " + q(n));
        }
        for (String[] r : rows(c, String.join(" UNION ALL ", parts), 7)) {
            String opts = " INCREMENT BY " + r[4] + " MINVALUE " + r[2] + " MAXVALUE " + r[3] + " START WITH " + r[1]
                    + ("0".equals(r[5]) ? " NOCACHE" : " CACHE " + r[5]) + ("1".equals(r[6]) ? " CYCLE" : " NOCYCLE");
            objects.put("sequence:" + r[0], new DbObject(Kind.SEQUENCE, null, r[0], null, opts,
                    List.of("CREATE SEQUENCE " + q(r[0]) + opts), List.of("DROP SEQUENCE " + q(r[0])), Set.of(), Map.of("options", opts)));
        }
    }

    @Override
    List<String> alterObject(DbObject from, DbObject to, DbSchema source, DbSchema target) {
        if (from.kind() == Kind.SEQUENCE) {
            return List.of("ALTER SEQUENCE " + q(to.name()) + to.attrs().get("options"));
        }
        if (from.kind() == Kind.INDEX && from.definition().replace(" IGNORED", "").equals(to.definition().replace(" IGNORED", ""))) {
            return List.of("ALTER TABLE " + q(to.table()) + " ALTER INDEX " + q(to.attrs().get("name"))
                    + (to.definition().endsWith(" IGNORED") ? " IGNORED" : " NOT IGNORED"));
        }
        if (from.kind() == Kind.INDEX && to.attrs().containsKey("replace") && Objects.equals(from.table(), to.table())) {
            // one statement, so that a foreign key needing the index always has one
            return List.of(to.attrs().get("replace"));
        }
        return null;
    }

    private static Set<String> refs(String sql, Set<String> rels, String self) {
        Set<String> out = new java.util.TreeSet<>();
        Set<String> names = Sql.names(sql);
        for (String r : rels) {
            if (!r.equals(self) && names.contains(r.toLowerCase(Locale.ROOT))) {
                out.add(r);
            }
        }
        return out;
    }

    // ---- rendering

    private String columnDef(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name())).append(' ').append(c.type());
        if (c.extra().containsKey("charset") && c.collation() != null) {
            sb.append(" CHARACTER SET ").append(c.extra().get("charset")).append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") ").append(c.generatedKind());
        } else {
            sb.append(c.notNull() ? " NOT NULL" : " NULL");
            if (c.defaultExpr() != null) {
                sb.append(" DEFAULT ").append(defaultSql(c.defaultExpr()));
            }
            if (c.extra().containsKey("on_update")) {
                sb.append(" ON UPDATE ").append(c.extra().get("on_update"));
            }
            if (c.identity() != null) {
                sb.append(" AUTO_INCREMENT");
            }
        }
        if (c.extra().containsKey("invisible")) {
            sb.append(" INVISIBLE");
        }
        if (c.extra().containsKey("check")) {
            sb.append(" CHECK (").append(c.extra().get("check")).append(")");
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(Sql.literal(c.comment()));
        }
        return sb.toString();
    }

    private String tableOptions(Table t) {
        StringBuilder sb = new StringBuilder();
        if (!t.options().getOrDefault("engine", "").isEmpty()) {
            sb.append(" ENGINE=").append(t.options().get("engine"));
        }
        if (!t.options().getOrDefault("collation", "").isEmpty()) {
            sb.append(" DEFAULT COLLATE=").append(t.options().get("collation"));
        }
        t.options().forEach((k, v) -> {
            if (k.startsWith("option ")) {
                sb.append(' ').append(k.substring(7)).append('=').append(v);
            }
        });
        return sb.toString();
    }

    /** {@code COLUMN_DEFAULT} holds literals as written and expressions bare: expressions need parentheses back. */
    static String defaultSql(String d) {
        if (d.matches("-?[0-9.]+(e-?[0-9]+)?|'.*'|NULL|(?i)current_timestamp(\\(\\d*\\))?|b'[01]*'")) {
            return d;
        }
        return "(" + d + ")";
    }

    @Override
    List<String> createTable(Table t) {
        List<String> items = new ArrayList<>();
        for (Column c : t.columns().values()) {
            items.add(columnDef(c));
        }
        for (Constraint c : t.constraints()) {
            if (c.type() == ConstraintType.PRIMARY_KEY) {
                items.add(c.definition());
            } else if (c.type() == ConstraintType.CHECK) {
                items.add("CONSTRAINT " + q(c.name()) + " " + c.definition());
            }
        }
        // an auto-increment column must be a key when the table is created
        boolean autoInc = t.columns().values().stream().anyMatch(c -> c.identity() != null);
        boolean pk = t.constraints().stream().anyMatch(c -> c.type() == ConstraintType.PRIMARY_KEY);
        if (autoInc && !pk) {
            throw new SchemaDiffException("Can't create table " + t.name() + ": auto_increment column without a primary key");
        }
        return List.of("CREATE TABLE " + q(t.name()) + " (\n    " + String.join(",\n    ", items) + "\n)" + tableOptions(t)
                + (t.comment() == null ? "" : " COMMENT=" + Sql.literal(t.comment())));
    }

    @Override
    List<String> addConstraint(Table t, Constraint c) {
        return switch (c.type()) {
            case PRIMARY_KEY -> List.of("ALTER TABLE " + q(t.name()) + " ADD " + c.definition());
            // a generated name stays generated: named, the key's implicit index would take the name too
            case FOREIGN_KEY -> c.name().matches(java.util.regex.Pattern.quote(t.name()) + "_ibfk_\\d+")
                    ? List.of("ALTER TABLE " + q(t.name()) + " ADD " + c.definition())
                    : List.of("ALTER TABLE " + q(t.name()) + " ADD CONSTRAINT " + q(c.name()) + " " + c.definition());
            default -> List.of("ALTER TABLE " + q(t.name()) + " ADD CONSTRAINT " + q(c.name()) + " " + c.definition());
        };
    }

    @Override
    List<String> dropConstraint(Table t, Constraint c) {
        return switch (c.type()) {
            case PRIMARY_KEY -> List.of("ALTER TABLE " + q(t.name()) + " DROP PRIMARY KEY");
            case FOREIGN_KEY -> List.of("ALTER TABLE " + q(t.name()) + " DROP FOREIGN KEY " + q(c.name()));
            default -> List.of("ALTER TABLE " + q(t.name()) + " DROP CONSTRAINT " + q(c.name()));
        };
    }

    @Override
    void alterTable(Table from, Table to, TableChanges out) {
        String t = "ALTER TABLE " + q(to.name());

        if (!Objects.equals(from.options().get("collation"), to.options().get("collation"))) {
            out.add(Change.ALTER_TABLE, "modify_table", to.name(), List.of(t + " DEFAULT COLLATE=" + to.options().get("collation")), false);
        }
        List<String> options = new ArrayList<>();
        to.options().forEach((k, v) -> {
            if (k.startsWith("option ") && !v.equals(from.options().get(k))) {
                options.add(k.substring(7) + "=" + v);
            }
        });
        from.options().forEach((k, v) -> {
            if (k.startsWith("option ") && !to.options().containsKey(k)) {
                String o = k.substring(7);
                options.add(o + (Set.of("KEY_BLOCK_SIZE", "CHECKSUM", "DELAY_KEY_WRITE", "MIN_ROWS", "MAX_ROWS", "AVG_ROW_LENGTH")
                        .contains(o) ? "=0" : "=DEFAULT"));
            }
        });
        if (!Objects.equals(from.options().get("engine"), to.options().get("engine"))) {
            // one statement: options set after the move read as explicit (Aria then adds PAGE_CHECKSUM=1)
            options.add(0, "ENGINE=" + to.options().get("engine"));
        }
        if (!options.isEmpty()) {
            out.add(Change.ALTER_TABLE, "modify_table", to.name(), List.of(t + " " + String.join(" ", options)), false);
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            out.add(Change.COMMENT, "modify_comment", to.name(), List.of(t + " COMMENT=" + Sql.literal(Objects.toString(to.comment(), ""))), false);
        }
        for (Column c : from.columns().values()) {
            if (!to.columns().containsKey(c.name())) {
                out.add(Change.ALTER_TABLE, "remove_column", to.name() + "." + c.name(), List.of(t + " DROP COLUMN " + q(c.name())), true);
                out.touchedColumns.add(c.name());
            }
        }
        for (Column c : to.columns().values()) {
            Column o = from.columns().get(c.name());
            String col = to.name() + "." + c.name();
            if (o == null) {
                List<String> sql = new ArrayList<>();
                sql.add(t + " ADD COLUMN " + columnDef(c));
                out.add(Change.ALTER_TABLE, "add_column", col, sql, false);
            } else if (!o.equals(c)) {
                List<String> sql = new ArrayList<>();
                if (c.notNull() && !o.notNull() && c.defaultExpr() != null && c.generated() == null) {
                    sql.add("UPDATE " + q(to.name()) + " SET " + q(c.name()) + " = " + defaultSql(c.defaultExpr()) + " WHERE " + q(c.name()) + " IS NULL");
                }
                if (!Objects.equals(o.generated(), c.generated()) || !Objects.equals(o.generatedKind(), c.generatedKind())) {
                    sql.add(t + " DROP COLUMN " + q(c.name()));
                    sql.add(t + " ADD COLUMN " + columnDef(c));
                    out.recreatedColumns.add(c.name());
                } else {
                    sql.add(t + " MODIFY COLUMN " + columnDef(c));
                }
                boolean typeChange = !o.type().equals(c.type()) || !Objects.equals(o.collation(), c.collation());
                if (typeChange) {
                    out.touchedColumns.add(c.name());
                }
                // an auto-increment column must lead a key: it stops being one before keys are dropped,
                // and becomes one once the new keys exist
                int phase = o.identity() != null && c.identity() == null ? Change.DROP_CONSTRAINT - 1
                        : o.identity() == null && c.identity() != null ? Change.CREATE_INDEX + 5 : Change.ALTER_TABLE;
                out.add(phase, typeChange ? "modify_type" : "modify_column", col, sql,
                        typeChange && PostgresSchema.narrows(o.type(), c.type()));
            }
        }
    }
}
