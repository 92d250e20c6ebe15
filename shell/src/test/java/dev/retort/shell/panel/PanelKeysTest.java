package dev.retort.shell.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The key line at several widths and the {@code ?} overlay, on Lanterna's virtual terminal. */
class PanelKeysTest {

    private static PanelHarness panel(int columns, FakeActions actions) {
        return new PanelHarness(columns, 30, GraphPanel.builder().model(actions.model).actions(actions));
    }

    private static final Set<String> HINTS = PanelKeys.HINTS.stream().map(PanelKeys.Key::hint)
            .collect(Collectors.toSet());

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void keyLineAlwaysShowsQuitAndHelpAndCutsNoHintMidWord(int columns) throws Exception {
        try (PanelHarness h = panel(columns, new FakeActions(SampleGraphs.showcase()))) {
            String line = h.statusLine();
            assertTrue(line.contains("q quit"), line);
            assertTrue(line.contains("? help"), line);
            assertFalse(line.contains("…"), line);
            assertTrue(line.length() <= columns, line);
            for (String hint : line.strip().split(PanelKeys.SEPARATOR)) {
                assertTrue(HINTS.contains(hint), "'" + hint + "' is not a whole hint in: " + line);
            }
        }
    }

    @Test
    void lessImportantHintsAreDroppedFirst() throws Exception {
        try (PanelHarness wide = panel(120, new FakeActions(SampleGraphs.showcase()));
                PanelHarness narrow = panel(60, new FakeActions(SampleGraphs.showcase()))) {
            List<String> atWide = List.of(wide.statusLine().split(PanelKeys.SEPARATOR));
            List<String> atNarrow = List.of(narrow.statusLine().split(PanelKeys.SEPARATOR));
            assertTrue(atWide.containsAll(atNarrow), atWide + " / " + atNarrow);
            assertTrue(atWide.size() > atNarrow.size(), atWide + " / " + atNarrow);
            assertTrue(atNarrow.contains("j/k move") && atNarrow.contains("u upgrade"), atNarrow.toString());
            assertFalse(atNarrow.contains("h/l scroll"), atNarrow.toString());
            // every dropped hint is less important than every shown one
            int worstShown = PanelKeys.HINTS.stream().filter(k -> atNarrow.contains(k.hint()))
                    .mapToInt(PanelKeys.Key::rank).max().orElseThrow();
            PanelKeys.HINTS.stream().filter(k -> !atNarrow.contains(k.hint()))
                    .forEach(k -> assertTrue(k.rank() > worstShown, k.hint()));
        }
    }

    @Test
    void questionMarkListsEveryKeyAndAnyKeyClosesWithoutActing() throws Exception {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        try (PanelHarness h = panel(100, actions)) {
            String before = h.screen();
            h.type("?");
            String screen = h.screen();
            assertTrue(screen.contains(" Keys "), screen);
            for (PanelKeys.Key k : PanelKeys.ALL) {
                assertTrue(screen.contains(k.does()), "missing: " + k.does() + "\n" + screen);
            }
            assertEquals("Any key closes this help", h.statusLine());
            List<String> callsBefore = new ArrayList<>(actions.calls);
            h.type("u"); // closes the overlay: no upgrade preview, no confirmation
            assertEquals(callsBefore, actions.calls);
            assertFalse(h.panel.isClosed());
            assertFalse(h.screen().contains(" Keys "), h.screen());
            assertEquals(before, h.screen());
            h.type("?").press(KeyType.Escape);
            assertFalse(h.panel.isClosed(), "Esc closes the overlay, not the panel");
            h.type("?").type("q");
            assertFalse(h.panel.isClosed(), "q closes the overlay, not the panel");
            h.type("q");
            assertTrue(h.panel.isClosed());
        }
    }

    /** Detail view: the revision's last applications from the audit history, before its SQL. */
    @Test
    void detailShowsTheRevisionsLastApplications() throws Exception {
        GraphModel m = GraphModel.builder()
                .add("bbbb00000002", List.of("aaaa00000001"), "second")
                .add("aaaa00000001", List.of(), "first")
                .current("bbbb00000002")
                .build();
        List<String> asked = new ArrayList<>();
        FakeActions actions = new FakeActions(m) {
            @Override
            public List<dev.retort.engine.api.HistoryEntry> applications(String revisionId, int limit) {
                asked.add(revisionId + " " + limit);
                return List.of(
                        new dev.retort.engine.api.HistoryEntry(2, revisionId, "upgrade", "second", null, null,
                                "alice", "alice", "box1", java.time.Instant.parse("2026-12-01T10:15:30Z"),
                                java.time.Duration.ofMillis(42), "success", null),
                        new dev.retort.engine.api.HistoryEntry(1, revisionId, "upgrade", "second", null, null,
                                "bob", "bob", "box2", java.time.Instant.parse("2026-11-30T09:00:00Z"),
                                java.time.Duration.ofMillis(7), "failed", "no such table: t\nmore"));
            }
        };
        try (PanelHarness h = panel(100, actions)) {
            String screen = h.screen();
            assertEquals(List.of("bbbb00000002 " + PanelState.APPLICATIONS_SHOWN), asked);
            int newest = h.rowOf("upgrade success by alice@box1 at 2026-12-01T10:15:30Z (42 ms)");
            int older = h.rowOf("upgrade failed by bob@box2 at 2026-11-30T09:00:00Z (7 ms): no such table: t");
            int sql = h.rowOf("-- upgrade (sqlite)");
            assertTrue(h.rowOf("Last applications (newest first):") > 0, screen);
            assertTrue(newest > 0 && older == newest + 1 && sql > older, screen);
        }
    }

    @Test
    void noAuditHistoryLeavesTheDetailAsItWas() {
        FakeActions actions = new FakeActions(SampleGraphs.showcase());
        String detail = actions.detail("a00000000001");
        assertEquals(detail, PanelState.withApplications(detail, actions, "a00000000001"));
    }
}
