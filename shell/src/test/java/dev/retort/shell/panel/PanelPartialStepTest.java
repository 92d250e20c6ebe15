package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.PartialStep.StatementProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A step an earlier run left partly applied, as the panel shows it: a marker on its revision's
 * row and in the title, and in its detail which statements ran, which did not, and how to go
 * on. Through Lanterna's virtual terminal.
 */
class PanelPartialStepTest {

    private static GraphModel linear() {
        return GraphModel.builder()
                .add("cccc00000003", List.of("bbbb00000002"), "third")
                .add("bbbb00000002", List.of("aaaa00000001"), "second")
                .add("aaaa00000001", List.of(), "first")
                .current("aaaa00000001")
                .build();
    }

    /** bbbb00000002's upgrade: 1 of 3 statements committed, the 2nd failed (or was running, in doubt). */
    private static PartialStep partial(boolean inDoubt) {
        List<StatementProgress> rows = new ArrayList<>();
        rows.add(new StatementProgress(0, 9, "sha0", "INSERT INTO t1 SELECT 1", true));
        if (inDoubt) {
            rows.add(new StatementProgress(1, 10, "sha1", "SELECT pg_sleep(30)", false));
        }
        return new PartialStep("bbbb00000002", "upgrade", "no-transaction", 3, rows);
    }

    private static class Actions extends FakeActions {
        final List<PartialStep> partial = new ArrayList<>();
        int asked;
        String failApplyWith;

        Actions() {
            super(linear());
        }

        @Override
        public List<PartialStep> partialSteps() {
            asked++;
            return List.copyOf(partial);
        }

        @Override
        public Preview preview(Move move, String revisionId) {
            Preview p = super.preview(move, revisionId);
            if (failApplyWith == null) {
                return p;
            }
            return new Preview() {
                @Override
                public String summary() {
                    return p.summary();
                }

                @Override
                public String text() {
                    return p.text();
                }

                @Override
                public GraphModel apply() {
                    partial.add(partial(false)); // what the failed run left behind
                    throw new IllegalStateException(failApplyWith);
                }
            };
        }
    }

    private static PanelHarness tall(Actions actions) {
        return new PanelHarness(100, 50, GraphPanel.builder().model(actions.model).actions(actions));
    }

    @Test
    void aPartlyAppliedRevisionIsMarkedOnItsRowAndInTheTitle() throws Exception {
        Actions actions = new Actions();
        actions.partial.add(partial(false));
        try (PanelHarness h = PanelHarness.of(actions.model, actions)) {
            assertTrue(h.line(0).contains("│ partly applied: bbbb00000002 1/3"), h.line(0));
            assertEquals("  ○ bbbb00000002 (1/3 applied)  second", h.line(2));
            assertEquals("▶ ◉ aaaa00000001 (current)  first", h.line(3));
            assertEquals("  ○ cccc00000003 (head)  third", h.line(1), "other rows carry no marker");
            assertEquals(1, actions.asked, "asked once per model, not per redraw");
        }
    }

    @Test
    void theDetailSaysWhatRanWhatDidNotAndThatUpgradeResumes() throws Exception {
        Actions actions = new Actions();
        actions.partial.add(partial(false));
        try (PanelHarness h = tall(actions)) {
            h.press(KeyType.ArrowUp);
            String screen = h.screen();
            int head = h.rowOf("Partly applied: 1 of 3 statements of bbbb00000002 (no-transaction upgrade) applied;");
            assertTrue(head > 0, screen);
            assertEquals(head + 1, h.rowOf("the revision is not in the version table (its upgrade never completed)"), screen);
            assertEquals(head + 2, h.rowOf("1st statement (line 9): applied"), screen);
            assertEquals(head + 3, h.rowOf("2nd statement: not applied (failed, cancelled or never started)"), screen);
            assertEquals(head + 4, h.rowOf("3rd statement: not run"), screen);
            assertEquals(head + 5, h.rowOf("`upgrade bbbb00000002` (u here) resumes at the 2nd statement"), screen);
            assertEquals(head + 6, h.rowOf("  (fix it in the script first if it failed; statements already applied may"
                    + " not change);"), screen);
            assertEquals(head + 7, h.rowOf("`upgrade bbbb00000002 --restart-step` runs the step from its first"
                    + " statement instead."),
                    screen);
            assertTrue(h.rowOf("-- upgrade (sqlite)") > head + 7, "before the SQL: " + screen);
        }
    }

    @Test
    void aStatementInDoubtIsNotGuessedAndTheDetailAsksForACheck() throws Exception {
        Actions actions = new Actions();
        actions.partial.add(partial(true));
        try (PanelHarness h = tall(actions)) {
            assertEquals("  ○ bbbb00000002 (1/3 applied, 2nd in doubt)  second", h.line(2));
            h.press(KeyType.ArrowUp);
            String screen = h.screen();
            assertTrue(h.rowOf("2nd statement (line 10): was running when the run stopped; may have committed") > 0,
                    screen);
            int check = h.rowOf("Check whether the 2nd statement committed; then");
            assertTrue(check > 0, screen);
            assertEquals(check + 1, h.rowOf("`upgrade bbbb00000002 --restart-step` runs the step from its first"
                    + " statement,"), screen);
            assertEquals(check + 2, h.rowOf("  or complete the step by hand and `stamp` it."), screen);
            assertEquals(-1, h.rowOf("resumes at"), screen);
        }
    }

    @Test
    void aFailedApplyInThePanelShowsTheStepItLeftPartlyApplied() throws Exception {
        Actions actions = new Actions();
        actions.failApplyWith = "Revision bbbb00000002 failed: boom; 1 of 3 statements applied";
        try (PanelHarness h = PanelHarness.of(actions.model, actions)) {
            assertFalse(h.screen().contains("applied)"), h.screen());
            h.press(KeyType.ArrowUp).type("uy");
            assertTrue(h.statusLine().startsWith("FAILED: Revision bbbb00000002 failed: boom"), h.statusLine());
            assertEquals("▶ ○ bbbb00000002 (1/3 applied)  second", h.line(2));
            assertTrue(h.rowOf("Partly applied: 1 of 3 statements of bbbb00000002") > 0, h.screen());
        }
    }

    /** upgrade to cccc00000003 ran bbbb00000002, then cccc00000003 failed: the current marker moves to what committed. */
    @Test
    void aFailedApplyMovesTheCurrentMarkerToWhatCommitted() throws Exception {
        Actions actions = new Actions() {
            @Override
            public GraphModel reload(GraphModel current) {
                return GraphModel.builder()
                        .add("cccc00000003", List.of("bbbb00000002"), "third")
                        .add("bbbb00000002", List.of("aaaa00000001"), "second")
                        .add("aaaa00000001", List.of(), "first")
                        .current("bbbb00000002")
                        .build();
            }
        };
        actions.failApplyWith = "Revision cccc00000003 failed: boom";
        try (PanelHarness h = PanelHarness.of(actions.model, actions)) {
            h.press(KeyType.ArrowUp).press(KeyType.ArrowUp).type("uy");
            assertTrue(h.statusLine().startsWith("FAILED: Revision cccc00000003 failed: boom"), h.statusLine());
            assertTrue(h.line(0).contains("current: bbbb00000002"), h.screen());
            assertTrue(h.line(2).startsWith("  ◉ bbbb00000002 (current)"), h.screen());
            assertEquals("  ● aaaa00000001  first", h.line(3), "applied below the current one: " + h.screen());
            assertTrue(h.line(1).startsWith("▶"), "the selection stays on the revision asked for: " + h.screen());
        }
    }

    @Test
    void withoutPartialStepsTheDetailIsAsItWas() {
        FakeActions actions = new FakeActions(linear());
        String detail = actions.detail("bbbb00000002");
        assertEquals(detail, PanelState.withPartial(detail, null));
    }
}
