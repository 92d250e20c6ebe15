package dev.retort.shell.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Histories for tests, the demo and the benchmarks. */
public final class SampleGraphs {
    private SampleGraphs() {}

    /**
     * A pseudo-random history of {@code n} revisions: mostly linear runs, with branches,
     * merges of two and three heads, a few extra bases and dependencies; deterministic in
     * {@code seed}. The database is at a revision about two thirds of the way up.
     */
    public static GraphModel generated(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<List<String>> parents = new ArrayList<>();
        List<List<String>> deps = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("%012x", (i * 0x9E3779B97F4AL + seed) & 0xFFFFFFFFFFFFL);
            List<String> ps = new ArrayList<>();
            double r = rnd.nextDouble();
            if (heads.isEmpty() || r < 0.01) {
                // a new base
            } else if (r < 0.06 && heads.size() >= 2) {
                int k = Math.min(heads.size(), rnd.nextDouble() < 0.2 ? 3 : 2);
                for (int j = 0; j < k; j++) {
                    ps.add(heads.remove(heads.size() - 1));
                }
            } else if (r < 0.12 && ids.size() > 3 && heads.size() < 6) {
                ps.add(ids.get(ids.size() - 1 - rnd.nextInt(Math.min(ids.size(), 8))));
            } else {
                ps.add(heads.remove(rnd.nextInt(heads.size())));
            }
            heads.removeAll(ps);
            List<String> ds = new ArrayList<>();
            if (rnd.nextDouble() < 0.02 && ids.size() > 10) {
                String d = ids.get(ids.size() - 1 - rnd.nextInt(10));
                if (!ps.contains(d)) {
                    ds.add(d);
                }
            }
            ids.add(id);
            parents.add(ps);
            deps.add(ds);
            heads.add(id);
        }
        GraphModel.Builder b = GraphModel.builder();
        for (int i = n - 1; i >= 0; i--) {
            List<String> labels = i % 500 == 7 ? List.of("feature_" + i) : List.of();
            b.add(ids.get(i), parents.get(i), deps.get(i), labels,
                    "revision " + i + (i % 97 == 0 ? " with a rather long message that goes on and on "
                            + "describing every table and column it touches, well past any screen width" : ""));
        }
        b.current(ids.get(n * 2 / 3));
        return b.build();
    }

    /** A small history with every feature: branches, a 3-way merge, two bases, a dependency. */
    public static GraphModel showcase() {
        return showcase("b00000000006", "b00000000005");
    }

    /** {@link #showcase()} with the database at these revisions. */
    public static GraphModel showcase(String... current) {
        return showcaseBuilder().current(current).build();
    }

    static GraphModel.Builder showcaseBuilder() {
        return GraphModel.builder()
                .add("f00d00000009", List.of("c0ffee000008"), List.of(), List.of(), "add audit trigger")
                .add("c0ffee000008", List.of("b00000000005", "b00000000006", "b00000000007"), List.of(),
                        List.of(), "merge accounts, billing and search")
                .add("b00000000007", List.of("a00000000002"), List.of("d00000000004"), List.of("search"),
                        "add search index")
                .add("b00000000006", List.of("a00000000002"), List.of(), List.of("billing"), "add invoice table")
                .add("b00000000005", List.of("a00000000003"), List.of(), List.of("accounts"), "add account table")
                .add("d00000000004", List.of(), List.of(), List.of("lookup"), "lookup tables (second base)")
                .add("a00000000003", List.of("a00000000002"), "add user email")
                .add("a00000000002", List.of("a00000000001"), "add user table")
                .add("a00000000001", List.of(), "initial schema");
    }
}
