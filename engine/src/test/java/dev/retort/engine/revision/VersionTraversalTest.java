package dev.retort.engine.revision;

import static dev.retort.engine.revision.Graphs.describe;
import static dev.retort.engine.revision.Graphs.map;
import static dev.retort.engine.revision.Graphs.run;
import static dev.retort.engine.revision.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Section B of alembic-tests.md: steps and version-table bookkeeping (test_version_traversal.py). */
class VersionTraversalTest {

    private static String error(Runnable r) {
        return assertThrows(RetortException.class, r::run).getMessage();
    }

    private static List<String> up(RevisionMap m, String dest, String... current) {
        return describe(m.upgradeSteps(dest, List.of(current)));
    }

    private static List<String> down(RevisionMap m, String dest, String... current) {
        return describe(m.downgradeSteps(dest, List.of(current)));
    }

    private static Set<String> afterUp(RevisionMap m, String dest, String... current) {
        return run(m, List.of(current), m.upgradeSteps(dest, List.of(current)));
    }

    private static Set<String> afterDown(RevisionMap m, String dest, String... current) {
        return run(m, List.of(current), m.downgradeSteps(dest, List.of(current)));
    }

    @Nested
    class LinearChain {
        RevisionMap m = map("a", "b <- a", "c <- b", "d <- c", "e <- d");

        @Test
        void noOpDowngrades() {
            assertEquals(List.of(), down(m, "base"));
            assertEquals(List.of(), down(m, "a", "a"));
            assertEquals(List.of(), down(m, "e", "e"));
        }

        @Test
        void upgrades() {
            assertEquals(List.of("up d", "up e"), up(m, "e", "c"));
            assertEquals(set("e"), afterUp(m, "e", "c"));
            assertEquals(List.of("up a", "up b", "up c"), up(m, "c"));
        }

        @Test
        void relativeUpgrades() {
            assertEquals(List.of("up b", "up c"), up(m, "+2", "a"));
            assertEquals(List.of("up b"), up(m, "+1", "a"));
            assertEquals(List.of("up c", "up d", "up e"), up(m, "+3", "b"));
            assertEquals(List.of("up b", "up c", "up d"), up(m, "b+2", "a"));
            assertEquals(List.of("up b"), up(m, "d-2", "a"));
        }

        @Test
        void relativeUpgradeErrors() {
            assertEquals("Relative revision -2 didn't produce 2 migrations", error(() -> up(m, "-2", "b")));
            assertEquals("Relative revision +5 didn't produce 5 migrations", error(() -> up(m, "+5", "b")));
        }

        @Test
        void downgrades() {
            assertEquals(List.of("down e", "down d"), down(m, "c", "e"));
            assertEquals(set("c"), afterDown(m, "c", "e"));
            assertEquals(List.of("down c", "down b", "down a"), down(m, "base", "c"));
            assertEquals(set(), afterDown(m, "base", "c"));
        }

        @Test
        void relativeDowngrades() {
            assertEquals(set("b"), afterDown(m, "-1", "c"));
            assertEquals(List.of("down e", "down d", "down c"), down(m, "-3", "e"));
            assertEquals(set("b"), afterDown(m, "-3", "e"));
            assertEquals(List.of("down d"), down(m, "a+2", "d"));
            assertEquals(set("c"), afterDown(m, "a+2", "d"));
            assertEquals(List.of("down d", "down c", "down b"), down(m, "c-2", "d"));
            assertEquals(set("a"), afterDown(m, "c-2", "d"));
        }

        @Test
        void relativeDowngradeErrors() {
            assertEquals("Relative revision -5 didn't produce 5 migrations", error(() -> down(m, "-5", "b")));
            assertEquals("Relative revision +2 didn't produce 2 migrations", error(() -> down(m, "+2", "b")));
        }

        @Test
        void downgradeTargetAboveCurrentEchoesTheArgumentAsTyped() {
            assertEquals("Destination b is not a valid downgrade target from current head(s)", error(() -> down(m, "b")));
            assertEquals("Destination c is not a valid downgrade target from current head(s)", error(() -> down(m, "c", "b")));
            RevisionMap longIds = map("aaaa1", "bbbb2 <- aaaa1", "cccc3 <- bbbb2");
            assertEquals("Destination bbb is not a valid downgrade target from current head(s)",
                    error(() -> down(longIds, "bbb")));
            assertEquals("Destination cccc is not a valid downgrade target from current head(s)",
                    error(() -> down(longIds, "cccc", "bbbb2")));
        }

        @Test
        void stampBaseDeletesTheRow() {
            List<Step> steps = m.stampSteps(List.of("base"), List.of("d"));
            assertEquals(List.of(new Step.Stamp(List.of("d"), List.of(), false, true)), steps);
            HeadMaintainer hm = new HeadMaintainer(m, List.of("d"));
            assertEquals(List.of(new VersionChange.Delete("d")), hm.apply(steps.get(0)));
        }
    }

    @Nested
    class TwoLabelledBranches {
        RevisionMap m = map("a", "b <- a", "c1[c1branch] <- b", "d1 <- c1", "c2[c2branch] <- b", "d2 <- c2");

        @Test
        void stampsAcrossBranches() {
            HeadMaintainer hm = new HeadMaintainer(m, List.of("d1", "c2"));
            List<Step> toB = m.stampSteps(List.of("b"), List.of("d1", "c2"));
            assertEquals(1, toB.size());
            assertEquals(List.of(new VersionChange.Delete("d1"), new VersionChange.Update("c2", "b")), hm.apply(toB.get(0)));
            assertEquals(set("d1"), deleted(m.stampSteps(List.of("c1branch@base"), List.of("d1", "c2")), "d1", "c2"));
            List<Step> head = m.stampSteps(List.of("c2branch@head"), List.of("d1", "c2"));
            assertEquals(List.of(new VersionChange.Update("c2", "d2")),
                    new HeadMaintainer(m, List.of("d1", "c2")).apply(head.get(0)));
        }

        private Set<String> deleted(List<Step> steps, String... rows) {
            HeadMaintainer hm = new HeadMaintainer(m, List.of(rows));
            Set<String> out = new java.util.TreeSet<>();
            steps.forEach(s -> hm.apply(s).forEach(c -> out.add(((VersionChange.Delete) c).revision())));
            return out;
        }

        @Test
        void upgrades() {
            assertEquals(List.of("up c1", "up d1"), up(m, "d1", "b"));
            assertEquals(set("d1"), afterUp(m, "d1", "b"));
            // Alembic's test passes the tuple (d1, d2); "heads" names the same two revisions
            assertEquals(List.of("up b", "up c2", "up d2", "up c1", "up d1"), up(m, "heads", "a"));
            assertEquals(set("d1", "d2"), afterUp(m, "heads", "a"));
            assertEquals(List.of("up c2"), up(m, "c2branch@head-1", "b"));
        }

        @Test
        void downgradeToTheBranchPoint() {
            assertEquals(List.of("down d1", "down c1", "down d2", "down c2", "down b"), down(m, "a", "d1", "d2"));
            assertEquals(set("a"), afterDown(m, "a", "d1", "d2"));
            assertEquals(List.of("down d1", "down c1", "down d2", "down c2"), down(m, "base+2", "d2", "d1"));
            assertEquals(set("b"), afterDown(m, "base+2", "d2", "d1"));
        }

        @Test
        void downgradeOneBranch() {
            assertEquals(List.of("down d2", "down c2"), down(m, "c2branch@base+2", "d2", "d1"));
            assertEquals(set("d1"), afterDown(m, "c2branch@base+2", "d2", "d1"));
            assertEquals(List.of("down d2"), down(m, "c2", "d2", "d1"));
            assertEquals(set("d1", "c2"), afterDown(m, "c2", "d2", "d1"));
            assertEquals(List.of("down d2"), down(m, "c2branch@base+3", "d2", "d1"));
        }

        @Test
        void downgradeMinusOneFromSeveralHeadsTakesTheFirstRowAndWarns() {
            List<String> warnings = new ArrayList<>();
            List<Step> steps = m.downgradeSteps("-1", List.of("d2", "d1"), warnings::add);
            assertEquals(List.of("down d2"), describe(steps));
            assertEquals(List.of("downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a "
                    + "future release."), warnings);
            assertEquals(set("d1", "c2"), afterDown(m, "-1", "d2", "d1"));
            assertEquals(set("d1"), afterDown(m, "-1", "c2", "d1"));
            assertEquals(set("d2", "c1"), afterDown(m, "-1", "d1", "d2"));
            assertEquals(set("d2"), afterDown(m, "-1", "c1", "d2"));
        }

        @Test
        void branchRelativeDowngradesDoNotWarn() {
            List<String> warnings = new ArrayList<>();
            assertEquals(List.of("down d1"), describe(m.downgradeSteps("c1branch@-1", List.of("d1", "d2"), warnings::add)));
            assertEquals(List.of(), warnings);
            assertEquals(set("c1", "d2"), afterDown(m, "c1branch@-1", "d1", "d2"));
            assertEquals(set("c1", "c2"), afterDown(m, "d2-1", "d2", "c1"));
            assertEquals(set("c1", "c2"), afterDown(m, "d2-1", "c1", "d2"));
            assertEquals(set("c1", "d2"), afterDown(m, "c1branch@head-1", "d1", "d2"));
        }

        @Test
        void branchAtRevisionDowngrades() {
            assertEquals(List.of("down c1"), down(m, "c1branch@b", "c1", "d2"));
            assertEquals(set("d2"), afterDown(m, "c1branch@b", "c1", "d2"));
            assertEquals(List.of("down d2", "down c2"), down(m, "c2branch@b", "c1", "d2"));
            assertEquals(set("c1"), afterDown(m, "c2branch@b", "c1", "d2"));
            assertEquals(set("d1"), afterDown(m, "c2@b", "d1", "d2"));
            assertEquals(List.of("down d1", "down c1"), down(m, "d1@b", "d1", "d2"));
            assertEquals(set("d2"), afterDown(m, "d1@b", "d1", "d2"));
        }

        @Test
        void branchRelativeUpgrades() {
            assertEquals(List.of("up c2"), up(m, "c2branch@+1", "c1"));
            assertEquals(set("c1", "c2"), afterUp(m, "c2branch@+1", "c1"));
            assertEquals(List.of("up d2"), up(m, "c2branch@+1", "c1", "c2"));
            assertEquals(set("c1", "d2"), afterUp(m, "c2branch@+1", "c1", "c2"));
            assertEquals("Ambiguous upgrade from multiple current revisions\nChoose a branch: upgrade c1branch@+1 or "
                    + "upgrade c2branch@+1", error(() -> up(m, "+1", "c1", "c2")), "Alembic's line, then the way out");
            assertEquals(List.of("up a"), up(m, "base+1"));
            assertEquals(List.of("up a"), up(m, "+1"));
        }

        @Test
        void edgeDowngrades() {
            assertEquals(set(), afterDown(m, "-1", "a"));
            assertEquals("Relative revision -1 didn't produce 1 migrations", error(() -> down(m, "-1")));
            assertEquals(List.of(), down(m, "c2", "d1", "c2"));
            assertEquals(List.of(), down(m, "d1", "d1", "c2"));
        }
    }

    @Nested
    class BranchFromMergePoint {
        RevisionMap two = map("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2", "d1 <- (c1, c2)", "d2 <- c2");
        RevisionMap three = map("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2", "a3", "b3 <- a3", "c3 <- b3",
                "d1 <- (c1, c2, c3)", "d2 <- c2", "d3 <- c3");

        @Test
        void twoWay() {
            assertEquals(List.of("up c1", "up d1"), up(two, "d1", "d2", "b1"));
            assertEquals(set("d2", "d1"), afterUp(two, "d1", "d2", "b1"));
            assertEquals(List.of("down d1", "down c1"), down(two, "b1", "d2", "d1"));
            assertEquals(set("d2", "b1"), afterDown(two, "b1", "d2", "d1"));
        }

        @Test
        void threeWay() {
            assertEquals(List.of("up c1", "up d1"), up(three, "d1", "d3", "d2", "b1"));
            assertEquals(set("d3", "d2", "d1"), afterUp(three, "d1", "d3", "d2", "b1"));
            assertEquals(List.of("down d1", "down c1"), down(three, "b1", "d3", "d2", "d1"));
            assertEquals(set("d3", "d2", "b1"), afterDown(three, "b1", "d3", "d2", "d1"));
            assertEquals(List.of("up c2", "up c1", "up d1"), up(three, "d1", "d3", "b2", "b1"));
            assertEquals(set("d3", "d1"), afterUp(three, "d1", "d3", "b2", "b1"));
            assertEquals(List.of("up d2"), up(three, "d2", "d3", "d1"));
            assertEquals(set("d3", "d2", "d1"), afterUp(three, "d2", "d3", "d1"));
        }
    }

    @Nested
    class TwinMerges {
        private Set<String> stepUp(RevisionMap m, HeadMaintainer hm, String rev) {
            Revision r = m.get(rev).orElseThrow();
            hm.apply(new Step.Migration(r, true, m.normalizedDown(r)));
            return set(hm.heads());
        }

        @Test
        void twinMerge() {
            RevisionMap m = map("a", "b1 <- a", "b2 <- a", "b3 <- a", "c1 <- (b1, b2, b3)", "c2 <- (b1, b2, b3)",
                    "d1 <- c1", "d2 <- c2");
            HeadMaintainer hm = new HeadMaintainer(m, List.of("a"));
            assertEquals(set("b3"), stepUp(m, hm, "b3"));
            assertEquals(set("b1", "b3"), stepUp(m, hm, "b1"));
            assertEquals(set("b1", "b2", "b3"), stepUp(m, hm, "b2"));
            assertEquals(set("c2"), stepUp(m, hm, "c2"));
            assertEquals(set("d2"), stepUp(m, hm, "d2"));
            assertEquals(set("c1", "d2"), stepUp(m, hm, "c1"));
            assertEquals(set("d1", "d2"), stepUp(m, hm, "d1"));
        }

        @Test
        void notQuiteTwinMerge() {
            RevisionMap m = map("a", "b1 <- a", "b2 <- a", "b3 <- a", "c1 <- (b1, b2)", "c2 <- (b2, b3)", "d1 <- c1",
                    "d2 <- c2");
            HeadMaintainer hm = new HeadMaintainer(m, List.of("a"));
            assertEquals(set("b2"), stepUp(m, hm, "b2"));
            assertEquals(set("b2", "b3"), stepUp(m, hm, "b3"));
            assertEquals(set("c2"), stepUp(m, hm, "c2"));
            assertEquals(set("d2"), stepUp(m, hm, "d2"));
            assertEquals(set("b1", "d2"), stepUp(m, hm, "b1"));
            assertEquals(set("c1", "d2"), stepUp(m, hm, "c1"));
            assertEquals(set("d1", "d2"), stepUp(m, hm, "d1"));
        }
    }

    @Nested
    class DependsOnAcrossBranches {
        @Test
        void one() {
            RevisionMap m = map("a1[lib1]", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2 dep:c1", "d1 <- c1",
                    "e1 <- d1", "f1 <- e1");
            assertEquals(set("c2"), afterDown(m, "c1", "c2", "d1"));
            assertEquals(set("b1"), run(m, List.of("e1", "c2"), m.stampSteps(List.of("b1"), List.of("e1", "c2"))));
        }

        @Test
        void twoKaboom() {
            RevisionMap m = map("a1", "a2", "a3", "amerge <- (a1, a2, a3)", "b1", "b2", "bmerge <- (b1, b2)", "c1", "c2",
                    "c3", "cmerge <- (c1, c2, c3)", "d1 dep:a3,b2,c1");
            assertEquals(List.of("down bmerge"), down(m, "b2", "amerge", "bmerge", "cmerge", "d1"));
            assertEquals(set("amerge", "b1", "cmerge", "d1"), afterDown(m, "b2", "amerge", "bmerge", "cmerge", "d1"));
            assertEquals(List.of("down d1"), down(m, "d1@base", "amerge", "d1", "b1", "cmerge"));
            assertEquals(set("amerge", "b1", "b2", "cmerge"), afterDown(m, "d1@base", "amerge", "d1", "b1", "cmerge"));
            List<String> all = down(m, "base", "amerge", "b1", "b2", "cmerge");
            assertEquals(set("down amerge", "down a1", "down b1", "down b2", "down cmerge", "down c1", "down a2",
                    "down a3", "down c2", "down c3"), set(all));
            assertEquals(10, all.size());
            assertEquals(set(), afterDown(m, "base", "amerge", "b1", "b2", "cmerge"));
        }

        @Test
        void threeCrissCross() {
            RevisionMap m = map("a1", "a2 <- a1", "b1", "b2 <- b1 dep:a2", "b3 <- b2", "a3 <- a2 dep:b1");
            assertEquals(List.of("down b2"), down(m, "b1", "a3", "b2"));
            assertEquals(set("a3"), afterDown(m, "b1", "a3", "b2"));
        }

        @Test
        void four() {
            RevisionMap m = map("a1", "a2 <- a1", "a3 <- a2", "b1", "b2 <- b1 dep:a3", "b3 <- b2", "b4 <- b3 dep:a3");
            assertEquals(List.of("down b4"), down(m, "b3", "b4"));
            assertEquals(set("b3"), afterDown(m, "b3", "b4"));
        }

        @Test
        void fiveUnmergeOfParentsThatImplyEachOther() {
            // #1373, fixed in 1.13.1 (older releases left {a1, b1})
            RevisionMap m = map("a1", "b1 dep:a1", "bmerge <- (a1, b1)");
            assertEquals(set("b1"), afterUp(m, "b1", "a1"));
            assertEquals(set("bmerge"), afterUp(m, "bmerge", "b1"));
            assertEquals(List.of("down bmerge"), down(m, "a1", "bmerge"));
            assertEquals(set("b1"), afterDown(m, "a1", "bmerge"));
            assertEquals(set("b1"), afterDown(m, "b1", "bmerge"));
        }

        @Test
        void ownDownRevision() {
            RevisionMap m = map("a1", "a2 <- a1 dep:a1");
            assertEquals(List.of("up a1", "up a2"), up(m, "a2"));
            assertEquals(set("a2"), afterUp(m, "a2"));
            assertEquals(List.of("down a2"), down(m, "a1", "a2"));
            assertEquals(set("a1"), afterDown(m, "a1", "a2"));
        }

        @Test
        void labelDependencyPullsInTheOtherBranchFirst() {
            RevisionMap m = map("a1[lib1]", "b1 <- a1", "c1[c1lib] <- b1", "a2", "b2 <- a2", "c2 <- b2 dep:c1lib",
                    "d1 <- c1", "e1 <- d1", "f1 <- e1");
            assertEquals(List.of("up a1", "up b1", "up c1", "up b2", "up c2"), up(m, "c2", "a2"));
            assertEquals(set("c2"), afterUp(m, "c2", "a2"));
        }
    }

    @Nested
    class Forest {
        RevisionMap m = map("a1", "b1 <- a1", "a2", "b2 <- a2");

        @Test
        void upgradeHeadsRunsSiblingsInReverseMapOrder() {
            assertEquals(List.of("up a2", "up b2", "up a1", "up b1"), up(m, "heads"));
        }

        @Test
        void stampHeads() {
            List<Step> steps = m.stampSteps(List.of("heads"), List.of());
            assertEquals(set("b1", "b2"), set(steps.stream().map(s -> s.to().get(0)).toList()));
            assertEquals(set("b1", "b2"), run(m, List.of(), steps));
            assertEquals(List.of(), m.stampSteps(List.of("heads"), List.of("b1", "b2")));
        }
    }

    @Nested
    class StampAcrossAMerge {
        RevisionMap m = map("a", "b <- a", "c1 <- b", "d1 <- c1", "c2[c2branch] <- b", "d2 <- c2", "e <- (d1, d2)",
                "f <- e");

        private List<VersionChange> stamp(String dest, String... rows) {
            HeadMaintainer hm = new HeadMaintainer(m, List.of(rows));
            List<VersionChange> out = new ArrayList<>();
            m.stampSteps(List.of(dest), List.of(rows)).forEach(s -> out.addAll(hm.apply(s)));
            return out;
        }

        @Test
        void stamps() {
            assertEquals(List.of(new VersionChange.Update("e", "c2")), stamp("c2", "e"));
            assertEquals(List.of(new VersionChange.Update("e", "a")), stamp("a", "e"));
            assertEquals(List.of(new VersionChange.Update("c2", "e")), stamp("e", "c2"));
            assertEquals(List.of(new VersionChange.Delete("d1"), new VersionChange.Update("c2", "f")),
                    stamp("c2branch@head", "d1", "c2"));
            assertEquals(List.of(new VersionChange.Delete("d1"), new VersionChange.Update("c2", "e")), stamp("e", "d1", "c2"));
            assertEquals(List.of(new VersionChange.Update("b", "e")), stamp("e", "b"));
        }

        @Test
        void upgradeAndDowngradeThroughTheMerge() {
            assertEquals(List.of("up c2", "up d2", "up c1", "up d1", "up e", "up f"), up(m, "f", "b"));
            assertEquals(set("f"), afterUp(m, "f", "b"));
            assertEquals(List.of("down f", "down e", "down d1", "down c1", "down d2", "down c2"), down(m, "b", "f"));
            assertEquals(set("b"), afterDown(m, "b", "f"));
        }
    }

    @Nested
    class BranchDowngradeWithCrossDependency {
        RevisionMap m = map("a", "b <- a", "c1[c1branch] <- b", "d1 <- c1", "c2[c2branch] <- b", "d2 <- c2 dep:c1");

        @Test
        void dependentBranchOnly() {
            assertEquals(List.of("down d2", "down c2"), down(m, "c2branch@b", "d1", "d2"));
            assertEquals(set("d1"), afterDown(m, "c2branch@b", "d1", "d2"));
        }

        @Test
        void dependencyBranchTakesItsDependentsAlong() {
            List<String> steps = down(m, "c1branch@b", "d1", "d2");
            assertEquals(set("down c1", "down d1", "down d2"), set(steps));
            assertTrue(steps.indexOf("down d1") < steps.indexOf("down c1"));
            assertTrue(steps.indexOf("down d2") < steps.indexOf("down c1"));
            assertEquals(set("c2"), afterDown(m, "c1branch@b", "d1", "d2"));
        }
    }
}
