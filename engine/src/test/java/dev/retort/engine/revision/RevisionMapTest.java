package dev.retort.engine.revision;

import static dev.retort.engine.revision.Graphs.ids;
import static dev.retort.engine.revision.Graphs.iterate;
import static dev.retort.engine.revision.Graphs.iterateDown;
import static dev.retort.engine.revision.Graphs.map;
import static dev.retort.engine.revision.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Section A of alembic-tests.md: pure RevisionMap behaviour (Alembic's test_revision.py). */
class RevisionMapTest {

    private static String message(Runnable r) {
        return assertThrows(RuntimeException.class, r::run).getMessage();
    }

    @Nested
    class ApiBasics {
        RevisionMap l3 = map("a", "b <- a", "c <- b");
        RevisionMap y = map("a", "b <- a", "c1 <- b", "c2 <- b");

        @Test
        void addingAChildMovesTheHead() {
            assertEquals(List.of("d"), ids(map("a", "b <- a", "c <- b", "d <- c").heads()));
            // the removed head drops out and the new head comes last (map order)
            assertEquals(List.of("c2", "d1"), ids(map("a", "b <- a", "c1 <- b", "c2 <- b", "d1 <- c1").heads()));
        }

        @Test
        void headAndBaseSymbols() {
            assertEquals("c", l3.resolveOne("head").orElseThrow().id());
            assertEquals(Optional.empty(), l3.resolveOne("base"));
            assertEquals(Optional.empty(), map("a", "b").resolveOne("base"));
        }

        @Test
        void headWithTwoHeadsIsAMultipleHeadsError() {
            String expected = "Multiple head revisions are present for given argument 'head'; please specify a "
                    + "specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for "
                    + "all heads";
            assertEquals(expected, message(() -> y.resolveOne("head")));
            assertEquals(expected, message(() -> y.resolve("head")));
            assertTrue(message(() -> y.resolveOne("heads")).startsWith("Multiple head revisions are present for "
                    + "given argument 'heads'"));
            assertEquals(List.of("c1", "c2"), ids(y.resolve("heads")));
        }

        @Test
        void duplicateTargetsAreTolerated() {
            assertEquals(List.of("c", "b"), iterate(l3, List.of("c", "c"), "a", false, false));
        }
    }

    @Test
    void diamondIsOrderedDepthFirstByMapOrder() {
        RevisionMap m = map("a", "b1 <- a", "b2 <- a", "c <- (b1, b2)", "d <- c");
        assertEquals(List.of("d", "c", "b1", "b2", "a"), iterate(m, "d", "a", true, false));
    }

    @Test
    void emptyMapIteratesToNothing() {
        assertEquals(List.of(), iterate(map(), "head", "base", true, false));
    }

    @Nested
    class LabeledBranches {
        RevisionMap m = map("a[abranch]", "b <- a", "somelongername <- b", "c <- somelongername", "d",
                "e[ebranch] <- d", "someothername <- e", "f <- someothername");

        @Test
        void sameLabelTwiceIsRejected() {
            assertEquals("Branch name 'xy1' in revision e already used by revision c",
                    message(() -> map("a", "b <- a", "c[xy1] <- b", "d", "e[xy1] <- d")));
        }

        @Test
        void mergeHeadIsInTheLineageOfBothSides() {
            RevisionMap g = map("a", "b <- a", "c1[c1branch] <- b", "c2 <- b", "d <- (c1, c2)");
            Resolver r = new Resolver(g.graph());
            List<Integer> targets = List.of(idx(g, "c1"), idx(g, "c2"), idx(g, "d"));
            assertEquals(targets, r.filterForLineage(targets, "c1branch@head", false));
            assertEquals(List.of(idx(m, "f")), new Resolver(m.graph()).filterForLineage(List.of(idx(m, "f")),
                    "heads", false));
        }

        @Test
        void basesOfALineage() {
            Resolver r = new Resolver(m.graph());
            assertEquals(List.of(idx(m, "a")), r.filterForLineage(Resolver.list(m.graph().bases),
                    "somelongername@base", false));
            assertEquals(List.of(idx(m, "a"), idx(m, "d")), r.filterForLineage(Resolver.list(m.graph().bases),
                    "base", false));
        }

        @Test
        void labelSymbols() {
            assertEquals("f", m.resolveOne("ebranch@head").orElseThrow().id());
            assertEquals("c", m.resolveOne("abranch@head").orElseThrow().id());
            assertEquals("c", m.resolveOne("abranch@heads").orElseThrow().id());
            assertEquals(Optional.empty(), m.resolveOne("abranch@base"));
            assertEquals("d", m.resolveOne("ebranch@d").orElseThrow().id());
            assertEquals("e", m.resolveOne("ebranch@ebranch").orElseThrow().id());
            assertEquals("a", m.resolveOne("abranch").orElseThrow().id());
        }

        @Test
        void aRevisionCanNameItsBranch() {
            assertEquals("d", m.resolveOne("e@d").orElseThrow().id());
            assertEquals("d", m.resolveOne("someoth@d").orElseThrow().id());
        }

        @Test
        void branchErrors() {
            Resolver r = new Resolver(m.graph());
            assertEquals("No such branch: 'x'", message(() -> r.getRevision("x@d")));
            assertEquals("Revision b is not a member of branch 'ebranch'", message(() -> r.getRevision("ebranch@b")));
            assertEquals("Revision d is not a member of branch 'abranch'", message(() -> r.getRevision("abranch@d")));
            // the CLI shows resolution errors as "Can't locate ..."
            assertEquals("Can't locate revision identified by 'x'", message(() -> m.resolveOne("x@d")));
        }

        @Test
        void partialIdsInsideALabelsScope() {
            assertEquals("someothername", m.resolveOne("ebranch@some").orElseThrow().id());
            assertEquals("somelongername", m.resolveOne("abranch@some").orElseThrow().id());
            Resolver r = new Resolver(m.graph());
            assertEquals("No such revision or branch 'sos'; please ensure at least four characters are present "
                    + "for partial revision identifier matches", message(() -> r.getRevision("ebranch@sos")));
            assertEquals("No such revision or branch 'qprstuv'", message(() -> r.getRevision("abranch@qprstuv")));
            assertEquals("e", m.resolveOne("e").orElseThrow().id());
        }

        @Test
        void ambiguousPrefixListsTheFirstThreeCandidates() {
            RevisionMap g = map("abc1", "abc2 <- abc1", "abc3 <- abc2", "abc4 <- abc3");
            assertEquals("Multiple revisions start with 'ab': 'abc1', 'abc2', 'abc3'...",
                    message(() -> new Resolver(g.graph()).getRevision("ab")));
            List<String> lines = message(() -> g.resolveOne("ab")).lines().toList();
            assertEquals("Can't locate revision identified by 'ab'", lines.get(0), "Alembic's line first");
            assertTrue(lines.size() > 1 && lines.get(1).contains("ambiguous"), () -> "then a hint: " + lines);
        }

        @Test
        void iterationsWithinALabel() {
            assertEquals(List.of("f", "someothername", "e", "d"), iterate(m, "heads", "ebranch@base", true, false));
            assertEquals(List.of("c", "somelongername", "b", "a"), iterate(m, "heads", "abranch@base", true, false));
            assertEquals(List.of("f", "someothername", "e", "d"), iterate(m, "ebranch@head", "base", true, false));
            assertEquals(List.of("f"), iterate(m, "heads", "ebranch@head", true, false));
            assertEquals(List.of("f", "someothername", "e", "d"), iterate(m, "heads", "ebranch@d", true, false));
            assertEquals(List.of("f", "someothername", "e", "d"), iterate(m, "heads", "e@base", true, false));
            assertEquals(List.of("c", "somelongername", "b", "a"), iterate(m, "heads", "c@base", true, false));
            assertEquals(List.of("f", "someothername", "e"), iterate(m, "heads", "ebranch@-2", true, false));
            assertEquals(List.of("e", "d"), iterate(m, "ebranch@+2", "base", true, false));
        }
    }

    @Test
    void shortBranchIsEmittedFirst() {
        RevisionMap m = map("a", "b1 <- a", "b2 <- a", "c1 <- b1", "d11 <- c1", "d12 <- c1");
        assertEquals(List.of("b2", "d11", "d12", "c1", "b1", "a"), iterate(m, "heads", "base", true, false));
    }

    @Nested
    class MultipleBranches {
        RevisionMap m = map("a", "b1 <- a", "b2 <- a", "cb1 <- b1", "cb2 <- b2", "d1cb1 <- cb1", "d2cb1 <- cb1",
                "d1cb2 <- cb2", "d2cb2 <- cb2", "d3cb2 <- cb2", "d1d2cb2 <- (d1cb2, d2cb2)");

        @Test
        void iterations() {
            assertEquals(List.of("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a"), iterate(m, "d1d2cb2", "a", true, false));
            assertEquals(List.of("d2cb2", "d3cb2", "cb2", "b2", "a"),
                    iterate(m, List.of("d2cb2", "d3cb2"), "a", true, false));
            assertEquals(List.of("d3cb2", "cb2", "b2", "a"), iterate(m, "d3cb2", "a", true, false));
            assertEquals(List.of("d3cb2", "cb2", "b2", "a"), iterate(m, "d3cb2", "base", true, false));
            assertEquals(List.of("cb1", "b1", "d3cb2", "cb2", "b2", "a"),
                    iterate(m, List.of("d3cb2", "cb1"), "base", true, false));
            assertEquals(List.of("d2cb2", "d3cb2", "cb2", "b2"),
                    iterate(m, List.of("d1cb1", "d2cb2", "d3cb2"), "b2", true, false));
        }

        @Test
        void wrongDirectionOrUnrelatedRangesAreNotAncestors() {
            assertEquals("Revision d1cb1 is not an ancestor of revision b1", message(() -> iterate(m, "b1", "d1cb1", true, false)));
            assertEquals("Revision b1 is not an ancestor of revision d2cb2", message(() -> iterate(m, "d2cb2", "b1", true, false)));
            assertEquals("Revision d1cb1 is not an ancestor of revision base", message(() -> iterate(m, null, "d1cb1", true, false)));
            assertEquals("Revision d1cb1 is not an ancestor of revision base",
                    message(() -> iterate(m, List.of(), "d1cb1", true, false)));
        }
    }

    @Test
    void effectiveHeadIsImpliedByItsDependent() {
        RevisionMap m = map("y1[y]", "x1[x]", "y2 <- y1 dep:x1", "x2 <- x1");
        assertEquals(List.of("x2"), iterateDown(m, List.of("x2", "y2"), "x@-1", false, false));
        assertEquals(List.of("y2", "x1"), iterateDown(m, List.of("x1", "y2"), "x@-1", false, false));
        assertEquals(List.of("y2", "x1"), iterateDown(m, List.of("y2"), "x@-1", false, false));
    }

    @Nested
    class BranchTravelling {
        RevisionMap m = map("a1", "a2 <- a1", "a3 <- a2", "b1 <- a3", "b2 <- a3", "cb1 <- b1", "cb2 <- b2",
                "db1 <- cb1", "db2 <- cb2", "e1b1 <- db1", "fe1b1 <- e1b1", "e2b1 <- db1", "e2b2 <- db2",
                "merge <- (e2b1, e2b2)");

        @Test
        void implicitBasePullsInTheOtherSideOfTheMerge() {
            assertEquals(List.of("merge", "e2b1", "db1", "e2b2", "db2", "cb2", "b2"), iterate(m, "merge", "db1", true, true));
        }

        @Test
        void depthFirstAlongBranches() {
            assertEquals(List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3"),
                    iterate(m, List.of("merge", "fe1b1"), "a3", true, false));
            assertEquals(List.of("merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"),
                    iterate(m, "merge", "a1", true, false));
            assertEquals(List.of("merge", "e2b1", "db1", "cb1", "b1"), iterate(m, "merge", "b1", true, false));
            assertEquals(List.of("merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2"),
                    iterate(m, "merge", "a2", true, false));
            assertEquals(List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3",
                    "a2", "a1"), iterate(m, List.of("merge", "fe1b1"), "a1", true, false));
        }

        @Test
        void tupleLowerBounds() {
            assertEquals(List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2"),
                    iterate(m, List.of("merge", "fe1b1"), List.of("cb1", "cb2"), true, false));
            assertEquals(List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "e2b2", "db2"),
                    iterate(m, List.of("merge", "fe1b1"), List.of("cb1", "cb2"), false, false));
        }

        @Test
        void overlappingUpperSetIsAnError() {
            assertEquals("Requested revision fe1b1 overlaps with other requested revisions db1",
                    message(() -> iterate(m, List.of("db1", "b2", "fe1b1"), null, true, false)));
        }

        @Test
        void exclusiveToNothingOrBase() {
            assertEquals(List.of("b2", "fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1"),
                    iterate(m, List.of("e2b1", "b2", "fe1b1"), List.of(), false, false));
            assertEquals(List.of("fe1b1", "e1b1", "db1", "cb1", "b1", "a3", "a2", "a1"),
                    iterate(m, "fe1b1", "base", false, false));
        }

        @Test
        void ancestorNodesOfTheMerge() {
            Graph g = m.graph();
            assertEquals(set("a1", "a2", "a3", "b1", "b2", "cb1", "cb2", "db1", "db2", "e2b1", "e2b2", "merge"),
                    set(ids(g.revs(g.checkedClosure(List.of(idx(m, "merge")), Graph.Edges.NORMALIZED_DOWN)))));
        }
    }

    @Nested
    class MultipleBases {
        RevisionMap m = map("base1", "base2", "base3", "a1a <- base1", "a1b <- base1", "a2 <- base2", "a3 <- base3",
                "b1a <- a1a", "b1b <- a1b", "b2 <- a2", "b3 <- a3", "c2 <- b2", "d2 <- c2", "mergeb3d2 <- (b3, d2)");
        List<String> all = List.of("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2",
                "b2", "a2", "base2");

        @Test
        void headsToBase() {
            assertEquals(all, iterate(m, "heads", "base", true, false));
            assertEquals(all, iterate(m, "heads", "base", false, false));
            assertEquals(all, iterate(m, "heads", null, true, false));
        }

        @Test
        void lowerSetWithOverlap() {
            assertTrue(message(() -> iterate(m, List.of("c2"), List.of("a2", "b2"), true, false))
                    .contains("overlaps with other requested revisions"));
        }

        @Test
        void implicitBase() {
            List<String> exclusive = List.of("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2");
            assertEquals(exclusive, iterate(m, "heads", List.of("c2"), false, true));
            List<String> inclusive = new java.util.ArrayList<>(exclusive);
            inclusive.add("c2");
            assertEquals(inclusive, iterate(m, "heads", List.of("c2"), true, true));
            assertEquals(List.of("mergeb3d2", "d2"), iterate(m, "heads", List.of("c2"), false, false));
            assertEquals(List.of("b3", "a3", "base3"), iterate(m, "b3", "base3", true, false));
            assertEquals(List.of("b2", "a2", "base2", "b3", "a3"), iterate(m, List.of("b3", "b2"), "base3", false, true));
        }
    }

    @Nested
    class CrossBaseDependencies {
        RevisionMap one = map("base1[b_1]", "a1a <- base1", "a1b <- base1", "b1a <- a1a", "b1b <- a1b dep:a3",
                "base2[b_2]", "a2 <- base2", "b2 <- a2", "c2 <- b2 dep:a3", "d2 <- c2", "base3[b_3]", "a3 <- base3",
                "b3 <- a3");

        @Test
        void one() {
            assertEquals(List.of("b1a", "b1b", "d2", "b3"), ids(one.heads()));
            List<String> all = List.of("b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3",
                    "base3");
            assertEquals(all, iterate(one, "heads", "base", true, false));
            assertEquals(all, iterateDown(one, "heads", "base", true, false));
            assertEquals("Revision d2 is not an ancestor of revision b2", message(() -> iterate(one, "b2", "d2", true, false)));
            assertEquals("Revision d2 is not an ancestor of revision b3", message(() -> iterate(one, "b3", "d2", true, false)));
            assertEquals(List.of("d2", "c2", "b2", "a2", "base2", "a3", "base3"), iterate(one, "b_2@head", "base", true, false));
            assertEquals(List.of("d2", "c2", "b2", "a2", "base2"), iterateDown(one, "b_2@head", "b_2@base", true, false));
            assertEquals(List.of("b3", "a3", "base3"), iterate(one, "b_3@head", "base", true, false));
            assertEquals(List.of("b3", "a3", "base3"), iterateDown(one, "b_3@head", "base", true, false));
            assertEquals(List.of("b1b", "a1b", "base1", "a3", "base3"), iterate(one, "b1b@head", "base", true, false));
            assertEquals(List.of("b1b", "a1b", "base1"), iterateDown(one, "b1b@head", "b1b@base", true, false));
            assertEquals(List.of("d2", "c2", "b2", "a2", "base2", "a3", "base3"), iterate(one, "heads", "b_2@base", true, false));
            assertEquals(List.of("d2", "c2", "b2", "a2", "base2"), iterateDown(one, "heads", "b_2@base", true, false));
            assertEquals(List.of("b3", "a3", "base3"), iterate(one, "heads", "b_3@base", true, false));
            assertEquals(List.of("b1b", "d2", "c2", "b3", "a3", "base3"), iterateDown(one, "heads", "b_3@base", true, false));
        }

        @Test
        void twoDependsOnALabel() {
            RevisionMap m = map("base1[b_1]", "a1 <- base1", "b1 <- a1", "c1 <- b1", "base2[b_2] dep:b_1", "a2 <- base2",
                    "b2 <- a2", "c2 <- b2", "d2 <- c2", "base3[b_3]", "a3 <- base3", "b3 <- a3", "c3 <- b3 dep:b2",
                    "d3 <- c3");
            assertEquals(List.of("c1", "d2", "d3"), ids(m.heads()));
            assertEquals(List.of("c1", "b1", "a1", "d2", "c2", "d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2",
                    "base1"), iterate(m, "heads", "base", true, false));
            assertEquals(List.of("d2", "c2", "b2", "a2", "base2", "base1"), iterate(m, "b_2@head", "base", true, false));
            assertEquals(List.of("d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"),
                    iterate(m, "b_3@head", "base", true, false));
            assertEquals(List.of("c1", "b1", "a1", "base1"), iterate(m, "b_1@head", "base", true, false));
            assertEquals(List.of("c1", "b1", "a1", "base1"), iterate(m, "heads", "b_1@base", true, false));
            assertEquals(List.of("d2", "c2", "b2", "a2", "base2", "base1"), iterate(m, "heads", "b_2@base", true, false));
            assertEquals(List.of("d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"),
                    iterate(m, "heads", "b_3@base", true, false));
        }

        @Test
        void threeBaseWithADependencyComesAfterItsTarget() {
            RevisionMap m = map("base1", "a1 <- base1", "b1 <- a1", "c2 dep:a1", "c3 <- c2");
            assertEquals(List.of("b1", "c3", "c2", "a1", "base1"), iterate(m, "heads", "base", true, false));
        }
    }

    @Test
    void largeMapIteratesInAValidTopologicalOrder() {
        List<String> specs = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 400; i++) {
            if (i == 0 || random.nextInt(10) == 0) {
                specs.add("r" + i);
            } else if (random.nextInt(8) == 0 && i > 2) {
                int a = random.nextInt(i);
                int b = random.nextInt(i);
                specs.add(a == b ? "r" + i + " <- r" + a : "r" + i + " <- (r" + a + ", r" + b + ")");
            } else {
                String dep = random.nextInt(15) == 0 ? " dep:r" + random.nextInt(i) : "";
                specs.add("r" + i + " <- r" + random.nextInt(i) + dep);
            }
        }
        RevisionMap m = map(specs.toArray(String[]::new));
        List<String> order = iterate(m, "heads", "base", true, false);
        assertEquals(400, order.size());
        assertEquals(400, set(order).size());
        Graph g = m.graph();
        for (int k = 0; k < order.size(); k++) {
            int r = g.byId.get(order.get(k));
            for (int later = 0; later < k; later++) {
                // nothing emitted before r (above it) may be an ancestor of r
                assertTrue(!g.isAncestorInclDeps(g.byId.get(order.get(later)), r) || g.byId.get(order.get(later)) == r);
            }
        }
    }

    @Nested
    class LoopsAndCycles {
        @Test
        void selfLoops() {
            assertEquals("Self-loop is detected in revisions (a)", message(() -> map("a <- a")));
            assertEquals("Self-loop is detected in revisions (a)", message(() -> map("a <- a", "b <- a")));
            assertEquals("Self-loop is detected in revisions (c)", message(() -> map("a", "b <- a", "c <- (b, c)")));
            assertEquals("Self-loop is detected in revisions (b)", message(() -> map("a", "b <- (a, b)", "c <- b", "d <- b")));
            assertEquals("Self-loop is detected in revisions (c)",
                    message(() -> map("a", "b1 <- a", "b2 <- a", "c <- (b1, b2, c)")));
        }

        @Test
        void dependencySelfLoops() {
            assertEquals("Dependency self-loop is detected in revisions (a)", message(() -> map("a dep:a")));
            assertEquals("Dependency self-loop is detected in revisions (c)", message(() -> map("a", "b <- a", "c <- b dep:c")));
        }

        @Test
        void substringsAreNotLoops() {
            assertEquals(List.of("user", "user_foo"), iterate(map("user_foo", "user <- user_foo"), "heads", "base", true, false));
            assertEquals(List.of("user", "user_foo"), iterate(map("user_foo", "user dep:user_foo"), "heads", "base", true, false));
            RevisionMap both = map("user_foo", "user <- user_foo dep:user_foo");
            assertEquals(List.of("user", "user_foo"), iterate(both, "heads", "base", true, false));
            assertEquals(List.of("user_foo"), both.normalizedDown(both.get("user").orElseThrow()));
        }

        @Test
        void cycles() {
            assertEquals("Cycle is detected in revisions (a, b, c)", message(() -> map("a <- c", "b <- a", "c <- b")));
            assertEquals("Cycle is detected in revisions (a, b, c)",
                    message(() -> map("a <- c", "b <- a", "c <- b", "d", "e <- d")));
            assertEquals("Cycle is detected in revisions (a, b, c, d, e)",
                    message(() -> map("a <- c", "b <- a", "c <- b", "d <- c", "e <- d")));
            assertEquals("Cycle is detected in revisions (a, b, c, d, e)",
                    message(() -> map("a", "b <- a", "c <- (b, e)", "d <- c", "e <- d")));
        }

        @Test
        void dependencyCycles() {
            assertEquals("Dependency cycle is detected in revisions (a, b, c)",
                    message(() -> map("a dep:c", "b <- a", "c <- b")));
            assertEquals("Dependency cycle is detected in revisions (a, b, c)",
                    message(() -> map("a dep:c", "b <- a", "c <- b", "d", "e <- d")));
            assertEquals("Dependency cycle is detected in revisions (a, b, c, d, e)",
                    message(() -> map("a dep:c", "b <- a", "c <- b", "d <- c", "e <- d")));
            assertEquals("Dependency cycle is detected in revisions (a, b, c, d, e)",
                    message(() -> map("a", "b <- a", "c <- b dep:e", "d <- c", "e <- d")));
        }

        @Test
        void cycleBetweenABaseAndAHeadThatAlembicMissesIsStillACycle() {
            // Alembic's reachability test passes (a is a base, d a head, all reachable) and it
            // would loop later; Retort's full topological check names the cycle.
            assertEquals("Cycle is detected in revisions (b, c)", message(() -> map("a", "b <- (a, c)", "c <- b", "d <- c")));
        }
    }

    @Nested
    class NormalizedDependencies {
        RevisionMap m = map("a1", "a2 <- a1", "a3 <- a2", "b1", "b2 <- b1 dep:a3", "b3 <- b2", "b4 <- b3 dep:a3",
                "b5 <- b4 dep:b4");

        @Test
        void dependencyDeclaredByAnAncestorIsDropped() {
            Revision b4 = m.get("b4").orElseThrow();
            assertEquals(List.of("b3", "a3"), m.graph().ids(m.graph().allDown[idx(m, "b4")]));
            assertEquals(List.of("a3"), ids(m.dependencies(b4)));
            assertEquals(List.of("b3"), m.normalizedDown(b4));
            assertEquals(List.of("b4"), m.normalizedDown(m.get("b5").orElseThrow()));
        }

        @Test
        void downgradeSelections() {
            assertEquals(List.of("b4", "b3", "b2", "b1"), iterateDown(m, "b4", "b1@base", true, false));
            assertEquals(List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1"), iterateDown(m, "heads", "base", true, false));
            assertEquals(List.of("b5", "b4", "b3", "b2", "a3", "a2"), iterateDown(m, "heads", "a2", true, false));
            assertEquals(List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2"), iterateDown(m, "heads", "a2", true, true));
        }

        @Test
        void upgradeSelections() {
            assertEquals(List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1"), iterate(m, "b5", List.of("b1"), true, true));
            RevisionMap c = map("c1", "a1", "a2 <- a1 dep:c1", "a3 <- a2 dep:c1", "b1", "b2 <- b1 dep:a3", "b3 <- b2",
                    "b4 <- b3 dep:a3", "b5 <- b4");
            assertEquals(List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1", "c1"),
                    iterate(c, "b5", List.of("b1"), true, true));
        }
    }

    @Nested
    class LoadErrorsWhereAlembicCrashes {
        @Test
        void missingDownRevisionNamesTheFile() {
            // Alembic: warning, then KeyError (traceback, exit 1)
            List<Revision> revs = List.of(Revision.of("a", List.of(), List.of(), List.of()),
                    new Revision("b", List.of("zzz"), List.of(), List.of(), "", Path.of("/v/b_add.sql")));
            assertEquals("Revision zzz referenced from b_add.sql is not present",
                    assertThrows(RetortException.class, () -> RevisionMap.of(revs)).getMessage());
            assertEquals("Revision zzz referenced from b is not present", message(() -> map("a", "b <- zzz")));
        }

        @Test
        void missingDependencyNamesTheFile() {
            // Alembic: KeyError in _add_depends_on
            assertEquals("Dependency nope of revision b is not present", message(() -> map("a", "b <- a dep:nope")));
        }

        @Test
        void partialDependencyIdResolvesWhenUnambiguous() {
            RevisionMap m = map("abcdef", "b1234 dep:abcd");
            assertEquals(List.of("abcdef"), m.normalizedDown(m.get("b1234").orElseThrow()));
        }

        @Test
        void duplicateIdsAreRejected() {
            assertEquals("Revision a is present more than once: a and a", message(() -> map("a", "a")));
        }
    }

    static int idx(RevisionMap m, String id) {
        return m.graph().byId.get(id);
    }
}
