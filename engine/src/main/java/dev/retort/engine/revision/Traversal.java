package dev.retort.engine.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Traversal (reference §7): the topological sort with map-order tie-breaks, the upgrade
 * collection ({@code _collect_upgrade_revisions}) and the downgrade collection
 * ({@code _collect_downgrade_revisions}). Results are revision indexes, top-down.
 */
final class Traversal {

    private final Graph g;
    private final Resolver resolver;

    Traversal(Graph g, Resolver resolver) {
        this.g = g;
        this.resolver = resolver;
    }

    /**
     * One side of a range: either a string as typed ({@code text} set, {@code items} = it alone)
     * or a tuple of ids, such as the database rows.
     */
    record Spec(String text, List<String> items) {
        static Spec of(String text) {
            List<String> items = new ArrayList<>(1);
            items.add(text);
            return new Spec(text, items);
        }

        static Spec of(List<String> items) {
            return new Spec(null, List.copyOf(items));
        }

        /** As Python's {@code %s} would print it in {@code Revision X is not an ancestor of Y}. */
        String display() {
            if (text != null) {
                return text;
            }
            if (items.isEmpty()) {
                return null;
            }
            List<String> quoted = new ArrayList<>();
            items.forEach(i -> quoted.add("'" + i + "'"));
            return "(" + String.join(", ", quoted) + (items.size() == 1 ? ",)" : ")");
        }
    }

    /** {@code iterate_revisions(upper, lower, ...)} without {@code select_for_downgrade}. */
    List<Integer> iterateUpgrade(Spec upper, Spec lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        List<Integer> targets = new ArrayList<>();
        List<Integer> parsed = upper.text() != null
                ? resolver.parseUpgradeTarget(lower.items(), upper.text(), assertRelativeLength)
                : resolver.getRevisions(upper.items());
        for (int t : parsed) {
            if (t >= 0) {
                targets.add(t);
            }
        }
        if (lower.text() != null && lower.text().contains("@")) {
            targets = filterTargetsByBranch(targets, lower.text().substring(0, lower.text().indexOf('@')));
        }
        BitSet required = g.checkedClosure(targets, Graph.Edges.NORMALIZED_DOWN);
        List<Integer> current = resolver.getRevisions(lower.items());
        if (!implicitBase) {
            for (int c : current) {
                if (c != Resolver.NONE && (c == Resolver.BASE || !required.get(c))) {
                    throw new RevisionError.RangeNotAncestor(lower.display(), upper.display());
                }
            }
        }
        if (!current.isEmpty() && current.get(0) == Resolver.NONE && lower.text() != null) {
            // a relative lower bound that get_revisions could not place: read it as a downgrade target
            Resolver.DowngradeTarget dt = resolver.parseDowngradeTarget(upper.items(), lower.text(),
                    assertRelativeLength, w -> { });
            current = dt.target() == Resolver.BASE || dt.target() == Resolver.NONE ? List.of() : List.of(dt.target());
        }
        List<Integer> cur = new ArrayList<>();
        for (int c : current) {
            if (c >= 0) {
                cur.add(c);
            }
        }
        BitSet have = g.checkedClosure(cur, Graph.Edges.NORMALIZED_DOWN);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(have);
        if (inclusive) {
            cur.forEach(needs::set);
        }
        if (!cur.isEmpty() && !implicitBase) {
            needs.and(g.checkedClosure(cur, Graph.Edges.NEXTREV));
        }
        return sort(needs, targets);
    }

    /**
     * {@code lower = "X@..."}: only targets carrying branch X. A revision id used as X stands
     * for its one label; Alembic asserts exactly one, Retort falls back to lineage with it.
     */
    private List<Integer> filterTargetsByBranch(List<Integer> targets, String branch) {
        int branchRev = resolver.getRevision(branch);
        if (branchRev >= 0 && g.id(branchRev).equals(branch)) {
            if (g.labels.get(branchRev).size() != 1) {
                return resolver.filterForLineage(targets, branch, false);
            }
            branch = g.labels.get(branchRev).iterator().next();
        }
        List<Integer> out = new ArrayList<>();
        for (int t : targets) {
            if (g.labels.get(t).contains(branch) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code iterate_revisions(upper=current, lower=target, select_for_downgrade=True)}. */
    List<Integer> iterateDowngrade(List<String> current, String target, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength, Consumer<String> warnings) {
        Resolver.DowngradeTarget dt = resolver.parseDowngradeTarget(current, target, assertRelativeLength, warnings);
        int tgt = dt.target() == Resolver.BASE ? Resolver.NONE : dt.target();
        List<Integer> roots;
        if (tgt == Resolver.NONE) {
            roots = Resolver.list(g.bases);
        } else if (inclusive) {
            roots = List.of(tgt);
        } else {
            roots = Resolver.list(g.nextrev[tgt]);
        }
        if (dt.branch() != null && roots.size() > 1) {
            BitSet anc = g.closure(resolver.resolveBranch(dt.branch()), Graph.Edges.VERSIONED_DOWN);
            List<Integer> kept = new ArrayList<>();
            for (int r : roots) {
                if (anc.get(r)) {
                    kept.add(r);
                }
            }
            if (kept.isEmpty()) {
                throw new RevisionError("Not a valid downgrade target from current heads");
            }
            roots = kept;
        }
        List<Integer> heads = new ArrayList<>();
        for (int h : resolver.getRevisions(current)) {
            if (h >= 0) {
                heads.add(h);
            }
        }
        BitSet drop = g.closure(roots, Graph.Edges.ALL_NEXTREV);
        BitSet active = g.closure(heads, Graph.Edges.NORMALIZED_DOWN);
        drop.and(active);
        if (implicitBase) {
            BitSet rest = (BitSet) active.clone();
            rest.andNot(g.closure(roots, Graph.Edges.NORMALIZED_DOWN));
            drop.or(rest);
        }
        if (tgt != Resolver.NONE && drop.isEmpty() && !heads.contains(tgt)) {
            throw new RevisionError.RangeNotAncestor("Nothing to drop", Spec.of(current).display());
        }
        return sort(drop, heads);
    }

    /**
     * Alembic's {@code _topological_sort}: top-down, depth-first along each line, a shared
     * ancestor only after every selected line above it, ties by map order. Where Alembic's
     * final {@code assert not todo} would fail (revisions reachable only through unselected
     * ones), the rest is sorted the same way from its own tips and appended.
     */
    List<Integer> sort(BitSet selected, Collection<Integer> heads) {
        BitSet todo = (BitSet) selected.clone();
        List<Integer> out = new ArrayList<>(todo.cardinality());
        BitSet start = new BitSet();
        for (int h : heads) {
            if (h >= 0 && todo.get(h)) {
                start.set(h);
            }
        }
        while (true) {
            sortFrom(start, todo, out);
            if (todo.isEmpty()) {
                return out;
            }
            start = (BitSet) todo.clone();
            for (int r = todo.nextSetBit(0); r >= 0; r = todo.nextSetBit(r + 1)) {
                for (int d : g.normalizedDown[r]) {
                    start.clear(d);
                }
            }
        }
    }

    private void sortFrom(BitSet start, BitSet todo, List<Integer> out) {
        List<Integer> cur = new ArrayList<>();
        List<BitSet> anc = new ArrayList<>();
        BitSet inCur = new BitSet();
        start.stream().forEach(h -> {
            cur.add(h);
            anc.add(g.ancestorsInclDepsView(h));
            inCur.set(h);
        });
        int i = 0;
        while (!cur.isEmpty()) {
            int c = cur.get(i);
            int jump = -1;
            for (int k = 0; k < anc.size(); k++) {
                if (k != i && anc.get(k).get(c)) {
                    jump = k;
                    break;
                }
            }
            if (jump >= 0) {
                i = jump;
                continue;
            }
            if (todo.get(c)) {
                out.add(c);
                todo.clear(c);
            }
            List<Integer> add = new ArrayList<>(2);
            for (int d : g.normalizedDown[c]) {
                if (todo.get(d) && !inCur.get(d) && !add.contains(d)) {
                    add.add(d);
                }
            }
            inCur.clear(c);
            if (add.isEmpty()) {
                cur.remove(i);
                anc.remove(i);
                i = Math.max(i - 1, 0);
            } else {
                cur.set(i, add.get(0));
                anc.set(i, g.ancestorsInclDepsView(add.get(0)));
                inCur.set(add.get(0));
                for (int k = 1; k < add.size(); k++) {
                    cur.add(add.get(k));
                    anc.add(g.ancestorsInclDepsView(add.get(k)));
                    inCur.set(add.get(k));
                }
            }
        }
    }
}
