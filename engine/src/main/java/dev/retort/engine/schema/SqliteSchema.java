package dev.retort.engine.schema;

import dev.retort.engine.schema.SchemaModel.Column;
import dev.retort.engine.schema.SchemaModel.Constraint;
import dev.retort.engine.schema.SchemaModel.DbObject;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.SchemaModel.Kind;
import dev.retort.engine.schema.SchemaModel.Table;
import dev.retort.engine.schema.Sql.Tok;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite: the catalog is {@code sqlite_master}, which keeps every object's {@code CREATE}
 * statement as written (one query). A table compares by its column definitions, its table
 * constraints and its options ({@code STRICT}, {@code WITHOUT ROWID}), each in a normal form
 * that ignores layout, quoting and column order. What {@code ALTER TABLE ADD COLUMN} cannot do
 * is Alembic's batch move: the desired table is created under a temporary name, the rows of
 * the columns both sides have are copied, the old table is dropped and the new one renamed;
 * its indexes and triggers, and the views and triggers that read it, are created again after.
 * Foreign-key enforcement is switched off first so that dropping a referenced table deletes
 * nothing.
 */
final class SqliteSchema extends SchemaFamily {

    private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of("constraint", "primary", "unique", "check", "foreign");

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    String q(String ident) {
        return Sql.quoteDouble(ident);
    }

    @Override
    public DbSchema read(Connection c, Scope scope) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        Map<String, DbObject> objects = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
                        + "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        for (String[] r : rows) {
            if (r[0].equals("table") && scope.includes(null, r[1])) {
                tables.put(r[1], table(r[1], r[3]));
            }
        }
        Map<String, String> relByLower = new HashMap<>();
        for (String[] r : rows) {
            if (r[0].equals("table") || r[0].equals("view")) {
                relByLower.put(r[1].toLowerCase(Locale.ROOT), r[1]);
            }
        }
        for (String[] r : rows) {
            String type = r[0];
            String name = r[1];
            String sql = r[3];
            switch (type) {
                case "index" -> {
                    if (tables.containsKey(r[2])) {
                        objects.put("index:" + name, new DbObject(Kind.INDEX, null, name, r[2], indexDefinition(sql),
                                List.of(sql), List.of("DROP INDEX " + q(name)), Set.of(), Map.of()));
                    }
                }
                case "view" -> {
                    if (scope.includes(null, name)) {
                        objects.put("view:" + name, new DbObject(Kind.VIEW, null, name, null, Sql.normal(sql), List.of(sql),
                                List.of("DROP VIEW " + q(name)), refs(sql, relByLower, name), Map.of()));
                    }
                }
                case "trigger" -> {
                    if (tables.containsKey(r[2]) || relByLower.containsKey(r[2].toLowerCase(Locale.ROOT)) && scope.includes(null, r[2])) {
                        objects.put("trigger:" + name, new DbObject(Kind.TRIGGER, null, name, r[2], Sql.normal(sql),
                                List.of(sql), List.of("DROP TRIGGER " + q(name)), refs(sql, relByLower, r[2]), Map.of()));
                    }
                }
                default -> { }
            }
        }
        return new DbSchema(name(), tables, objects);
    }

    private static Set<String> refs(String sql, Map<String, String> relByLower, String self) {
        Set<String> out = new java.util.TreeSet<>();
        for (String n : Sql.names(sql)) {
            String rel = relByLower.get(n);
            if (rel != null && !rel.equals(self)) {
                out.add(rel);
            }
        }
        String own = relByLower.get(self.toLowerCase(Locale.ROOT));
        if (own != null) {
            out.add(own); // a trigger reads its own table
        }
        return out;
    }

    private static String indexDefinition(String sql) {
        List<Tok> toks = Sql.tokens(sql);
        boolean unique = toks.size() > 1 && toks.get(1).is("unique");
        for (int i = 0; i < toks.size(); i++) {
            if (toks.get(i).is("on")) {
                return (unique ? "unique " : "") + Sql.normal(toks.subList(i, toks.size()));
            }
        }
        return Sql.normal(toks);
    }

    /** A table from its {@code CREATE TABLE}: column items, constraint items, options. */
    static Table table(String name, String sql) {
        List<Tok> toks = Sql.tokens(sql);
        int open = -1;
        for (int i = 0; i < toks.size(); i++) {
            if (toks.get(i).sym("(")) {
                open = i;
                break;
            }
            if (toks.get(i).is("as")) {
                break;
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        List<Constraint> constraints = new ArrayList<>();
        Map<String, String> options = new TreeMap<>();
        if (open < 0) {
            options.put("definition", Sql.normal(sql));
            return new Table(null, name, columns, constraints, options, null, sql);
        }
        int depth = 0;
        int itemStart = open + 1;
        int close = toks.size() - 1;
        List<int[]> items = new ArrayList<>();
        for (int i = open; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.sym("(")) {
                depth++;
            } else if (t.sym(")")) {
                depth--;
                if (depth == 0) {
                    items.add(new int[] {itemStart, i});
                    close = i;
                    break;
                }
            } else if (t.sym(",") && depth == 1) {
                items.add(new int[] {itemStart, i});
                itemStart = i + 1;
            }
        }
        for (int[] it : items) {
            if (it[0] >= it[1]) {
                continue;
            }
            List<Tok> item = toks.subList(it[0], it[1]);
            Tok first = item.get(0);
            String text = sql.substring(first.start(), item.get(item.size() - 1).end());
            if (first.type() == Sql.T.WORD && TABLE_CONSTRAINT_WORDS.contains(first.text().toLowerCase(Locale.ROOT))) {
                constraints.add(new Constraint(Sql.normal(item), constraintType(item), Sql.normal(item), List.of(), null, List.of()));
            } else {
                String col = first.ident();
                boolean generated = false;
                int d = 0;
                for (int i = 1; i < item.size(); i++) {
                    Tok t = item.get(i);
                    if (t.sym("(")) {
                        d++;
                    } else if (t.sym(")")) {
                        d--;
                    } else if (d == 0 && t.is("as") && i + 1 < item.size() && item.get(i + 1).sym("(")) {
                        generated = true;
                    }
                }
                String normal = Sql.normal(item);
                String lower = normal.toLowerCase(Locale.ROOT);
                columns.put(col.toLowerCase(Locale.ROOT), new Column(col, null, lower.contains("not null"), null,
                        lower.contains("autoincrement") ? "autoincrement" : null, generated ? "generated" : null,
                        generated ? (lower.contains("stored") ? "STORED" : "VIRTUAL") : null, null, null, normal,
                        Map.of("text", text)));
            }
        }
        String opts = Sql.normal(toks.subList(close + 1, toks.size()));
        if (!opts.isEmpty()) {
            options.put("options", opts);
        }
        return new Table(null, name, columns, constraints, options, null, sql);
    }

    private static SchemaModel.ConstraintType constraintType(List<Tok> item) {
        for (Tok t : item) {
            if (t.is("primary")) {
                return SchemaModel.ConstraintType.PRIMARY_KEY;
            } else if (t.is("unique")) {
                return SchemaModel.ConstraintType.UNIQUE;
            } else if (t.is("check")) {
                return SchemaModel.ConstraintType.CHECK;
            } else if (t.is("foreign")) {
                return SchemaModel.ConstraintType.FOREIGN_KEY;
            }
        }
        return SchemaModel.ConstraintType.CHECK;
    }

    @Override
    List<String> createTable(Table t) {
        return List.of(t.createSql());
    }

    @Override
    List<String> addConstraint(Table t, Constraint c) {
        throw new IllegalStateException("SQLite constraints are part of the table");
    }

    @Override
    List<String> dropConstraint(Table t, Constraint c) {
        throw new IllegalStateException("SQLite constraints are part of the table");
    }

    @Override
    boolean separateConstraints() {
        return false;
    }

    @Override
    String memoryUrl() {
        return "jdbc:sqlite::memory:";
    }

    @Override
    List<String> rebuildPrelude() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    void alterTable(Table from, Table to, TableChanges out) {
        List<String> fc = from.constraints().stream().map(Constraint::definition).sorted().toList();
        List<String> tc = to.constraints().stream().map(Constraint::definition).sorted().toList();
        boolean sameShape = fc.equals(tc) && from.options().equals(to.options());
        boolean sameColumns = from.columns().size() == to.columns().size();
        boolean oldKept = true;
        for (Map.Entry<String, Column> e : from.columns().entrySet()) {
            Column n = to.columns().get(e.getKey());
            if (n == null || !n.definition().equals(e.getValue().definition())) {
                oldKept = false;
                sameColumns = false;
            }
        }
        if (sameShape && sameColumns) {
            return;
        }
        if (sameShape && oldKept) {
            List<Column> added = to.columns().entrySet().stream().filter(e -> !from.columns().containsKey(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            if (added.stream().allMatch(SqliteSchema::addable)) {
                for (Column c : added) {
                    out.add(Change.ALTER_TABLE, "add_column", to.name() + "." + c.name(),
                            List.of("ALTER TABLE " + qn(to) + " ADD COLUMN " + c.extra().get("text")), false);
                }
                return;
            }
        }
        rebuild(from, to, out);
    }

    private static boolean addable(Column c) {
        String d = c.definition();
        if (d.contains("primary key") || d.contains("unique") || c.generated() != null && "STORED".equals(c.generatedKind())) {
            return false;
        }
        int def = d.indexOf(" default ");
        String dflt = def < 0 ? null : d.substring(def + 9);
        if (dflt != null && (dflt.startsWith("(") || dflt.startsWith("current_"))) {
            return false;
        }
        if (d.contains("not null") && (dflt == null || dflt.startsWith("null"))) {
            return false;
        }
        return !(d.contains("references") && dflt != null && !dflt.startsWith("null"));
    }

    private void rebuild(Table from, Table to, TableChanges out) {
        String tmp = "_retort_tmp_" + to.name();
        String sql = to.createSql();
        List<Tok> toks = Sql.tokens(sql);
        int open = toks.stream().filter(t -> t.sym("(")).findFirst().map(Tok::start).orElseThrow(
                () -> new SchemaDiffException("Can't rebuild table " + to.name() + ": its definition has no column list"));
        List<String> common = new ArrayList<>();
        boolean lost = false;
        for (Map.Entry<String, Column> e : from.columns().entrySet()) {
            Column n = to.columns().get(e.getKey());
            if (n == null) {
                lost = true;
            } else if (n.generated() == null && e.getValue().generated() == null) {
                common.add(q(n.name()));
            }
        }
        List<String> stmts = new ArrayList<>();
        stmts.add("CREATE TABLE " + q(tmp) + " " + sql.substring(open));
        if (!common.isEmpty()) {
            String cols = String.join(", ", common);
            stmts.add("INSERT INTO " + q(tmp) + " (" + cols + ") SELECT " + cols + " FROM " + qn(from));
        }
        stmts.add("DROP TABLE " + qn(from));
        stmts.add("ALTER TABLE " + q(tmp) + " RENAME TO " + q(to.name()));
        out.add(Change.ALTER_TABLE, lost ? "rebuild_table_drop_columns" : "rebuild_table", to.name(), stmts, lost);
        out.rebuilt = true;
    }
}
