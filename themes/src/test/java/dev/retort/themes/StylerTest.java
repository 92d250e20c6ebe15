package dev.retort.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.Map;
import org.jline.utils.AttributedStringBuilder;
import org.junit.jupiter.api.Test;

class StylerTest {

    private static Styler styler(String spec, ColorDepth depth) {
        Theme t = Theme.builder("t").style(Role.REVISION_ID, spec).build();
        return new Styler(t, new ColorPolicy(depth));
    }

    @Test
    void truecolourKeepsRgb() {
        assertEquals("\u001b[38;2;255;136;0mab\u001b[0m", styler("#ff8800", ColorDepth.TRUECOLOR).paint(Role.REVISION_ID, "ab"));
    }

    @Test
    void rgbIsDownsampledToTheTerminalsDepth() {
        String at256 = styler("#ff8800", ColorDepth.ANSI_256).paint(Role.REVISION_ID, "ab");
        assertTrue(at256.startsWith("\u001b[38;5;"), at256);
        String at16 = styler("#ff0000", ColorDepth.ANSI_16).paint(Role.REVISION_ID, "ab");
        assertEquals("\u001b[91mab\u001b[0m", at16, "nearest of the sixteen: bright red");
    }

    @Test
    void plainStylerAddsNothing() {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        Styler.plain().append(sb, Role.ERROR, "FAILED: ").append("boom");
        assertEquals("FAILED: boom", Styler.plain().ansi(sb.toAttributedString()));
    }

    @Test
    void lanternaGetsColoursAndModifiers() {
        LanternaStyles.LanternaStyle s = styler("bold inverse fg:bright-red bg:#000080", ColorDepth.TRUECOLOR).lanterna(Role.REVISION_ID);
        assertEquals(TextColor.ANSI.RED_BRIGHT, s.foreground());
        assertEquals(new TextColor.RGB(0, 0, 128), s.background());
        assertTrue(s.modifiers().contains(SGR.BOLD) && s.modifiers().contains(SGR.REVERSE));
        assertEquals(new TextColor.Indexed(196), styler("#ff0000", ColorDepth.ANSI_256).lanterna(Role.REVISION_ID).foreground());
    }

    @Test
    void lanternaWithColourOffKeepsMonoAttributesSoTheSelectionStaysVisible() {
        Styler off = new Styler(ThemeCatalog.bundled("dark"), ColorPolicy.resolve(ColorMode.AUTO, Map.of("NO_COLOR", "1"), true));
        LanternaStyles.LanternaStyle sel = off.lanterna(Role.SELECTION);
        assertEquals(TextColor.ANSI.DEFAULT, sel.foreground());
        assertEquals(TextColor.ANSI.DEFAULT, sel.background());
        assertTrue(sel.modifiers().contains(SGR.REVERSE));
    }

    @Test
    void styleSpecsForJLineSettingsUseTheSixteenColourNames() {
        assertEquals("bold,fg:bright-red,bg:blue", JLineStyles.toStyleSpec(Style.parse("bold #ff3030 bg:#0000b0"), ColorDepth.TRUECOLOR));
        assertEquals("bold", JLineStyles.toStyleSpec(Style.parse("bold #ff3030"), ColorDepth.NONE));
        assertEquals("fg:default", JLineStyles.toStyleSpec(Style.NONE, ColorDepth.ANSI_256));
    }
}
