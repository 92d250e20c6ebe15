package dev.retort.engine.schema;

import dev.retort.engine.schema.SchemaModel.Column;
import dev.retort.engine.schema.SchemaModel.Constraint;
import dev.retort.engine.schema.SchemaModel.ConstraintType;
import dev.retort.engine.schema.SchemaModel.DbObject;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.SchemaModel.Kind;
import dev.retort.engine.schema.SchemaModel.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * PostgreSQL: the catalog read by {@link PostgresCatalog}, changes rendered here. Serial columns
 * keep their owned sequence out of the sequence list; identity, generated and collated columns,
 * domains, composite types and enums that only gain values are altered in place where
 * PostgreSQL can; other type changes remake the type with everything that uses it. One piece
 * because rendering a table, a type or an object needs the same quoting and the same view of
 * what uses what; the reader is apart.
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
        return new PostgresCatalog(this).read(c, scope);
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
