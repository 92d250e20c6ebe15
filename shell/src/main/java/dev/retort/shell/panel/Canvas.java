package dev.retort.shell.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import dev.retort.themes.LanternaStyles.LanternaStyle;
import java.util.HashMap;
import java.util.Map;

/**
 * Styled text onto a Lanterna screen's back buffer, clipped to the screen: the one place the
 * panel turns styles into characters. Caches the character templates per style so that a
 * redraw allocates little.
 */
final class Canvas {
    private final Screen screen;
    private final int width;
    private final int height;
    private final Map<LanternaStyle, TextCharacter> templates = new HashMap<>();

    Canvas(Screen screen, int width, int height) {
        this.screen = screen;
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private TextCharacter template(LanternaStyle style) {
        return templates.computeIfAbsent(style, s -> TextCharacter.fromCharacter(' ', s.foreground(),
                s.background(), s.modifiers().toArray(SGR[]::new))[0]);
    }

    /** Puts one character; returns the column after it (wide characters take two). */
    int put(int col, int row, char c, LanternaStyle style) {
        if (row < 0 || row >= height || col < 0 || col >= width) {
            return col + 1;
        }
        if (Character.isSurrogate(c) || Character.isISOControl(c)) {
            c = '?';
        }
        boolean wide = TerminalTextUtils.isCharCJK(c);
        if (wide && col + 1 >= width) {
            c = ' ';
            wide = false;
        }
        screen.setCharacter(col, row, template(style).withCharacter(c));
        return col + (wide ? 2 : 1);
    }

    /**
     * Puts text from {@code col}, stopping before {@code limit}; returns the column after the
     * text. When the text does not fit, its last visible character becomes {@code ellipsis}.
     */
    int put(int col, int row, String text, LanternaStyle style, int limit, char ellipsis) {
        int end = Math.min(limit, width);
        for (int i = 0; i < text.length() && col < end; i++) {
            char c = text.charAt(i);
            int w = TerminalTextUtils.isCharCJK(c) ? 2 : 1;
            boolean last = col + w >= end && i < text.length() - 1;
            if (last) {
                return put(col, row, ellipsis, style);
            }
            col = put(col, row, c, style);
        }
        return col;
    }

    /** Fills the rest of a row, from {@code col}, with blanks in a style. */
    void fill(int col, int row, LanternaStyle style) {
        for (int c = Math.max(col, 0); c < width; c++) {
            put(c, row, ' ', style);
        }
    }
}
