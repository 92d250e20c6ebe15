package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GraphPanelTest {
    /** The panel's default: the bundled dark theme in sixteen colours. */
    private static final Styler STYLER = new Styler(ThemeCatalog.bundled("dark"), new ColorPolicy(ColorDepth.ANSI_16));

    private static PanelHarness showcase(FakeActions actions) {
        return PanelHarness.of(actions.model, actions);
    }

    private static GraphModel linear() {
        return GraphModel.builder()
                .add("cccc00000003", List.of("bbbb00000002"), "third")
                .add("bbbb00000002", List.of("aaaa00000001"), "second")
                .add("aaaa00000001", List.of(), "first")
                .current("bbbb00000002")
                .build();
    }

    @Test
    void linearHistoryShowsOneRowPerRevisionNewestFirst() throws Exception {
        try (PanelHarness h = PanelHarness.of(linear(), new FakeActions(linear()))) {
            assertTrue(h.line(0).contains("Retort graph │ 3 revisions │ current: bbbb00000002"), h.line(0));
            assertEquals("  ○ cccc00000003 (head)  third", h.line(1));
            assertEquals("▶ ◉ bbbb00000002 (current)  second", h.line(2));
            assertEquals("  ● aaaa00000001  first", h.line(3));
        }
    }

    @Test
    void branchAndThreeWayMergeAreDrawnInLanesWithTheirMarks() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            assertTrue(h.line(2).startsWith("  ○─┬─╮   c0ffee000008 (mergepoint)  merge accounts"), h.line(2));
            assertTrue(h.line(3).startsWith("  │ │ ○┄╮ b00000000007 (search)  add search index"), h.line(3));
            assertTrue(h.line(8).startsWith("  ●─┴─╯   a00000000002 (branchpoint)"), h.line(8));
        }
    }

    @Test
    void severalBasesEachEndTheirLane() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            assertTrue(h.line(6).startsWith("  │ │ │ ○ d00000000004 (lookup) (head)"), h.line(6));
            assertTrue(h.line(9).startsWith("  ●       a00000000001  initial schema"), h.line(9));
        }
    }

    @Test
    void dependsOnEdgesAreDottedInTheirOwnColour() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            assertEquals("┆", h.at(8, 4).getCharacterString());
            assertEquals(STYLER.lanterna(Role.MUTED).foreground(), h.at(8, 4).getForegroundColor());
            assertNotEquals(STYLER.lanterna(Role.MUTED).foreground(), h.at(2, 4).getForegroundColor());
        }
    }

    @Test
    void currentHeadsAreHighlightedAndAppliedRevisionsFilled() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            TextColor current = STYLER.lanterna(Role.CURRENT).foreground();
            int row = h.rowOf("b00000000006");
            assertEquals("◉", h.at(4, row).getCharacterString());
            assertEquals(current, h.at(4, row).getForegroundColor());
            assertTrue(h.line(row).contains("(current)"));
            int idCol = h.line(row).indexOf("b00000000006");
            assertEquals(current, h.at(idCol, row).getForegroundColor());
            // applied below the current heads, pending above them
            assertEquals("●", h.at(2, h.rowOf("a00000000003")).getCharacterString());
            assertEquals("○", h.at(6, h.rowOf("b00000000007")).getCharacterString());
            int pendingRow = h.rowOf("f00d00000009");
            assertEquals(STYLER.lanterna(Role.MUTED).foreground(),
                    h.at(h.line(pendingRow).indexOf("f00d"), pendingRow).getForegroundColor());
            assertTrue(h.line(0).contains("current: b00000000006, b00000000005"), h.line(0));
        }
    }

    @Test
    void arrowsJkHomeEndMoveTheSelectionAndTheDetailFollows() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            assertTrue(h.line(h.rowOf("b00000000006")).startsWith("▶"), "starts at the first current head");
            h.type("j");
            assertTrue(h.line(h.rowOf("b00000000005")).startsWith("▶"));
            assertTrue(h.screen().contains("── b00000000005 (accounts) ──"), h.screen());
            assertTrue(h.screen().contains("CREATE TABLE t_b000 (id INTEGER PRIMARY KEY);"));
            assertTrue(h.screen().contains("Path: /env/versions/b00000000005_x.sql"));
            h.press(KeyType.ArrowUp, KeyType.ArrowUp);
            assertTrue(h.line(h.rowOf("b00000000007")).startsWith("▶"));
            h.press(KeyType.End);
            assertTrue(h.line(h.rowOf("initial schema")).startsWith("▶"));
            h.type("k").press(KeyType.Home);
            assertTrue(h.line(1).startsWith("▶"));
        }
    }

    @Test
    void pageDownAndUpMoveByAScreenInALongHistory() throws Exception {
        GraphModel big = SampleGraphs.generated(10_000, 7);
        try (PanelHarness h = PanelHarness.of(big, new FakeActions(big))) {
            h.press(KeyType.Home);
            assertTrue(h.line(1).startsWith("▶"));
            h.press(KeyType.PageDown);
            String selectedId = h.panel.model().get(0).id();
            assertFalse(h.screen().contains(selectedId), "the first page scrolled away");
            h.press(KeyType.End);
            assertTrue(h.screen().contains(big.get(9_999).id()));
            h.press(KeyType.PageUp, KeyType.PageUp);
            assertFalse(h.screen().contains(big.get(9_999).id()));
        }
    }

    @Test
    void searchFindsByIdPrefixLabelAndMessageAndNGoesToTheNextMatch() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            h.press(KeyType.Home).type("/billing\n");
            assertTrue(h.line(h.rowOf("c0ffee000008")).startsWith("▶"), "its message names billing");
            h.type("n");
            assertTrue(h.line(h.rowOf("b00000000006")).startsWith("▶"), "its label is billing");
            h.type("/a000000000\n");
            assertTrue(h.line(h.rowOf("a00000000003")).startsWith("▶"));
            h.type("n");
            assertTrue(h.line(h.rowOf("a00000000002")).startsWith("▶"));
            h.type("N");
            assertTrue(h.line(h.rowOf("a00000000003")).startsWith("▶"));
            h.type("/invoice\n");
            assertTrue(h.line(h.rowOf("b00000000006")).startsWith("▶"));
            h.type("/no such thing\n");
            assertTrue(h.statusLine().contains("Not found: no such thing"));
        }
    }

    @Test
    void searchShowsWhatIsTypedAndEscapeReturnsToWhereItBegan() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            h.type("/lookup");
            assertEquals("/lookup", h.statusLine());
            assertTrue(h.line(h.rowOf("d00000000004")).startsWith("▶"), "incremental");
            h.press(KeyType.Escape);
            assertTrue(h.line(h.rowOf("b00000000006")).startsWith("▶"));
            assertFalse(h.panel.isClosed());
        }
    }

    @Test
    void cJumpsToEachCurrentHeadInTurn() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            h.press(KeyType.Home).type("c");
            assertTrue(h.line(h.rowOf("b00000000006")).startsWith("▶"));
            h.type("c");
            assertTrue(h.line(h.rowOf("b00000000005")).startsWith("▶"));
            h.type("c");
            assertTrue(h.line(h.rowOf("b00000000006")).startsWith("▶"));
        }
    }

    @Test
    void upgradeShowsThePlanAndAsksThenAppliesAndRedraws() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        try (PanelHarness h = showcase(actions)) {
            h.press(KeyType.Home).type("u");
            assertTrue(h.screen().contains("── upgrade to f00d00000009 (1 step) ──"), h.screen());
            assertTrue(h.screen().contains("PLAN-SQL-LINE;"));
            assertEquals("Apply this upgrade to f00d00000009? [y/N]", h.statusLine());
            assertFalse(actions.calls.contains("apply upgrade f00d00000009"));
            h.type("y");
            assertTrue(actions.calls.contains("apply upgrade f00d00000009"));
            assertEquals("Upgraded to f00d00000009", h.statusLine());
            assertEquals("◉", h.at(2, 1).getCharacterString(), "the new current head");
            assertTrue(h.line(0).contains("current: f00d00000009"));
            assertFalse(h.screen().contains("PLAN-SQL-LINE;"), "back to the detail pane");
        }
    }

    @Test
    void downgradeAndStampAreCancelledByAnyOtherKey() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        try (PanelHarness h = showcase(actions)) {
            h.press(KeyType.End).type("d");
            assertEquals("Apply this downgrade to a00000000001? [y/N]", h.statusLine());
            h.type("n");
            assertEquals("Cancelled: nothing was run (downgrade)", h.statusLine());
            h.type("s");
            assertTrue(h.screen().contains("── stamp to a00000000001 (1 step) ──"));
            h.press(KeyType.Escape);
            assertFalse(h.panel.isClosed(), "Esc cancels the question, not the panel");
            assertEquals(List.of("preview downgrade a00000000001", "preview stamp a00000000001"),
                    actions.calls.stream().filter(c -> !c.startsWith("detail")).toList());
            assertTrue(actions.calls.stream().noneMatch(c -> c.startsWith("apply")));
            h.type("s").type("y");
            assertEquals("Stamped to a00000000001", h.statusLine());
        }
    }

    @Test
    void aPlanThatCannotBeMadeIsReportedAndThePanelStays() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        actions.failPreviewWith = "Destination f00d is not a valid downgrade target from current head(s)";
        try (PanelHarness h = showcase(actions)) {
            h.press(KeyType.Home).type("d");
            assertEquals("FAILED: Destination f00d is not a valid downgrade target from current head(s)",
                    h.statusLine());
            assertFalse(h.panel.isClosed());
        }
    }

    @Test
    void markingTwoHeadsAndMAsksForAMessageThenMerges() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        try (PanelHarness h = showcase(actions)) {
            h.type("m");
            assertTrue(h.statusLine().startsWith("Mark two or more heads"));
            h.press(KeyType.Home).type(" j ");
            assertTrue(h.statusLine().contains("c0ffee000008 is not a head"), h.statusLine());
            assertEquals("✚", h.at(0, 1).getCharacterString());
            h.type("/lookup\n ");
            assertEquals("✚", h.at(0, h.rowOf("d00000000004")).getCharacterString());
            assertTrue(h.line(0).endsWith("│ 2 marked"), h.line(0));
            h.type("m");
            assertTrue(h.statusLine().startsWith("Merge 2 heads, message:"), h.statusLine());
            h.type("join search\n");
            assertEquals(List.of("merge [f00d00000009, d00000000004] join search"),
                    actions.calls.stream().filter(c -> c.startsWith("merge")).toList());
            assertTrue(h.line(1).startsWith("▶"), "the new merge is selected");
            assertTrue(h.line(1).contains("e0e0e0e0e0e0 (head) (mergepoint)  join search"), h.line(1));
            assertTrue(h.statusLine().startsWith("Merged 2 heads into e0e0e0e0e0e0"));
            assertFalse(h.line(0).contains("marked"));
        }
    }

    @Test
    void resizeRedrawsForTheNewSize() throws Exception {
        try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
            h.terminal.setTerminalSize(new TerminalSize(50, 14));
            h.pump();
            assertTrue(h.statusLine().startsWith("j/k move"), h.statusLine());
            assertEquals(13, h.rowOf("j/k move"));
            assertTrue(h.line(0).length() <= 50);
            h.terminal.setTerminalSize(new TerminalSize(120, 40));
            h.pump();
            assertEquals(39, h.rowOf("j/k move"));
            assertTrue(h.screen().contains("b00000000006 (billing) (current)"));
        }
    }

    @Test
    void longMessagesAreCutWithAnEllipsis() throws Exception {
        GraphModel m = GraphModel.builder()
                .add("aaaa00000001", List.of(), "x".repeat(500) + "\nsecond line")
                .build();
        try (PanelHarness h = new PanelHarness(40, 12, GraphPanel.builder().model(m).actions(new FakeActions(m)))) {
            assertEquals(40, h.line(1).length());
            assertTrue(h.line(1).endsWith("x…"), h.line(1));
        }
    }

    @Test
    void wideGraphsScrollHorizontallyAndFollowTheSelection() throws Exception {
        GraphModel.Builder b = GraphModel.builder();
        for (int i = 0; i < 30; i++) {
            b.add(String.format("head%08d", i), List.of("base00000000"), "head " + i);
        }
        GraphModel m = b.add("base00000000", List.of(), "base").build();
        try (PanelHarness h = new PanelHarness(40, 20, GraphPanel.builder().model(m).actions(new FakeActions(m)))) {
            h.press(KeyType.Home);
            assertTrue(h.line(1).contains("head00000000"));
            assertEquals("…", h.at(19, 10).getCharacterString(), "lanes beyond the window are elided");
            h.type("jjjjjjjjjjjjjjjjjjjj");
            int row = h.rowOf("head00000020");
            assertTrue(h.line(row).contains("○"), "the selected node is scrolled into view: " + h.line(row));
            h.type("hhhhhhhhhhhhhhhhhhhhhhhhhhhhhh");
            assertFalse(h.line(row).contains("○"));
        }
    }

    @Test
    void asciiGlyphsWhenTheTerminalCannotShowBoxDrawing() throws Exception {
        GraphModel m = SampleGraphs.showcase();
        try (PanelHarness h = new PanelHarness(100, 30,
                GraphPanel.builder().model(m).actions(new FakeActions(m)).glyphs(Glyphs.ASCII))) {
            assertTrue(h.line(2).startsWith("  o-+-+   c0ffee000008"), h.line(2));
            assertTrue(h.line(3).startsWith("  | | o.+ b00000000007"), h.line(3));
            assertTrue(h.line(0).contains("Retort graph | 9 revisions"), h.line(0));
        }
    }

    @Test
    void graphRevStartsAtThatRevision() throws Exception {
        GraphModel m = SampleGraphs.showcase();
        try (PanelHarness h = new PanelHarness(100, 30,
                GraphPanel.builder().model(m).actions(new FakeActions(m)).startAt("lookup"))) {
            assertTrue(h.line(h.rowOf("d00000000004")).startsWith("▶"));
        }
        try (PanelHarness h = new PanelHarness(100, 30,
                GraphPanel.builder().model(m).actions(new FakeActions(m)).startAt("zz"))) {
            assertEquals("Can't locate revision identified by 'zz'", h.statusLine());
        }
    }

    @Test
    void qEscAndCtrlCLeaveThePanel() throws Exception {
        for (KeyStroke key : List.of(new KeyStroke('q', false, false), new KeyStroke(KeyType.Escape),
                new KeyStroke('c', true, false))) {
            try (PanelHarness h = showcase(new FakeActions(SampleGraphs.showcase()))) {
                h.terminal.addInput(key);
                h.pump();
                assertTrue(h.panel.isClosed(), key.toString());
            }
        }
    }

    @Test
    void runReturnsTheModelAfterTheUserLeaves() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        var terminal = new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(new TerminalSize(80, 24));
        GraphPanel panel = GraphPanel.builder().terminal(terminal).model(actions.model).actions(actions).build();
        CompletableFuture<GraphModel> done = CompletableFuture.supplyAsync(() -> {
            try {
                return panel.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (char c : "gsyq".toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        GraphModel after = done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0), after.currentRows());
    }
}
