package dev.retort.engine.schema;

import dev.retort.engine.schema.SchemaModel.Constraint;
import dev.retort.engine.schema.SchemaModel.ConstraintType;
import dev.retort.engine.schema.SchemaModel.DbObject;
import dev.retort.engine.schema.SchemaModel.DbSchema;
import dev.retort.engine.schema.SchemaModel.Kind;
import dev.retort.engine.schema.SchemaModel.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two schemas of one family and orders the changes by what depends on what: views and
 * triggers dropped before the tables and columns under them change and created after; tables
 * before the foreign keys that need them; functions and types before the tables that use them
 * and dropped after. Renames are never guessed (a renamed table is a drop and a create).
 * Objects whose names the database generated compare by definition, so two databases built from
 * one schema compare equal whatever names they chose.
 */
public final class SchemaDiff {
    private SchemaDiff() {}

    /** The changes turning {@code from} into {@code to}, in the order they must run. */
    public static List<Change> diff(SchemaFamily family, DbSchema from, DbSchema to) {
        List<Change> out = new ArrayList<>();
        Set<String> recreated = new HashSet<>(); // relations created anew: their indexes/triggers go too
        Set<String> touched = new HashSet<>(); // relations whose columns change under views
        Map<String, Set<String>> touchedColumns = new HashMap<>();
        Map<String, Set<String>> recreatedColumns = new HashMap<>();
        boolean rebuilds = false;

        for (Table t : to.tables().values()) {
            Table old = from.tables().get(t.key());
            if (old == null) {
                out.add(new Change(family.createPhase(t), "add_table", t.key(), family.createTable(t), false));
                if (family.separateConstraints()) {
                    for (Constraint c : t.constraints()) {
                        if (c.type() == ConstraintType.FOREIGN_KEY) {
                            out.add(new Change(Change.ADD_FK, "add_fk", t.key() + "." + c.name(), family.addConstraint(t, c), false));
                        }
                    }
                }
                continue;
            }
            SchemaFamily.TableChanges tc = new SchemaFamily.TableChanges();
            family.alterTable(old, t, tc);
            out.addAll(tc.changes);
            if (tc.rebuilt) {
                recreated.add(t.key());
                touched.add(t.key());
                rebuilds = true;
            }
            if (!tc.recreatedColumns.isEmpty()) {
                recreatedColumns.put(t.key(), tc.recreatedColumns);
            }
            if (!tc.touchedColumns.isEmpty()) {
                touched.add(t.key());
                touchedColumns.put(t.key(), tc.touchedColumns);
            }
        }
        for (Table t : from.tables().values()) {
            if (!to.tables().containsKey(t.key())) {
                if (family.separateConstraints()) {
                    for (Constraint c : t.constraints()) {
                        if (c.type() == ConstraintType.FOREIGN_KEY) {
                            out.add(new Change(Change.DROP_FK, "remove_fk", t.key() + "." + c.name(), family.dropConstraint(t, c), false));
                        }
                    }
                }
                out.add(new Change(Change.DROP_TABLE, "remove_table", t.key(), family.dropTable(t), true));
                recreated.add(t.key());
                touched.add(t.key());
            }
        }
        if (family.separateConstraints()) {
            Set<String> replacedKeys = replacedKeys(from, to);
            for (Table t : to.tables().values()) {
                Table old = from.tables().get(t.key());
                if (old != null) {
                    constraints(family, old, t, touchedColumns, replacedKeys, out);
                }
            }
        }
        objects(family, from, to, recreated, touched, recreatedColumns, out);
        if (rebuilds) {
            List<String> prelude = family.rebuildPrelude();
            if (!prelude.isEmpty()) {
                out.add(new Change(0, "pragma", "foreign_keys", prelude, false));
            }
        }
        List<Change> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(Change::phase)); // stable: keeps the dependency order within a phase
        return sorted;
    }

    /**
     * Primary keys and unique constraints that are dropped from tables that stay, as
     * {@code table:col,col}: foreign keys referencing them must go first and come back after.
     */
    private static Set<String> replacedKeys(DbSchema from, DbSchema to) {
        Set<String> out = new HashSet<>();
        for (Table old : from.tables().values()) {
            Table t = to.tables().get(old.key());
            if (t == null) {
                continue;
            }
            for (Constraint c : old.constraints()) {
                boolean key = c.type() == ConstraintType.PRIMARY_KEY || c.type() == ConstraintType.UNIQUE;
                if (key && t.constraints().stream().noneMatch(n -> n.type() == c.type() && n.definition().equals(c.definition()))) {
                    out.add(keyOf(old.key(), c.columns()));
                }
            }
        }
        return out;
    }

    private static String keyOf(String table, List<String> columns) {
        return table + ":" + String.join(",", new java.util.TreeSet<>(columns));
    }

    private static void constraints(SchemaFamily family, Table old, Table t, Map<String, Set<String>> touchedColumns,
            Set<String> replacedKeys, List<Change> out) {
        List<Constraint> before = new ArrayList<>(old.constraints());
        List<Constraint> after = new ArrayList<>(t.constraints());
        List<Constraint> keep = new ArrayList<>();
        // same name and definition, then same definition under another (generated) name
        for (Constraint c : List.copyOf(after)) {
            Constraint m = before.stream().filter(b -> b.name().equals(c.name()) && b.definition().equals(c.definition()))
                    .findFirst().orElse(null);
            if (m != null) {
                before.remove(m);
                after.remove(c);
                keep.add(c);
            }
        }
        for (Constraint c : List.copyOf(after)) {
            Constraint m = before.stream().filter(b -> b.type() == c.type() && b.definition().equals(c.definition()))
                    .findFirst().orElse(null);
            if (m != null) {
                before.remove(m);
                after.remove(c);
                keep.add(m);
            }
        }
        // foreign keys over columns whose type changes are dropped and added back around the change
        for (Constraint c : keep) {
            if (c.type() == ConstraintType.FOREIGN_KEY && (overlaps(touchedColumns.get(t.key()), c.columns())
                    || overlaps(touchedColumns.get(c.refTable()), c.refColumns())
                    || replacedKeys.contains(keyOf(c.refTable(), c.refColumns())))) {
                before.add(c);
                after.add(c);
            }
        }
        for (Constraint c : before) {
            boolean fk = c.type() == ConstraintType.FOREIGN_KEY;
            out.add(new Change(fk ? Change.DROP_FK : Change.DROP_CONSTRAINT, fk ? "remove_fk" : "remove_constraint",
                    t.key() + "." + c.name(), family.dropConstraint(old, c), false));
        }
        for (Constraint c : after) {
            boolean fk = c.type() == ConstraintType.FOREIGN_KEY;
            out.add(new Change(fk ? Change.ADD_FK : Change.ADD_CONSTRAINT, fk ? "add_fk" : "add_constraint",
                    t.key() + "." + c.name(), family.addConstraint(t, c), false));
        }
    }

    private static boolean overlaps(Set<String> touched, List<String> columns) {
        return touched != null && columns != null && columns.stream().anyMatch(touched::contains);
    }

    private static void objects(SchemaFamily family, DbSchema from, DbSchema to, Set<String> recreated,
            Set<String> touched, Map<String, Set<String>> recreatedColumns, List<Change> out) {
        Map<String, DbObject> before = new LinkedHashMap<>();
        from.objects().values().forEach(o -> before.put(o.key(), o));
        Map<String, DbObject> after = new LinkedHashMap<>();
        to.objects().values().forEach(o -> after.put(o.key(), o));
        // indexes whose names the database chose: the same definition under another name is the same index
        for (DbObject o : List.copyOf(after.values())) {
            if (o.kind() == Kind.INDEX && !before.containsKey(o.key())) {
                before.values().stream()
                        .filter(b -> b.kind() == Kind.INDEX && !after.containsKey(b.key())
                                && b.definition().equals(o.definition()) && Objects.equals(b.table(), o.table()))
                        .findFirst().ifPresent(b -> {
                            before.remove(b.key());
                            after.remove(o.key());
                        });
            }
        }
        Set<String> drop = new LinkedHashSet<>();
        Set<String> create = new LinkedHashSet<>();
        Map<String, Change> inPlace = new LinkedHashMap<>();
        for (DbObject o : after.values()) {
            DbObject old = before.get(o.key());
            if (old == null) {
                create.add(o.key());
            } else if (!old.definition().equals(o.definition())) {
                if (o.kind() == Kind.TYPE && family.recreatesType(old, o)) {
                    // a type made anew: what reads it (views, functions, the tables whose columns have it) changes under them
                    touched.add(o.key());
                    touched.addAll(family.typeUsers(from, old));
                }
                List<String> alter = family.alterObject(old, o, from, to);
                if (alter != null) {
                    inPlace.put(o.key(), new Change(phaseOf(o.kind(), true), "modify_" + kindName(o.kind()), o.displayName(), alter, false));
                } else {
                    drop.add(o.key());
                    create.add(o.key());
                }
            }
        }
        for (DbObject o : before.values()) {
            if (!after.containsKey(o.key())) {
                drop.add(o.key());
            }
        }
        // objects on relations created anew, and views/triggers reading relations that change, go and come back
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DbObject o : before.values()) {
                boolean onRecreated = o.table() != null && (recreated.contains(o.table()) || o.kind() == Kind.INDEX
                        && recreatedColumns.containsKey(o.table())
                        && Sql.names(o.definition()).stream().anyMatch(n -> recreatedColumns.get(o.table()).stream()
                                .anyMatch(c -> c.equalsIgnoreCase(n))));
                boolean readsTouched = (o.kind() == Kind.VIEW || o.kind() == Kind.MATERIALIZED_VIEW || o.kind() == Kind.TRIGGER
                        || o.kind() == Kind.POLICY
                        || o.kind() == Kind.FUNCTION) && o.refs().stream().anyMatch(touched::contains);
                if ((onRecreated || readsTouched) && !drop.contains(o.key())) {
                    drop.add(o.key());
                    inPlace.remove(o.key());
                    if (after.containsKey(o.key())) {
                        create.add(o.key());
                    }
                    grew = true;
                }
                if (drop.contains(o.key()) && o.kind() == Kind.FUNCTION && touched.add(o.key())) {
                    grew = true; // views and triggers calling it go first
                }
                if (drop.contains(o.key()) && (o.kind() == Kind.VIEW || o.kind() == Kind.MATERIALIZED_VIEW)
                        && touched.add(relKey(o))) {
                    grew = true;
                    if (o.kind() == Kind.MATERIALIZED_VIEW) {
                        recreated.add(relKey(o));
                    }
                }
            }
        }
        // drops: dependents first (reverse creation order of the old schema)
        List<DbObject> drops = order(before, drop);
        java.util.Collections.reverse(drops);
        for (DbObject o : drops) {
            boolean implicit = o.table() != null && recreated.contains(o.table()) && o.kind() != Kind.VIEW;
            if (!implicit) {
                // a replaced type, sequence or function goes just before its new definition, not after the tables
                int phase = create.contains(o.key()) && phaseOf(o.kind(), false) > phaseOf(o.kind(), true)
                        ? phaseOf(o.kind(), true) - 1 : phaseOf(o.kind(), false);
                if (o.kind() == Kind.FUNCTION && (create.contains(o.key()) || overloaded(o, after))) {
                    // before the types it takes or returns are made anew, and before a new overload makes calls ambiguous
                    phase = Change.TYPE - 1;
                }
                if (o.kind() == Kind.INDEX && family.dropIndexesLate() && !create.contains(o.key())) {
                    phase = Change.CREATE_INDEX + 1;
                }
                out.add(new Change(phase, "remove_" + kindName(o.kind()), o.displayName(), o.drop(), false));
            }
        }
        out.addAll(inPlace.values());
        List<DbObject> creates = order(after, create);
        // triggers of one table and event go in the order they fire (MariaDB: a new trigger fires last)
        creates.sort(Comparator.comparingInt(o -> Integer.parseInt(o.attrs().getOrDefault("action_order", "0"))));
        for (DbObject o : creates) {
            int phase = o.kind() == Kind.INDEX && o.attrs().containsKey("on_view") ? Change.CREATE_VIEW + 1 : phaseOf(o.kind(), true);
            out.add(new Change(phase, "add_" + kindName(o.kind()), o.displayName(), o.create(), false));
        }
    }

    /** Whether {@code after} has another function of {@code f}'s schema and name (other arguments). */
    private static boolean overloaded(DbObject f, Map<String, DbObject> after) {
        String base = f.name().contains("(") ? f.name().substring(0, f.name().indexOf('(')) : f.name();
        return after.values().stream().anyMatch(o -> o.kind() == Kind.FUNCTION && Objects.equals(o.schema(), f.schema())
                && !o.key().equals(f.key()) && o.name().startsWith(base + "("));
    }

    private static String relKey(DbObject o) {
        return SchemaModel.key(o.schema(), o.name());
    }

    /** The chosen objects, each after the views it reads. */
    private static List<DbObject> order(Map<String, DbObject> all, Set<String> chosen) {
        Map<String, DbObject> byRel = new HashMap<>();
        for (DbObject o : all.values()) {
            if (o.kind() == Kind.VIEW || o.kind() == Kind.MATERIALIZED_VIEW) {
                byRel.put(relKey(o), o);
            } else if (o.kind() == Kind.TYPE) {
                byRel.put(o.key(), o); // composite types name the types of their attributes
            }
        }
        List<DbObject> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String k : chosen) {
            visit(all.get(k), byRel, chosen, seen, out);
        }
        return out;
    }

    private static void visit(DbObject o, Map<String, DbObject> byRel, Set<String> chosen, Set<String> seen,
            List<DbObject> out) {
        if (o == null || !seen.add(o.key())) {
            return;
        }
        for (String r : o.refs()) {
            DbObject dep = byRel.get(r);
            if (dep != null && chosen.contains(dep.key())) {
                visit(dep, byRel, chosen, seen, out);
            }
        }
        out.add(o);
    }

    static String kindName(Kind k) {
        return k.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static int phaseOf(Kind k, boolean create) {
        return switch (k) {
            case SCHEMA, EXTENSION -> create ? Change.CREATE_SCHEMA : Change.DROP_SCHEMA;
            case TYPE, SEQUENCE -> create ? Change.TYPE : Change.DROP_TYPE;
            case FUNCTION -> create ? Change.FUNCTION : Change.DROP_FUNCTION;
            case INDEX -> create ? Change.CREATE_INDEX : Change.DROP_INDEX;
            case VIEW, MATERIALIZED_VIEW -> create ? Change.CREATE_VIEW : Change.DROP_VIEW;
            case TRIGGER, POLICY -> create ? Change.CREATE_TRIGGER : Change.DROP_TRIGGER;
        };
    }
}
