package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaneLayoutTest {

    private static String picture(GraphModel model, Glyphs glyphs) {
        GraphLayout layout = LaneLayout.layout(model);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < layout.rowCount(); i++) {
            sb.append((layout.render(i, glyphs) + " " + model.get(i).id()).strip()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aCrossingConnectorKeepsTheUnrelatedVerticalLane() {
        // p merges r and s; q's lane lies between them and passes p's row untouched
        GraphModel m = GraphModel.builder()
                .add("t1", List.of("p"), "t1")
                .add("t2", List.of("q"), "t2")
                .add("p", List.of("r", "s"), "merge")
                .add("q", List.of("r"), "q")
                .add("s", List.of("r"), "s")
                .add("r", List.of(), "base")
                .build();
        assertEquals("""
                ○ t1
                │ ○ t2
                ○─│─╮ p
                │ ○ │ q
                │ │ ○ s
                ○─┴─╯ r
                """, picture(m, Glyphs.UNICODE));
    }

    @Test
    void layoutIsDeterministicAndLinearInRevisions() {
        GraphModel big = SampleGraphs.generated(10_000, 42);
        GraphLayout one = LaneLayout.layout(big);
        GraphLayout two = LaneLayout.layout(big);
        assertEquals(one.toString(), two.toString());
        assertEquals(10_000, one.rowCount());
        assertTrue(one.maxWidth() < 40, "lanes are reused: " + one.maxWidth());
    }

    @Test
    void edgesToRevisionsOutsideTheModelAreNotDrawn() {
        GraphModel m = GraphModel.builder()
                .add("c", List.of("b"), List.of("zz"), List.of(), "c")
                .add("b", List.of("gone"), "b")
                .build();
        assertEquals("○ c\n○ b\n", picture(m, Glyphs.UNICODE));
    }

    @Test
    void linearHistoryIsOneLane() {
        GraphModel m = GraphModel.builder()
                .add("c", List.of("b"), "third")
                .add("b", List.of("a"), "second")
                .add("a", List.of(), "first")
                .build();
        assertEquals("o c\no b\no a\n", picture(m, Glyphs.ASCII));
        assertEquals(1, LaneLayout.layout(m).maxWidth());
    }

    @Test
    void branchAndMergeOpenASecondLaneAndJoinItAtTheBranchPoint() {
        GraphModel m = GraphModel.builder()
                .add("m", List.of("b1", "c1"), "merge")
                .add("b1", List.of("a"), "left")
                .add("c1", List.of("a"), "right")
                .add("a", List.of(), "base")
                .build();
        assertEquals("""
                ○─╮ m
                ○ │ b1
                │ ○ c1
                ○─╯ a
                """, picture(m, Glyphs.UNICODE));
        assertEquals("""
                o-+ m
                o | b1
                | o c1
                o-+ a
                """, picture(m, Glyphs.ASCII));
    }

    @Test
    void twoOpenHeadsOnABranchPoint() {
        GraphModel m = GraphModel.builder()
                .add("h1", List.of("a"), "one")
                .add("h2", List.of("a"), "two")
                .add("a", List.of(), "base")
                .build();
        assertEquals("""
                ○ h1
                │ ○ h2
                ○─╯ a
                """, picture(m, Glyphs.UNICODE));
    }

    @Test
    void threeWayMergeOpensTwoLanes() {
        GraphModel m = GraphModel.builder()
                .add("m", List.of("x", "y", "z"), "merge three")
                .add("x", List.of("a"), "x")
                .add("y", List.of("a"), "y")
                .add("z", List.of("a"), "z")
                .add("a", List.of(), "base")
                .build();
        assertEquals("""
                ○─┬─╮ m
                ○ │ │ x
                │ ○ │ y
                │ │ ○ z
                ○─┴─╯ a
                """, picture(m, Glyphs.UNICODE));
    }

    @Test
    void severalBasesEndTheirLanes() {
        GraphModel m = GraphModel.builder()
                .add("m", List.of("a2", "b1"), "merge histories")
                .add("a2", List.of("a1"), "a2")
                .add("b1", List.of(), "other base")
                .add("a1", List.of(), "base")
                .build();
        assertEquals("""
                ○─╮ m
                ○ │ a2
                │ ○ b1
                ○ a1
                """, picture(m, Glyphs.UNICODE));
    }

    @Test
    void dependencyEdgesAreDottedAndColouredApart() {
        GraphModel m = GraphModel.builder()
                .add("b2", List.of("b1"), List.of("a1"), List.of(), "needs a1")
                .add("b1", List.of(), List.of(), List.of("other"), "other base")
                .add("a2", List.of("a1"), "a2")
                .add("a1", List.of(), "a1")
                .build();
        assertEquals("""
                ○┄╮ b2
                ○ ┆ b1
                ○ ┆ a2
                ○┄╯ a1
                """, picture(m, Glyphs.UNICODE));
        assertEquals("""
                o.+ b2
                o : b1
                o : a2
                o.+ a1
                """, picture(m, Glyphs.ASCII));
        GraphLayout layout = LaneLayout.layout(m);
        int depCell = layout.cell(1, 2);
        assertEquals(Cell.DEPENDENCY_COLOUR, Cell.colour(depCell));
        assertEquals(0, Cell.solid(depCell));
    }
}
