package dev.retort.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BundledThemesTest {

    private static final ColorPolicy COLOR_256 = ColorPolicy.resolve(ColorMode.ALWAYS, Map.of("TERM", "xterm-256color"), true);

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light", "high-contrast", "mono"})
    void everyBundledThemeDefinesEveryRole(String name) {
        Theme theme = ThemeCatalog.bundled(name);
        for (Role role : Role.values()) {
            assertTrue(theme.defines(role), name + " lacks " + role.key());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light", "high-contrast"})
    void everyRoleOfAColourThemeRendersWithEscapeCodes(String name) {
        Styler styler = new Styler(ThemeCatalog.bundled(name), COLOR_256);
        for (Role role : Role.values()) {
            String painted = styler.paint(role, "x");
            assertTrue(painted.contains("\u001b["), name + " renders " + role.key() + " plainly");
            assertNotEquals(TextColor.ANSI.DEFAULT, styler.lanterna(role).foreground(), name + " " + role.key());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light", "high-contrast"})
    void sixteenColourTerminalsGetOnlyTheSixteenColours(String name) {
        Styler styler = new Styler(ThemeCatalog.bundled(name), ColorPolicy.resolve(ColorMode.AUTO, Map.of("TERM", "xterm"), true));
        for (Role role : Role.values()) {
            String painted = styler.paint(role, "x");
            assertTrue(!painted.contains("38;") && !painted.contains("48;"), name + " " + role.key() + ": " + painted);
        }
    }

    @Test
    void monoThemeUsesNoColourAtAll() {
        Theme mono = ThemeCatalog.bundled("mono");
        Styler styler = new Styler(mono, COLOR_256);
        for (Role role : Role.values()) {
            Style s = mono.style(role);
            assertEquals(null, s.foreground(), role.key());
            assertEquals(null, s.background(), role.key());
            assertEquals(TextColor.ANSI.DEFAULT, styler.lanterna(role).foreground(), role.key());
            assertEquals(TextColor.ANSI.DEFAULT, styler.lanterna(role).background(), role.key());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light", "high-contrast", "mono"})
    void noColorYieldsNoEscapeCodesForAnyRole(String name) {
        ColorPolicy policy = ColorPolicy.resolve(ColorMode.AUTO, Map.of("NO_COLOR", "1", "TERM", "xterm-256color"), true);
        Styler styler = new Styler(ThemeCatalog.bundled(name), policy);
        for (Role role : Role.values()) {
            assertEquals("text", styler.paint(role, "text"));
        }
    }

    @Test
    void headCurrentAndErrorLookDifferentInEveryColourTheme() {
        for (String name : ThemeCatalog.BUNDLED) {
            Theme t = ThemeCatalog.bundled(name);
            Set<Style> marks = new HashSet<>();
            marks.add(t.style(Role.HEAD));
            marks.add(t.style(Role.CURRENT));
            marks.add(t.style(Role.REVISION_ID));
            marks.add(t.style(Role.REVISION_UNKNOWN));
            marks.add(t.style(Role.REVISION_AMBIGUOUS));
            assertEquals(5, marks.size(), name + " confuses revision marks");
        }
    }

    @Test
    void lanesCycleThroughEightRoles() {
        assertEquals(Role.LANE_0, Role.lane(0));
        assertEquals(Role.LANE_7, Role.lane(7));
        assertEquals(Role.LANE_1, Role.lane(9));
    }
}
