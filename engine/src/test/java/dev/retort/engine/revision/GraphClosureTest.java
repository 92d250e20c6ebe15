package dev.retort.engine.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The closure along normalised down revisions is the same set whether it is walked (before the
 * ancestor sets exist: `current` never computes them) or made from the ancestor sets.
 */
class GraphClosureTest {

    @Test
    void aWalkedClosureEqualsTheUnionOfAncestorSetsOnRandomGraphsWithDependencies() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(40);
            List<Revision> revisions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> down = new ArrayList<>();
                List<String> deps = new ArrayList<>();
                if (i > 0) {
                    down.add(id(random.nextInt(i)));
                    if (random.nextInt(4) == 0) {
                        String other = id(random.nextInt(i));
                        if (!down.contains(other)) {
                            down.add(other); // a merge
                        }
                    }
                    if (random.nextInt(5) == 0) {
                        deps.add(id(random.nextInt(i)));
                    }
                }
                revisions.add(new Revision(id(i), down, deps, List.of(), "r" + i, null));
            }
            List<Integer> starts = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                starts.add(random.nextInt(n));
            }
            Graph walked = RevisionMap.of(revisions).graph();
            BitSet byWalk = walked.closure(starts, Graph.Edges.NORMALIZED_DOWN);
            Graph withSets = RevisionMap.of(revisions).graph();
            for (int i = 0; i < n; i++) {
                withSets.isAncestorInclDeps(i, i); // computes the sets
            }
            assertEquals(withSets.closure(starts, Graph.Edges.NORMALIZED_DOWN), byWalk, "round " + round);
            BitSet union = new BitSet();
            for (int s : starts) {
                union.or(withSets.ancestorsInclDepsView(s));
            }
            assertEquals(union, byWalk, "round " + round);
        }
    }

    private static String id(int i) {
        return String.format("%012x", 0xa00000000000L + i);
    }
}
