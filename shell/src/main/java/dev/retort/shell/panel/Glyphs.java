package dev.retort.shell.panel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The characters the graph is drawn with: box drawing where the terminal can show it,
 * plain ASCII where it cannot ({@link #forTerminal}).
 */
public final class Glyphs {
    /** Rounded box drawing; dependency edges dashed. */
    public static final Glyphs UNICODE = new Glyphs(
            // index = solid sides mask (UP=1, DOWN=2, LEFT=4, RIGHT=8)
            new char[] {' ', '╵', '╷', '│', '╴', '╯', '╮', '┤', '╶', '╰', '╭', '├', '─', '┴', '┬', '┼'},
            '┆', '┄', '●', '○', '◉', '…', '▶', '✚', true);

    /** Seven-bit fallback. */
    public static final Glyphs ASCII = new Glyphs(
            new char[] {' ', '|', '|', '|', '-', '+', '+', '+', '-', '+', '+', '+', '-', '+', '+', '+'},
            ':', '.', '*', 'o', '@', '>', '>', '+', false);

    private final char[] solid;
    private final char dottedVertical;
    private final char dottedHorizontal;
    private final char applied;
    private final char pending;
    private final char current;
    private final char ellipsis;
    private final char selection;
    private final char mark;
    private final boolean unicode;

    private Glyphs(char[] solid, char dottedVertical, char dottedHorizontal, char applied,
            char pending, char current, char ellipsis, char selection, char mark, boolean unicode) {
        this.solid = solid;
        this.dottedVertical = dottedVertical;
        this.dottedHorizontal = dottedHorizontal;
        this.applied = applied;
        this.pending = pending;
        this.current = current;
        this.ellipsis = ellipsis;
        this.selection = selection;
        this.mark = mark;
        this.unicode = unicode;
    }

    /**
     * Unicode when the terminal's charset is UTF-8 and its type is not one known to lack box
     * drawing ({@code linux} console fonts, {@code dumb}, {@code vt100}); ASCII otherwise.
     * {@code RETORT_ASCII=1} in the environment forces ASCII.
     */
    public static Glyphs forTerminal(Charset charset, String termType, String forceAscii) {
        if (forceAscii != null && !forceAscii.isEmpty() && !forceAscii.equals("0")) {
            return ASCII;
        }
        String term = termType == null ? "" : termType.toLowerCase(Locale.ROOT);
        if (!StandardCharsets.UTF_8.equals(charset) || term.equals("dumb") || term.equals("linux")
                || term.startsWith("vt1") || term.startsWith("vt2")) {
            return ASCII;
        }
        return UNICODE;
    }

    public boolean isUnicode() {
        return unicode;
    }

    /** The glyph of a packed cell; a node cell gives the node glyph for its state. */
    char glyph(int cell, boolean isApplied, boolean isCurrent) {
        if (Cell.isNode(cell)) {
            return isCurrent ? current : isApplied ? applied : pending;
        }
        int solidSides = Cell.solid(cell);
        int all = Cell.sides(cell);
        if (solidSides == 0) {
            if (all == (Cell.UP | Cell.DOWN)) {
                return dottedVertical;
            }
            if (all == (Cell.LEFT | Cell.RIGHT)) {
                return dottedHorizontal;
            }
        }
        return solid[all];
    }

    /** Marks a cut line: more to the right. */
    char ellipsis() {
        return ellipsis;
    }

    char selection() {
        return selection;
    }

    char mark() {
        return mark;
    }
}
