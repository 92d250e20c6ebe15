package dev.retort.shell.panel;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The panel's model of the engine's revision map and the database's version rows.
 *
 * <p>Order: newest first and topological over parents and dependencies (a revision after all
 * its children and dependents), with each branch kept together the way
 * {@code git log --topo-order} does: heads in map order, then depth first, a parent coming
 * as soon as its last child has come. Applied revisions are the current heads and everything
 * they imply through parents and dependencies.
 */
public final class EngineGraphModels {
    private EngineGraphModels() {}

    public static GraphModel of(RevisionMap map, List<String> databaseRows) {
        List<Revision> all = map.revisions();
        Map<String, List<String>> parents = new HashMap<>();
        Map<String, List<String>> deps = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (Revision r : all) {
            pending.putIfAbsent(r.id(), 0);
        }
        for (Revision r : all) {
            List<String> ps = new ArrayList<>(r.downRevisions());
            List<String> ds = new ArrayList<>();
            for (Revision d : map.dependencies(r)) {
                if (!ps.contains(d.id()) && !ds.contains(d.id())) {
                    ds.add(d.id());
                }
            }
            parents.put(r.id(), ps);
            deps.put(r.id(), ds);
            for (String below : concat(ps, ds)) {
                pending.computeIfPresent(below, (k, v) -> v + 1);
            }
        }
        Set<String> current = new HashSet<>();
        for (Revision r : map.currentBranchHeads(databaseRows)) {
            current.add(r.id());
        }
        Set<String> applied = closure(current, parents, deps);

        Deque<String> ready = new ArrayDeque<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (pending.get(all.get(i).id()) == 0) {
                ready.push(all.get(i).id());
            }
        }
        List<GraphNode> nodes = new ArrayList<>(all.size());
        while (!ready.isEmpty()) {
            String id = ready.pop();
            Revision r = map.get(id).orElseThrow();
            List<String> below = concat(parents.get(id), deps.get(id));
            for (int i = below.size() - 1; i >= 0; i--) {
                String b = below.get(i);
                Integer left = pending.computeIfPresent(b, (k, v) -> v - 1);
                if (left != null && left == 0) {
                    ready.push(b);
                }
            }
            nodes.add(new GraphNode(id, parents.get(id), deps.get(id), List.copyOf(map.branchLabels(r)), r.doc(),
                    map.isHead(r), map.isBranchPoint(r), map.isMergePoint(r), applied.contains(id),
                    current.contains(id)));
        }
        if (nodes.size() != all.size()) {
            throw new IllegalStateException("the revision map has a cycle; RevisionMap.of should have refused it");
        }
        return GraphModel.of(nodes);
    }

    private static Set<String> closure(Set<String> from, Map<String, List<String>> parents,
            Map<String, List<String>> deps) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id) && parents.containsKey(id)) {
                todo.addAll(parents.get(id));
                todo.addAll(deps.get(id));
            }
        }
        return seen;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
