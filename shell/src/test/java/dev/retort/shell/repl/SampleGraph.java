package dev.retort.shell.repl;

import java.util.List;

/** A slice of the sample environment's graph, as the shell sees it, for tests. */
final class SampleGraph {
    private SampleGraph() {}

    static RevisionIndex index() {
        return RevisionIndex.of(List.of(
                new RevisionEntry("a1f3c09e7b2d", "create customer table", List.of(), false, false, false, false),
                new RevisionEntry("4b7e21d0c9a3", "create product catalogue", List.of(), false, false, false, false),
                new RevisionEntry("a1f37be04c51", "add inventory", List.of(), false, false, false, false),
                new RevisionEntry("9d0c6e3a21f7", "seed categories and backfill skus", List.of(), false, true, true, false),
                new RevisionEntry("5c4a8e2f1b90", "create payment table", List.of("payments"), false, false, false, false),
                new RevisionEntry("4b7e9a02d3f5", "add payment status and refunds", List.of("payments"), false, false, false, false),
                new RevisionEntry("d4e1c7a92b5f", "merge payments into main", List.of(), false, false, false, true),
                new RevisionEntry("b26e0d4f8a31", "add product reviews", List.of(), true, false, false, false),
                new RevisionEntry("f05e2b8c4d19", "create shipment table", List.of("shipping"), false, false, false, false),
                new RevisionEntry("f05e8a1c2b37", "add carriers", List.of("shipping"), true, false, false, false)));
    }

    static ShellState state(String database) {
        return () -> new ShellState.Snapshot("sample-env", database, List.of("9d0c6e3a21f7"), 11, index());
    }
}
