package dev.retort.engine.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Alembic's {@code ScriptDirectory._upgrade_revs}, {@code _downgrade_revs} and
 * {@code _stamp_revs}: traversal results turned into {@link Step}s in execution order. Errors
 * are still internal here; {@link RevisionMap} words them.
 */
final class StepPlanner {

    private final Graph g;
    private final Resolver resolver;
    private final Traversal traversal;

    StepPlanner(Graph g, Resolver resolver, Traversal traversal) {
        this.g = g;
        this.resolver = resolver;
        this.traversal = traversal;
    }

    List<Step> upgrade(String destination, List<String> current) {
        List<Integer> revs = traversal.iterateUpgrade(Traversal.Spec.of(destination), Traversal.Spec.of(current),
                false, true, true);
        List<Step> out = new ArrayList<>(revs.size());
        for (int k = revs.size() - 1; k >= 0; k--) {
            out.add(migration(revs.get(k), true));
        }
        return Collections.unmodifiableList(out);
    }

    List<Step> downgrade(String destination, List<String> current, Consumer<String> warnings) {
        List<Integer> revs = traversal.iterateDowngrade(current, destination, false, false, true, warnings);
        List<Step> out = new ArrayList<>(revs.size());
        for (int r : revs) {
            out.add(migration(r, false));
        }
        return Collections.unmodifiableList(out);
    }

    private Step migration(int r, boolean upgrade) {
        return new Step.Migration(g.revisions.get(r), upgrade, g.ids(g.normalizedDown[r]));
    }

    /** §9. A destination list that is empty means {@code base}. */
    List<Step> stamp(List<String> destinations, List<String> current) {
        List<Integer> heads = new ArrayList<>();
        for (int h : resolver.getRevisions(current)) {
            if (h >= 0) {
                heads.add(h);
            }
        }
        List<String> dests = destinations.isEmpty() ? List.of("base") : destinations;
        List<Integer> filtered = new ArrayList<>();
        for (String d : dests) {
            if (d != null && !d.isEmpty()) {
                for (int h : resolver.filterForLineage(heads, d, true)) {
                    if (!filtered.contains(h)) {
                        filtered.add(h);
                    }
                }
            }
        }
        List<Integer> resolved = resolver.getRevisions(dests);
        if (resolved.isEmpty()) {
            resolved = List.of(Resolver.NONE);
        }
        List<String> filteredIds = resolver.ids(filtered);
        List<Step> steps = new ArrayList<>();
        for (int dest : resolved) {
            if (dest < 0) {
                // base (Alembic crashes on the pseudo revision "base" a br@-N walk can reach)
                for (String h : filteredIds) {
                    steps.add(new Step.Stamp(List.of(h), List.of(), false, true));
                }
                continue;
            }
            if (filtered.contains(dest)) {
                continue;
            }
            BitSet descendants = g.closure(dest, Graph.Edges.ALL_NEXTREV);
            BitSet ancestors = g.closure(dest, Graph.Edges.NORMALIZED_DOWN);
            boolean below = false;
            boolean above = false;
            for (int h : filtered) {
                below |= descendants.get(h);
                above |= ancestors.get(h);
            }
            String to = g.id(dest);
            if (below) {
                steps.add(new Step.Stamp(filteredIds, List.of(to), false, false));
            } else if (above) {
                steps.add(new Step.Stamp(filteredIds, List.of(to), true, false));
            } else {
                steps.add(new Step.Stamp(List.of(), List.of(to), true, true));
            }
        }
        return Collections.unmodifiableList(steps);
    }
}
