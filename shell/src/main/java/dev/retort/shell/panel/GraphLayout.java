package dev.retort.shell.panel;

import java.util.Arrays;

/**
 * The lanes of a whole history: one row of cells per revision, in the model's order. Lane
 * {@code k} is drawn in column {@code 2k}; odd columns carry only horizontal connectors.
 * Immutable; produced by {@link LaneLayout#layout}.
 */
public final class GraphLayout {
    private final int[][] rows;
    private final int[] nodeColumn;
    private final int maxWidth;

    GraphLayout(int[][] rows, int[] nodeColumn) {
        this.rows = rows;
        this.nodeColumn = nodeColumn;
        int w = 0;
        for (int[] r : rows) {
            w = Math.max(w, r.length);
        }
        this.maxWidth = w;
    }

    public int rowCount() {
        return rows.length;
    }

    /** Columns of this row's graph (its rightmost used cell + 1). */
    public int width(int row) {
        return rows[row].length;
    }

    /** The widest row. */
    public int maxWidth() {
        return maxWidth;
    }

    /** The column of the revision's node in this row. */
    public int nodeColumn(int row) {
        return nodeColumn[row];
    }

    /** The packed cell (see {@link Cell}); 0 beyond the row's width. */
    int cell(int row, int column) {
        int[] r = rows[row];
        return column < r.length ? r[column] : 0;
    }

    /** The row's graph as text in the given glyph set, for tests and plain output. */
    public String render(int row, Glyphs glyphs) {
        int[] r = rows[row];
        char[] out = new char[r.length];
        for (int c = 0; c < r.length; c++) {
            out[c] = glyphs.glyph(r[c], false, false);
        }
        return new String(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            sb.append(render(i, Glyphs.ASCII)).append('\n');
        }
        return sb.toString();
    }

    int[] rowCells(int row) {
        return Arrays.copyOf(rows[row], rows[row].length);
    }
}
