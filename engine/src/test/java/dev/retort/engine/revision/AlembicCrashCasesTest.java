package dev.retort.engine.revision;

import static dev.retort.engine.revision.Graphs.describe;
import static dev.retort.engine.revision.Graphs.ids;
import static dev.retort.engine.revision.Graphs.map;
import static dev.retort.engine.revision.Graphs.run;
import static dev.retort.engine.revision.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs on which Alembic crashes with a Python exception (reference §13): Retort gives a
 * clear one-line error or a sensible result instead. Each test says what Alembic does.
 */
class AlembicCrashCasesTest {

    private static String error(Runnable r) {
        return assertThrows(RetortException.class, r::run).getMessage();
    }

    private final RevisionMap chain = map("a", "b <- a", "c <- b");

    @Test
    void upgradeToOneBelowABaseIsRefused() {
        // Alembic: the walk ends on the pseudo revision "base" -> AssertionError (exit 1)
        String want = "Relative revision a-1 walks below a base revision; to remove everything use 'downgrade base'";
        assertEquals(want, error(() -> chain.upgradeSteps("a-1", List.of())));
        assertEquals(want, error(() -> chain.upgradeSteps("a-1", List.of("b"))));
    }

    @Test
    void upgradeOverWalkFromASymbolSaysHowFarItGot() {
        // Alembic: _walk returns None -> AssertionError (exit 1)
        assertEquals("Relative revision +5 didn't produce 5 migrations", error(() -> chain.upgradeSteps("b+5", List.of())));
        assertEquals("Relative revision -9 didn't produce 9 migrations", error(() -> chain.upgradeSteps("c-9", List.of())));
    }

    @Test
    void branchRelativeDowngradeWithoutACurrentHeadOnTheBranch() {
        RevisionMap m = map("a", "b[x] <- a", "c[y] <- a", "d <- c");
        // Alembic: assert len(symbol_list) == 1 -> AssertionError (exit 1)
        assertEquals("Relative revision -1 didn't produce 1 migrations", error(() -> m.downgradeSteps("x@-1", List.of())));
        RevisionMap two = map("a", "b[x] <- a", "c1 <- b", "c2 <- b");
        assertEquals("Ambiguous downgrade from multiple current revisions on branch 'x': c1, c2",
                error(() -> two.downgradeSteps("x@-1", List.of("c1", "c2"))));
    }

    @Test
    void historyFromARevisionBelowAnEffectiveHeadOnlyReachedThroughADependency() {
        // b is an effective head (d depends on it) and d does not descend from a: Alembic's
        // topological sort ends with "assert not todo" failing. Retort sorts the rest from its tips.
        RevisionMap m = map("a", "b <- a", "d dep:b");
        assertEquals(List.of("b", "a"), ids(m.walk("a", "heads")));
    }

    @Test
    void historyFromRevAtBaseWhenTheRevisionCarriesNoLabel() {
        // Alembic: assert len(branch_rev.branch_labels) == 1 -> AssertionError
        RevisionMap m = map("a", "b <- a", "c", "d <- c");
        assertEquals(List.of("b", "a"), ids(m.walk("b@base", "heads")));
    }

    @Test
    void threeWayMergeWhoseParentsImplyEachOtherIsRefusedWhilePlanning() {
        // recorded case seed_008: Alembic deletes the implied parent's row -> KeyError (exit 1)
        RevisionMap m = map("c0", "l <- c0", "e[billing] <- c0 dep:l", "g[gamma] <- c0 dep:l", "m <- (l, g, e)", "n <- m");
        List<Step> steps = m.upgradeSteps("heads", List.of());
        assertEquals(List.of("up c0", "up l", "up e", "up g", "up m", "up n"), describe(steps));
        String msg = error(() -> run(m, List.of(), steps));
        assertTrue(msg.startsWith("Can't apply merge m: its parents l, g, e imply one another through depends_on"), msg);
        assertTrue(msg.contains("remove the implied parent(s)"), msg);
    }

    @Test
    void offlineStartThatResolvesToNothingIsRefused() {
        // `downgrade heads:base --sql` on an empty map: Alembic's None.revision -> AttributeError
        assertEquals("Starting revision 'heads' names no revision; use 'base' to start from an empty database",
                error(() -> map().startingHeads("heads")));
        assertEquals(List.of(), map().startingHeads("base"));
        assertEquals(List.of("c"), chain.startingHeads("heads"));
    }

    @Test
    void touchingARowThatIsNotThereIsTheOnlineOneRowCheck() {
        // Alembic: KeyError from its in-memory set, or online "expected to match one row"
        HeadMaintainer hm = new HeadMaintainer(chain, List.of("a"), "retort_version");
        assertEquals("Online migration expected to match one row when deleting 'c' in 'retort_version'; 0 found",
                error(() -> hm.apply(new Step.Stamp(List.of("c"), List.of(), false, true))));
        HeadMaintainer hm2 = new HeadMaintainer(chain, List.of(), "retort_version");
        Revision b = chain.get("b").orElseThrow();
        assertEquals(List.of(), hm2.apply(new Step.Migration(b, false, List.of("a"))).stream()
                .filter(c -> !(c instanceof VersionChange.Insert)).toList());
    }

    @Test
    void stampOfTwoAncestorsFromOneRowDoesNotLoseRows() {
        // second destination's step names the row the first one already moved: Alembic KeyError
        RevisionMap m = map("a", "b1 <- a", "b2 <- a", "c <- (b1, b2)");
        List<Step> steps = m.stampSteps(List.of("b1", "b2"), List.of("c"));
        assertEquals(set("b1", "b2"), run(m, List.of("c"), steps));
    }

    @Test
    void upgradeFromOverlappingRowsIsAnError() {
        // rows where one implies the other: Alembic's check=True ancestor walk refuses them
        assertEquals("Requested revision b overlaps with other requested revisions a",
                error(() -> chain.upgradeSteps("c", List.of("a", "b"))));
    }

    @Test
    void unknownRowsCannotBeLocated() {
        assertEquals("Can't locate revision identified by 'zzzz'", error(() -> chain.upgradeSteps("c", List.of("zzzz"))));
        assertEquals("Can't locate revision identified by 'zzzz'", error(() -> chain.currentBranchHeads(List.of("zzzz"))));
    }

    @Test
    void stampHeadWithTwoHeadsSaysSpecifyASingleTarget() {
        RevisionMap y = map("a", "b1 <- a", "b2 <- a");
        assertEquals("Multiple heads are present; please specify a single target revision",
                error(() -> y.stampSteps(List.of("head"), List.of())));
        assertEquals("Multiple head revisions are present for given argument 'head'; please specify a specific target "
                + "revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
                error(() -> y.upgradeSteps("head", List.of())));
    }

    @Test
    void currentBranchHeadsListDependencyTargetsOnTheirOwnLine() {
        RevisionMap m = map("a", "b <- a", "x", "y <- x dep:b");
        assertEquals(List.of("b", "y"), ids(m.currentBranchHeads(List.of("y"))));
    }

    @Test
    void tenThousandRevisionsAreQuick() {
        // not a timed test (benchmarks live under bench/): prints the figures for the report
        List<Revision> revs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            List<String> down = i == 0 ? List.of() : i % 500 == 0 ? List.of("r" + (i - 1), "r" + (i - 250))
                    : i % 250 == 0 ? List.of("r" + (i - 10)) : List.of("r" + (i - 1));
            List<String> deps = i % 97 == 0 && i > 1000 ? List.of("r" + (i - 900)) : List.of();
            revs.add(Revision.of("r" + i, down, deps, i % 1000 == 1 ? List.of("l" + i) : List.of()));
        }
        RevisionMap m = null;
        List<Step> steps = null;
        int heads = 0;
        long t0 = 0;
        long t1 = 0;
        long t2 = 0;
        for (int round = 0; round < 3; round++) { // the last round is measured, after JIT warm-up
            t0 = System.nanoTime();
            m = RevisionMap.of(revs);
            heads = m.heads().size();
            t1 = System.nanoTime();
            steps = m.upgradeSteps("heads", List.of());
            t2 = System.nanoTime();
        }
        assertEquals(10_000, steps.size());
        assertEquals(set(ids(m.realHeads())), run(m, List.of(), steps));
        System.out.printf("10k revisions: of()+heads %d ms (%d heads), upgradeSteps(heads) %d ms%n",
                (t1 - t0) / 1_000_000, heads, (t2 - t1) / 1_000_000);
    }
}
