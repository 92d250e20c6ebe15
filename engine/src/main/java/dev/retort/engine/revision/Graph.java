package dev.retort.engine.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indexed revision graph: every revision is an {@code int}, its position in load (map)
 * order, so that "map order" tie-breaks are plain integer comparisons. Immutable after
 * {@link GraphBuilder} made it; the ancestor sets used by the topological sort are computed
 * once, as {@link BitSet}s, when first asked (commands that only list the graph, such as
 * {@code heads}, never need them: on 5,000 linear revisions they are 1.6 MB, 12.5 M bits), and
 * never handed out for mutation.
 */
final class Graph {

    /** Direction of a closure: which edge lists {@link #closure} follows. */
    enum Edges { VERSIONED_DOWN, NORMALIZED_DOWN, NEXTREV, ALL_NEXTREV }

    final List<Revision> revisions;
    final Map<String, Integer> byId;
    /** Declared branch label -> index of the revision declaring it, in registration order. */
    final Map<String, Integer> byLabel;
    final int[][] versionedDown;
    final int[][] resolvedDeps;
    final int[][] normalizedDeps;
    final int[][] normalizedDown;
    final int[][] allDown;
    final int[][] nextrev;
    final int[][] allNextrev;
    final List<Set<String>> labels;
    final int[] heads;
    final int[] realHeads;
    final int[] bases;
    final int[] realBases;
    /** A topological order of {@link #normalizedDown} (ancestors first), for the ancestor sets. */
    private final int[] ancestorOrder;
    /** Ancestors through normalised down revisions, each including itself; null until asked. */
    private volatile BitSet[] ancestorsInclDeps;

    Graph(List<Revision> revisions, Map<String, Integer> byId, Map<String, Integer> byLabel,
            int[][] versionedDown, int[][] resolvedDeps, int[][] normalizedDeps, int[][] normalizedDown,
            int[][] allDown, int[][] nextrev, int[][] allNextrev, List<Set<String>> labels,
            int[] heads, int[] realHeads, int[] bases, int[] realBases, int[] ancestorOrder) {
        this.revisions = revisions;
        this.byId = byId;
        this.byLabel = byLabel;
        this.versionedDown = versionedDown;
        this.resolvedDeps = resolvedDeps;
        this.normalizedDeps = normalizedDeps;
        this.normalizedDown = normalizedDown;
        this.allDown = allDown;
        this.nextrev = nextrev;
        this.allNextrev = allNextrev;
        this.labels = labels;
        this.heads = heads;
        this.realHeads = realHeads;
        this.bases = bases;
        this.realBases = realBases;
        this.ancestorOrder = ancestorOrder;
    }

    /** The ancestor sets, computed on first use in one pass over {@link #ancestorOrder}. */
    private BitSet[] ancestorsInclDeps() {
        BitSet[] a = ancestorsInclDeps;
        if (a == null) {
            synchronized (this) {
                a = ancestorsInclDeps;
                if (a == null) {
                    a = new BitSet[size()];
                    for (int i : ancestorOrder) {
                        BitSet set = new BitSet(i + 1);
                        set.set(i);
                        for (int d : normalizedDown[i]) {
                            set.or(a[d]);
                        }
                        a[i] = set;
                    }
                    ancestorsInclDeps = a;
                }
            }
        }
        return a;
    }

    int size() {
        return revisions.size();
    }

    String id(int i) {
        return revisions.get(i).id();
    }

    /** Index of a map key: a revision id, else a declared branch label; -1 if neither. */
    int key(String key) {
        Integer i = byId.get(key);
        if (i == null) {
            i = byLabel.get(key);
        }
        return i == null ? -1 : i;
    }

    /** Read-only view: the set of {@code i} and its ancestors through normalised down revisions. */
    boolean isAncestorInclDeps(int ancestor, int of) {
        return ancestorsInclDeps()[of].get(ancestor);
    }

    BitSet ancestorsInclDepsView(int i) {
        return ancestorsInclDeps()[i];
    }

    int[] edges(Edges kind, int i) {
        return switch (kind) {
            case VERSIONED_DOWN -> versionedDown[i];
            case NORMALIZED_DOWN -> normalizedDown[i];
            case NEXTREV -> nextrev[i];
            case ALL_NEXTREV -> allNextrev[i];
        };
    }

    /** The starts and everything reachable from them along {@code kind}. */
    BitSet closure(Collection<Integer> starts, Edges kind) {
        BitSet[] ancestors = ancestorsInclDeps;
        if (kind == Edges.NORMALIZED_DOWN && ancestors != null) {
            BitSet out = new BitSet(size());
            for (int s : starts) {
                out.or(ancestors[s]);
            }
            return out;
        }
        // a walk: the same set as the union of the ancestor sets, without computing them all
        // (`current` asks for the closure of the database's rows only)
        BitSet seen = new BitSet(size());
        int[] todo = new int[Math.max(16, starts.size())];
        int top = 0;
        for (int s : starts) {
            todo[top++] = s;
        }
        while (top > 0) {
            int r = todo[--top];
            if (seen.get(r)) {
                continue;
            }
            seen.set(r);
            for (int n : edges(kind, r)) {
                if (!seen.get(n)) {
                    if (top == todo.length) {
                        todo = java.util.Arrays.copyOf(todo, top * 2);
                    }
                    todo[top++] = n;
                }
            }
        }
        return seen;
    }

    BitSet closure(int start, Edges kind) {
        return closure(List.of(start), kind);
    }

    /**
     * Alembic's {@code _iterate_related_revisions(check=True)}: walks each target in turn (with
     * one shared "seen" set) and fails when a target's walk meets another target.
     */
    BitSet checkedClosure(List<Integer> targets, Edges kind) {
        BitSet seen = new BitSet(size());
        BitSet targetSet = new BitSet(size());
        targets.forEach(targetSet::set);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int target : targets) {
            BitSet perTarget = new BitSet();
            todo.addLast(target);
            while (!todo.isEmpty()) {
                int r = todo.removeLast();
                perTarget.set(r);
                if (seen.get(r)) {
                    continue;
                }
                seen.set(r);
                for (int n : edges(kind, r)) {
                    todo.addLast(n);
                }
            }
            perTarget.and(targetSet);
            perTarget.clear(target);
            if (!perTarget.isEmpty()) {
                List<String> others = new ArrayList<>();
                perTarget.stream().forEach(o -> others.add(id(o)));
                throw new RevisionError("Requested revision " + id(target)
                        + " overlaps with other requested revisions " + String.join(", ", others));
            }
        }
        return seen;
    }

    List<String> ids(int[] indexes) {
        List<String> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(id(i));
        }
        return Collections.unmodifiableList(out);
    }

    List<Revision> revs(int[] indexes) {
        List<Revision> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(revisions.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    List<Revision> revs(BitSet set) {
        List<Revision> out = new ArrayList<>(set.cardinality());
        set.stream().forEach(i -> out.add(revisions.get(i)));
        return Collections.unmodifiableList(out);
    }
}
