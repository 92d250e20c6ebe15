package dev.retort.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StyleTest {

    @Test
    void parsesAttributesColoursAndBackgroundsInAnyOrder() {
        Style s = Style.parse("fg:#ff8800 bold bg:236 underline");
        assertEquals(new Color.Rgb(0xff8800), s.foreground());
        assertEquals(new Color.Indexed(236), s.background());
        assertEquals(Set.of(Style.Attribute.BOLD, Style.Attribute.UNDERLINE), s.attributes());
    }

    @Test
    void bareColourIsTheForeground() {
        assertEquals(Style.fg(new Color.Ansi(12)), Style.parse("bright-blue"));
        assertEquals(Style.fg(new Color.Ansi(12)), Style.parse("brightblue"));
        assertEquals(Style.fg(new Color.Ansi(8)), Style.parse("grey"));
    }

    @Test
    void specRoundTrips() {
        for (String spec : new String[] {"none", "bold fg:red", "italic faint fg:#0a0b0c bg:bright-white", "inverse fg:255"}) {
            Style s = Style.parse(spec);
            assertEquals(s, Style.parse(s.spec()), spec);
        }
        assertTrue(Style.parse("none").isPlain());
    }

    @Test
    void badWordsAndColoursAreNamed() {
        assertEquals("unknown style word 'blink'",
                assertThrows(IllegalArgumentException.class, () -> Style.parse("bold blink")).getMessage());
        assertEquals("unknown colour '256'",
                assertThrows(IllegalArgumentException.class, () -> Style.parse("bg:256")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Style.parse("  "));
    }
}
