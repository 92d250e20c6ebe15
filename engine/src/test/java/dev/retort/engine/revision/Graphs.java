package dev.retort.engine.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Test helpers: graphs written as data, the way alembic-tests.md writes them
 * ({@code "c1[c1branch] <- b"}, {@code "m <- (a, b)"}, {@code "y2 <- y1 dep:x1,x3"}), and
 * shortcuts into the package-private traversal.
 */
final class Graphs {

    private Graphs() {}

    static RevisionMap map(String... specs) {
        return RevisionMap.of(revisions(specs));
    }

    static List<Revision> revisions(String... specs) {
        List<Revision> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(revision(spec));
        }
        return out;
    }

    static Revision revision(String spec) {
        String s = spec.trim();
        List<String> deps = List.of();
        int dep = s.indexOf(" dep:");
        if (dep >= 0) {
            deps = split(s.substring(dep + 5));
            s = s.substring(0, dep).trim();
        }
        List<String> down = List.of();
        int arrow = s.indexOf("<-");
        if (arrow >= 0) {
            String d = s.substring(arrow + 2).trim().replace("(", "").replace(")", "");
            down = split(d);
            s = s.substring(0, arrow).trim();
        }
        List<String> labels = List.of();
        int bracket = s.indexOf('[');
        if (bracket >= 0) {
            labels = split(s.substring(bracket + 1, s.indexOf(']')));
            s = s.substring(0, bracket).trim();
        }
        return Revision.of(s, down, deps, labels);
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    static List<String> ids(List<Revision> revs) {
        return revs.stream().map(Revision::id).toList();
    }

    static Set<String> set(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    static Set<String> set(List<String> ids) {
        return new TreeSet<>(ids);
    }

    /** {@code iterate_revisions(upper, lower, inclusive, implicit_base)} without downgrade selection. */
    static List<String> iterate(RevisionMap map, Object upper, Object lower, boolean inclusive, boolean implicitBase) {
        Graph g = map.graph();
        Traversal t = new Traversal(g, new Resolver(g));
        return names(g, t.iterateUpgrade(spec(upper), spec(lower), inclusive, implicitBase, true));
    }

    /** {@code iterate_revisions(upper, lower, ..., select_for_downgrade=True)}. */
    static List<String> iterateDown(RevisionMap map, Object upper, String lower, boolean inclusive,
            boolean implicitBase) {
        Graph g = map.graph();
        Traversal t = new Traversal(g, new Resolver(g));
        List<String> current = upper instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : upper == null ? List.of() : List.of((String) upper);
        return names(g, t.iterateDowngrade(current, lower, inclusive, implicitBase, true, w -> { }));
    }

    private static Traversal.Spec spec(Object side) {
        if (side == null) {
            return Traversal.Spec.of(List.of());
        }
        if (side instanceof List<?> l) {
            return Traversal.Spec.of(l.stream().map(String::valueOf).toList());
        }
        return Traversal.Spec.of((String) side);
    }

    private static List<String> names(Graph g, List<Integer> idx) {
        return idx.stream().map(g::id).toList();
    }

    /** Steps as {@code "up b"} / {@code "down b"} / {@code "stamp a -> b"}. */
    static List<String> describe(List<Step> steps) {
        return steps.stream().map(s -> s instanceof Step.Migration m
                ? (m.upgrade() ? "up " : "down ") + m.revision().id()
                : s.describe()).toList();
    }

    /** The rows after running {@code steps} from {@code rows}. */
    static Set<String> run(RevisionMap map, List<String> rows, List<Step> steps) {
        HeadMaintainer hm = new HeadMaintainer(map, rows);
        steps.forEach(hm::apply);
        return new TreeSet<>(hm.heads());
    }

    static List<String> warnings(Consumer<Consumer<String>> action) {
        List<String> out = new ArrayList<>();
        action.accept(out::add);
        return out;
    }
}
