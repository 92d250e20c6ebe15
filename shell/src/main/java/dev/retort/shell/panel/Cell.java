package dev.retort.shell.panel;

/**
 * One graph cell packed in an {@code int}: which sides a line leaves through (solid for
 * parent edges, dotted for {@code depends_on} edges), whether the revision's node sits here,
 * and the colour (lane role 0–7, or {@link #DEPENDENCY_COLOUR}).
 *
 * <p>Packed because a 10,000-revision history is 10,000 rows of them and layout must stay
 * allocation-light; {@link GraphLayout} and {@link Glyphs} are the only readers.
 */
final class Cell {
    static final int UP = 1;
    static final int DOWN = 2;
    static final int LEFT = 4;
    static final int RIGHT = 8;
    static final int SIDES = UP | DOWN | LEFT | RIGHT;
    /** Dotted sides are the solid bits shifted by this many places. */
    static final int DOTTED_SHIFT = 4;
    static final int NODE = 1 << 8;
    static final int COLOUR_SHIFT = 9;
    /** The colour of dependency edges: a theme role of its own, not a lane. */
    static final int DEPENDENCY_COLOUR = 8;

    private Cell() {}

    static int solid(int cell) {
        return cell & SIDES;
    }

    static int dotted(int cell) {
        return (cell >>> DOTTED_SHIFT) & SIDES;
    }

    /** All sides, solid or dotted. */
    static int sides(int cell) {
        return solid(cell) | dotted(cell);
    }

    static boolean isNode(int cell) {
        return (cell & NODE) != 0;
    }

    static int colour(int cell) {
        return (cell >>> COLOUR_SHIFT) & 0xF;
    }

    static boolean isEmpty(int cell) {
        return cell == 0;
    }

    static int withColour(int cell, int colour) {
        return (cell & ~(0xF << COLOUR_SHIFT)) | (colour << COLOUR_SHIFT);
    }
}
