package dev.retort.shell.panel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history the panel draws: revisions newest first (every revision after all of its
 * children and dependents), immutable. Built by an adapter from the engine's revision map
 * and the database's current heads, or by {@link #builder()} in tests.
 *
 * <p>The order is the caller's: the panel draws it as given. It must be a topological order
 * (children before parents); {@link #of} checks that, because the lane layout relies on it.
 */
public final class GraphModel {
    private final List<GraphNode> nodes;
    private final Map<String, Integer> index;

    private GraphModel(List<GraphNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.index = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < this.nodes.size(); i++) {
            if (index.putIfAbsent(this.nodes.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate revision " + this.nodes.get(i).id());
            }
        }
        for (int i = 0; i < this.nodes.size(); i++) {
            GraphNode n = this.nodes.get(i);
            for (String p : n.parents()) {
                checkBelow(i, n, p);
            }
            for (String d : n.dependencies()) {
                checkBelow(i, n, d);
            }
        }
    }

    private void checkBelow(int i, GraphNode n, String other) {
        Integer at = index.get(other);
        if (at != null && at <= i) {
            throw new IllegalArgumentException(
                    "revisions are not newest first: " + n.id() + " is listed before " + other);
        }
    }

    /** A model of these nodes, newest first. Parents or dependencies outside it are allowed. */
    public static GraphModel of(List<GraphNode> newestFirst) {
        return new GraphModel(newestFirst);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public GraphNode get(int row) {
        return nodes.get(row);
    }

    /** The row of a revision, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /**
     * The row of the revision a user means by {@code text}: a full id, else a unique id
     * prefix, else the revision that declares or carries a branch label of that name (the
     * newest one).
     */
    public Optional<Integer> find(String text) {
        int exact = indexOf(text);
        if (exact >= 0) {
            return Optional.of(exact);
        }
        int found = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().startsWith(text)) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = i;
            }
        }
        if (found >= 0) {
            return Optional.of(found);
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).labels().contains(text)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Rows of the database's current heads, top to bottom. */
    public List<Integer> currentRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).current()) {
                rows.add(i);
            }
        }
        return rows;
    }

    /**
     * Builds a model from revisions declared like script headers, deriving heads, branch
     * points, merge points and applied flags the way the engine does for versioned parents.
     * Labels are taken as given (no propagation). For tests, demos and benchmarks.
     */
    public static final class Builder {
        private final List<String[]> specs = new ArrayList<>();
        private final List<List<String>> parents = new ArrayList<>();
        private final List<List<String>> deps = new ArrayList<>();
        private final List<List<String>> labels = new ArrayList<>();
        private final Set<String> current = new HashSet<>();

        private Builder() {}

        /** Adds a revision; call newest first. */
        public Builder add(String id, List<String> parents, String message) {
            return add(id, parents, List.of(), List.of(), message);
        }

        public Builder add(String id, List<String> parents, List<String> dependencies,
                List<String> labels, String message) {
            specs.add(new String[] {id, message});
            this.parents.add(parents);
            this.deps.add(dependencies);
            this.labels.add(labels);
            return this;
        }

        /** Declares the database's current heads. */
        public Builder current(String... ids) {
            current.clear();
            current.addAll(List.of(ids));
            return this;
        }

        public GraphModel build() {
            Map<String, Integer> childCount = new HashMap<>();
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                at.put(specs.get(i)[0], i);
                for (String p : parents.get(i)) {
                    childCount.merge(p, 1, Integer::sum);
                }
            }
            // applied: current heads and everything below them through parents and dependencies
            boolean[] applied = new boolean[specs.size()];
            ArrayList<Integer> stack = new ArrayList<>();
            for (String c : current) {
                Integer i = at.get(c);
                if (i != null) {
                    stack.add(i);
                }
            }
            while (!stack.isEmpty()) {
                int i = stack.remove(stack.size() - 1);
                if (applied[i]) {
                    continue;
                }
                applied[i] = true;
                for (String p : parents.get(i)) {
                    Integer j = at.get(p);
                    if (j != null) {
                        stack.add(j);
                    }
                }
                for (String d : deps.get(i)) {
                    Integer j = at.get(d);
                    if (j != null) {
                        stack.add(j);
                    }
                }
            }
            List<GraphNode> out = new ArrayList<>(specs.size());
            for (int i = 0; i < specs.size(); i++) {
                String id = specs.get(i)[0];
                int children = childCount.getOrDefault(id, 0);
                out.add(new GraphNode(id, parents.get(i), deps.get(i), labels.get(i), specs.get(i)[1],
                        children == 0, children > 1, parents.get(i).size() > 1, applied[i],
                        current.contains(id)));
            }
            return new GraphModel(out);
        }
    }
}
