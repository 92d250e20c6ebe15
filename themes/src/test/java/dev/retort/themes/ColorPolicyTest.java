package dev.retort.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorPolicyTest {

    private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void autoColoursATerminal() {
        assertEquals(ColorDepth.ANSI_256, ColorPolicy.resolve(ColorMode.AUTO, XTERM, true).depth());
    }

    @Test
    void autoIsPlainWhenPiped() {
        assertFalse(ColorPolicy.resolve(ColorMode.AUTO, XTERM, false).enabled());
    }

    @Test
    void noColorTurnsColourOffUnlessAskedForExplicitly() {
        Map<String, String> env = Map.of("TERM", "xterm-256color", "NO_COLOR", "1");
        assertFalse(ColorPolicy.resolve(ColorMode.AUTO, env, true).enabled());
        assertTrue(ColorPolicy.resolve(ColorMode.ALWAYS, env, true).enabled());
    }

    @Test
    void emptyNoColorIsIgnored() {
        assertTrue(ColorPolicy.resolve(ColorMode.AUTO, Map.of("TERM", "xterm", "NO_COLOR", ""), true).enabled());
    }

    @Test
    void clicolorForceColoursPipesButLosesToNoColor() {
        assertTrue(ColorPolicy.resolve(ColorMode.AUTO, Map.of("CLICOLOR_FORCE", "1"), false).enabled());
        assertFalse(ColorPolicy.resolve(ColorMode.AUTO, Map.of("CLICOLOR_FORCE", "0"), false).enabled());
        assertFalse(ColorPolicy.resolve(ColorMode.AUTO, Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), true).enabled());
    }

    @Test
    void dumbTerminalsGetNoColour() {
        assertFalse(ColorPolicy.resolve(ColorMode.AUTO, Map.of("TERM", "dumb"), true).enabled());
        assertFalse(ColorPolicy.resolve(ColorMode.AUTO, XTERM, true, "dumb-color", -1).enabled());
        assertTrue(ColorPolicy.resolve(ColorMode.ALWAYS, Map.of("TERM", "dumb"), true).enabled());
    }

    @Test
    void neverWinsOverEverything() {
        assertFalse(ColorPolicy.resolve(ColorMode.NEVER, Map.of("CLICOLOR_FORCE", "1", "TERM", "xterm"), true).enabled());
    }

    @Test
    void depthFollowsColortermTermAndMaxColors() {
        assertEquals(ColorDepth.TRUECOLOR, ColorPolicy.resolve(ColorMode.AUTO, Map.of("TERM", "xterm", "COLORTERM", "truecolor"), true).depth());
        assertEquals(ColorDepth.ANSI_16, ColorPolicy.resolve(ColorMode.AUTO, Map.of("TERM", "xterm"), true).depth());
        assertEquals(ColorDepth.ANSI_16, ColorPolicy.resolve(ColorMode.AUTO, XTERM, true, "xterm", 8).depth());
        assertEquals(ColorDepth.ANSI_256, ColorPolicy.resolve(ColorMode.ALWAYS, Map.of(), false).depth());
    }

    @Test
    void colorModeParsesTheOptionValues() {
        assertEquals(ColorMode.ALWAYS, ColorMode.parse("always"));
        assertEquals(ColorMode.NEVER, ColorMode.parse("NEVER"));
        assertEquals(ColorMode.AUTO, ColorMode.parse("auto"));
        assertEquals("invalid --color value 'sometimes' (expected auto, always or never)",
                assertThrows(IllegalArgumentException.class, () -> ColorMode.parse("sometimes")).getMessage());
    }
}
