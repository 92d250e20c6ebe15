package dev.retort.engine.revision;

import dev.retort.engine.RetortException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link Graph} in Alembic's order (reference §5.2): self-loops, duplicate ids,
 * branch labels, dependencies, missing parents, normalisation, cycle detection, heads and
 * bases, label propagation. Where Alembic crashes (a missing parent or dependency is a Python
 * KeyError) this says which file names what.
 *
 * <p>Slightly past 400 lines: the build is one ordered procedure (§5.2) whose error
 * precedence must match Alembic's, so its steps stay in one place.
 */
final class GraphBuilder {

    private final List<Revision> revs;
    private final int n;
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Integer> byLabel = new LinkedHashMap<>();

    private GraphBuilder(List<Revision> revs) {
        this.revs = List.copyOf(revs);
        this.n = this.revs.size();
    }

    static Graph build(List<Revision> revisionsInLoadOrder) {
        return new GraphBuilder(revisionsInLoadOrder).build();
    }

    private static String file(Revision r) {
        return r.path() != null && r.path().getFileName() != null ? r.path().getFileName().toString() : r.id();
    }

    private Graph build() {
        for (Revision r : revs) {
            if (r.downRevisions().contains(r.id())) {
                throw new RetortException("Self-loop is detected in revisions (" + r.id() + ")");
            }
            if (r.dependsOn().contains(r.id())) {
                throw new RetortException("Dependency self-loop is detected in revisions (" + r.id() + ")");
            }
        }
        for (int i = 0; i < n; i++) {
            Revision r = revs.get(i);
            Integer prev = byId.putIfAbsent(r.id(), i);
            if (prev != null) {
                throw new RetortException("Revision " + r.id() + " is present more than once: "
                        + file(revs.get(prev)) + " and " + file(r));
            }
        }
        for (Revision r : revs) {
            for (String label : new LinkedHashSet<>(r.branchLabels())) {
                Integer other = byId.containsKey(label) ? byId.get(label) : byLabel.get(label);
                if (other != null) {
                    throw new RetortException("Branch name '" + label + "' in revision " + r.id()
                            + " already used by revision " + revs.get(other).id());
                }
                byLabel.put(label, byId.get(r.id()));
            }
        }
        int[][] versionedDown = new int[n][];
        int[][] resolvedDeps = new int[n][];
        for (int i = 0; i < n; i++) {
            resolvedDeps[i] = resolveDependencies(revs.get(i));
        }
        for (int i = 0; i < n; i++) {
            Revision r = revs.get(i);
            List<String> downs = r.downRevisions();
            int[] vd = new int[downs.size()];
            for (int k = 0; k < vd.length; k++) {
                Integer d = byId.get(downs.get(k));
                if (d == null) {
                    d = byLabel.get(downs.get(k));
                }
                if (d == null) {
                    throw new RetortException("Revision " + downs.get(k) + " referenced from " + file(r)
                            + " is not present");
                }
                vd[k] = d;
            }
            versionedDown[i] = vd;
        }
        int[][] allDown = new int[n][];
        for (int i = 0; i < n; i++) {
            allDown[i] = dedupe(versionedDown[i], resolvedDeps[i]);
        }
        int[][] nextrev = children(versionedDown);
        int[][] allNextrev = children(allDown);
        int[][] normalizedDeps = normalize(versionedDown, resolvedDeps);
        int[][] normalizedDown = new int[n][];
        for (int i = 0; i < n; i++) {
            normalizedDown[i] = dedupe(versionedDown[i], normalizedDeps[i]);
        }
        int[] heads = select(i -> nextrev[i].length == 0);
        int[] realHeads = select(i -> allNextrev[i].length == 0);
        int[] bases = select(i -> versionedDown[i].length == 0);
        int[] realBases = select(i -> versionedDown[i].length == 0 && revs.get(i).dependsOn().isEmpty());

        detectCycles("Cycle", heads, bases, versionedDown, nextrev);
        detectCycles("Dependency cycle", realHeads, realBases, allDown, allNextrev);
        // Alembic's reachability test misses a cycle hanging between a base and a head; a full
        // topological check catches it (Alembic would loop or crash later).
        int[] order = topologicalOrder("Cycle", versionedDown);
        order = topologicalOrder("Dependency cycle", allDown);

        List<Set<String>> labels = propagateLabels(versionedDown, nextrev, allNextrev);
        return new Graph(revs, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byLabel),
                versionedDown, resolvedDeps, normalizedDeps, normalizedDown, allDown, nextrev, allNextrev,
                labels, heads, realHeads, bases, realBases, order);
    }

    /**
     * A dependency names a map key (revision id or branch label). Alembic stops there (a
     * KeyError otherwise); Retort also accepts an unambiguous partial id, as its scripts may
     * be written by hand.
     */
    private int[] resolveDependencies(Revision r) {
        List<Integer> out = new ArrayList<>();
        for (String dep : r.dependsOn()) {
            Integer d = byId.get(dep);
            if (d == null) {
                d = byLabel.get(dep);
            }
            if (d == null) {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String id = revs.get(i).id();
                    if (id.length() > 3 && id.startsWith(dep)) {
                        candidates.add(i);
                    }
                }
                if (candidates.size() > 1) {
                    List<String> names = new ArrayList<>();
                    candidates.forEach(c -> names.add("'" + revs.get(c).id() + "'"));
                    throw new RetortException("Dependency " + dep + " of revision " + file(r)
                            + " is ambiguous: " + String.join(", ", names));
                }
                if (candidates.isEmpty()) {
                    throw new RetortException("Dependency " + dep + " of revision " + file(r) + " is not present");
                }
                d = candidates.get(0);
            }
            out.add(d);
        }
        return ints(out);
    }

    /*
     * The helpers below work on int arrays with plain loops: the graph of a one-shot command is
     * built once, mostly by the interpreter, where a stream or a boxed set per revision cost
     * more than the rest of the build (bench/startup, 5,000 revisions).
     */

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = list.get(k);
        }
        return out;
    }

    /** {@code first} then {@code second}, each value once, in that order. */
    private static int[] dedupe(int[] first, int[] second) {
        int[] out = new int[first.length + second.length];
        int count = 0;
        for (int x : first) {
            count = addAbsent(out, count, x);
        }
        for (int x : second) {
            count = addAbsent(out, count, x);
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    /** Appends {@code x} to {@code out[0..count)} unless it is there; the new count. */
    private static int addAbsent(int[] out, int count, int x) {
        for (int k = 0; k < count; k++) {
            if (out[k] == x) {
                return count;
            }
        }
        out[count] = x;
        return count + 1;
    }

    /** Children lists, each in map order (the parents are visited in map order). */
    private int[][] children(int[][] down) {
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d : down[i]) {
                counts[d]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int d : down[i]) {
                out[d][counts[d]++] = i;
            }
        }
        return out;
    }

    /**
     * §5.1: a dependency already declared by an ancestor (through declared parents only) is
     * dropped. Alembic keeps the survivors in set order; Retort keeps them as declared.
     */
    private int[][] normalize(int[][] versionedDown, int[][] resolvedDeps) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            if (resolvedDeps[i].length == 0) {
                out[i] = resolvedDeps[i];
                continue;
            }
            BitSet inherited = new BitSet(n);
            BitSet seen = new BitSet(n);
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            for (int d : versionedDown[i]) {
                todo.push(d);
            }
            while (!todo.isEmpty()) {
                int a = todo.pop();
                if (seen.get(a) || a == i) {
                    continue;
                }
                seen.set(a);
                for (int dep : resolvedDeps[a]) {
                    inherited.set(dep);
                }
                for (int d : versionedDown[a]) {
                    todo.push(d);
                }
            }
            int[] keep = new int[resolvedDeps[i].length];
            int count = 0;
            for (int dep : resolvedDeps[i]) {
                if (!inherited.get(dep)) {
                    count = addAbsent(keep, count, dep);
                }
            }
            out[i] = java.util.Arrays.copyOf(keep, count);
        }
        return out;
    }

    private interface IntPredicate {
        boolean test(int i);
    }

    private int[] select(IntPredicate p) {
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (p.test(i)) {
                out[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private void detectCycles(String kind, int[] heads, int[] bases, int[][] down, int[][] up) {
        if (n == 0) {
            return;
        }
        if (heads.length == 0 || bases.length == 0) {
            List<String> all = new ArrayList<>(n);
            revs.forEach(r -> all.add(r.id()));
            throw new RetortException(kind + " is detected in revisions (" + String.join(", ", all) + ")");
        }
        BitSet fromHeads = reach(heads, down);
        fromHeads.and(reach(bases, up));
        if (fromHeads.cardinality() != n) {
            TreeSet<String> missing = new TreeSet<>();
            for (int i = fromHeads.nextClearBit(0); i < n; i = fromHeads.nextClearBit(i + 1)) {
                missing.add(revs.get(i).id());
            }
            throw new RetortException(kind + " is detected in revisions (" + String.join(", ", missing) + ")");
        }
    }

    private BitSet reach(int[] starts, int[][] edges) {
        BitSet seen = new BitSet(n);
        int[] todo = new int[Math.max(16, starts.length)];
        int top = 0;
        for (int s : starts) {
            todo[top++] = s;
        }
        while (top > 0) {
            int r = todo[--top];
            if (!seen.get(r)) {
                seen.set(r);
                if (top + edges[r].length > todo.length) {
                    todo = java.util.Arrays.copyOf(todo, Math.max(todo.length * 2, top + edges[r].length));
                }
                for (int e : edges[r]) {
                    todo[top++] = e;
                }
            }
        }
        return seen;
    }

    /** Kahn's algorithm, parents first; leftovers are a cycle Alembic's reachability test missed. */
    private int[] topologicalOrder(String kind, int[][] down) {
        int[] pending = new int[n];
        int[][] up = children(down);
        // a FIFO queue of ready revisions: each enters once, so n slots hold it
        int[] ready = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            pending[i] = down[i].length;
            if (pending[i] == 0) {
                ready[tail++] = i;
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (head < tail) {
            int r = ready[head++];
            order[count++] = r;
            for (int c : up[r]) {
                if (--pending[c] == 0) {
                    ready[tail++] = c;
                }
            }
        }
        if (count != n) {
            // leftovers are the cycles and what hangs above them; peel off the latter
            BitSet left = new BitSet(n);
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    left.set(i);
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = left.nextSetBit(0); i >= 0; i = left.nextSetBit(i + 1)) {
                    boolean hasChild = false;
                    for (int c : up[i]) {
                        hasChild |= left.get(c);
                    }
                    if (!hasChild) {
                        left.clear(i);
                        changed = true;
                    }
                }
            }
            TreeSet<String> names = new TreeSet<>();
            left.stream().forEach(i -> names.add(revs.get(i).id()));
            throw new RetortException(kind + " is detected in revisions (" + String.join(", ", names) + ")");
        }
        return order;
    }

    /**
     * §5.4, Alembic's {@code _add_branches}: a revision's labels go to every descendant
     * through declared parents; then, from the last revision that depth-first walk visited,
     * down through declared parents while the revision is neither a real branch point nor a
     * merge point. Labelled revisions are taken in load order (Alembic: set order).
     */
    private List<Set<String>> propagateLabels(int[][] versionedDown, int[][] nextrev, int[][] allNextrev) {
        // labels as bits over the sorted label names: cheap unions on every descendant
        TreeSet<String> allNames = new TreeSet<>();
        revs.forEach(r -> allNames.addAll(r.branchLabels()));
        List<String> names = List.copyOf(allNames);
        Map<String, Integer> bit = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            bit.put(names.get(k), k);
        }
        BitSet[] labels = new BitSet[n];
        for (int i = 0; i < n; i++) {
            labels[i] = new BitSet(names.size());
            for (String l : revs.get(i).branchLabels()) {
                labels[i].set(bit.get(l));
            }
        }
        for (int i = 0; i < n; i++) {
            if (revs.get(i).branchLabels().isEmpty()) {
                continue;
            }
            BitSet mine = (BitSet) labels[i].clone();
            BitSet seen = new BitSet(n);
            int[] stack = new int[16];
            int top = 0;
            stack[top++] = i;
            int last = i;
            while (top > 0) {
                int r = stack[--top];
                if (seen.get(r)) {
                    continue;
                }
                seen.set(r);
                for (int c : nextrev[r]) {
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = c;
                }
                labels[r].or(mine);
                last = r;
            }
            int parent = last;
            while (allNextrev[parent].length <= 1 && versionedDown[parent].length <= 1) {
                labels[parent].or(mine);
                if (versionedDown[parent].length == 1) {
                    parent = versionedDown[parent][0];
                } else {
                    break;
                }
            }
        }
        return new java.util.AbstractList<>() {
            @Override
            public Set<String> get(int index) {
                BitSet b = labels[index];
                if (b.isEmpty()) {
                    return Set.of();
                }
                TreeSet<String> out = new TreeSet<>();
                b.stream().forEach(k -> out.add(names.get(k)));
                return Collections.unmodifiableSet(out);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
