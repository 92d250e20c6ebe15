package dev.retort.shell.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns lanes to a history, {@code git log --graph} style but one row per revision: a pure,
 * deterministic function of the model, O(revisions × lanes).
 *
 * <p>Walking newest first, each open lane waits for one revision (a parent, or a
 * {@code depends_on} target, of something above). A revision sits in the leftmost lane
 * waiting for it through a parent edge (else through a dependency edge, else a new lane);
 * the other lanes waiting for it join it on its row (a branch point). Its first parent
 * continues its lane; every further parent (a merge) and every dependency opens a lane in
 * the leftmost free column, joined on the same row. A base closes its lane. Freed columns are
 * reused from the next row on, which keeps graphs narrow. Edges to revisions outside the
 * model are not drawn.
 *
 * <p>Where a horizontal connector crosses an unrelated vertical lane, the vertical is kept,
 * so that a crossing never looks like a junction.
 */
public final class LaneLayout {
    private LaneLayout() {}

    private static final class Lane {
        final String target;
        final boolean dependency;
        final int colour;

        Lane(String target, boolean dependency, int colour) {
            this.target = target;
            this.dependency = dependency;
            this.colour = colour;
        }
    }

    public static GraphLayout layout(GraphModel model) {
        int n = model.size();
        int[][] rows = new int[n][];
        int[] nodeColumns = new int[n];
        List<Lane> lanes = new ArrayList<>();
        int nextColour = 0;
        int[] cells = new int[16];
        boolean[] busy = new boolean[16];
        for (int row = 0; row < n; row++) {
            GraphNode node = model.get(row);
            String id = node.id();
            int before = lanes.size();
            int width = before + 1 + node.parents().size() + node.dependencies().size();
            if (cells.length < 2 * width) {
                cells = new int[4 * width];
                busy = new boolean[2 * width];
            }
            Arrays.fill(cells, 0, 2 * width, 0);
            Arrays.fill(busy, 0, width, false);

            // 1. the node's lane: leftmost parent lane waiting for it, else a dependency lane
            int at = -1;
            for (int k = 0; k < before; k++) {
                Lane l = lanes.get(k);
                if (l != null && l.target.equals(id)) {
                    busy[k] = true;
                    if (!l.dependency && (at < 0 || lanes.get(at).dependency)) {
                        at = k;
                    } else if (at < 0) {
                        at = k;
                    }
                }
            }
            int colour;
            if (at >= 0) {
                Lane own = lanes.get(at);
                colour = own.dependency ? nextColour++ % 8 : own.colour;
                cells[2 * at] |= side(Cell.UP, own.dependency);
            } else {
                at = firstFree(lanes, busy, width);
                colour = nextColour++ % 8;
            }
            busy[at] = true;
            cells[2 * at] |= Cell.NODE;
            cells[2 * at] = Cell.withColour(cells[2 * at], colour);
            nodeColumns[row] = 2 * at;

            // 2. other lanes waiting for it join it here (it is a branch point or a dependency)
            for (int k = 0; k < before; k++) {
                Lane l = lanes.get(k);
                if (k != at && l != null && l.target.equals(id)) {
                    connect(cells, lanes, busy, before, at, k, Cell.UP, l.dependency, laneColour(l));
                    lanes.set(k, null);
                }
            }
            lanes.set(ensure(lanes, at), null);

            // 3. first parent continues the node's lane; further parents and dependencies open lanes
            boolean continues = false;
            for (String p : node.parents()) {
                if (model.indexOf(p) <= row) {
                    continue;
                }
                if (!continues) {
                    lanes.set(at, new Lane(p, false, colour));
                    cells[2 * at] |= Cell.DOWN;
                    continues = true;
                } else {
                    int k = firstFree(lanes, busy, width);
                    busy[k] = true;
                    int c = nextColour++ % 8;
                    lanes.set(ensure(lanes, k), new Lane(p, false, c));
                    connect(cells, lanes, busy, before, at, k, Cell.DOWN, false, c);
                }
            }
            for (String d : node.dependencies()) {
                if (model.indexOf(d) <= row || node.parents().contains(d)) {
                    continue;
                }
                int k = firstFree(lanes, busy, width);
                busy[k] = true;
                lanes.set(ensure(lanes, k), new Lane(d, true, Cell.DEPENDENCY_COLOUR));
                connect(cells, lanes, busy, before, at, k, Cell.DOWN, true, Cell.DEPENDENCY_COLOUR);
            }

            // 4. lanes passing by, drawn last so that they win over crossing connectors
            for (int k = 0; k < before; k++) {
                Lane l = lanes.get(k);
                if (l != null && !busy[k]) {
                    cells[2 * k] = Cell.withColour(side(Cell.UP | Cell.DOWN, l.dependency), laneColour(l));
                }
            }
            while (!lanes.isEmpty() && lanes.get(lanes.size() - 1) == null) {
                lanes.remove(lanes.size() - 1);
            }
            int used = 2 * width;
            while (used > 0 && cells[used - 1] == 0) {
                used--;
            }
            rows[row] = Arrays.copyOf(cells, used);
        }
        return new GraphLayout(rows, nodeColumns);
    }

    private static int laneColour(Lane l) {
        return l.dependency ? Cell.DEPENDENCY_COLOUR : l.colour;
    }

    private static int side(int sides, boolean dotted) {
        return dotted ? sides << Cell.DOTTED_SHIFT : sides;
    }

    /** Leftmost column neither open nor touched on this row. */
    private static int firstFree(List<Lane> lanes, boolean[] busy, int width) {
        for (int k = 0; k < width; k++) {
            if (!busy[k] && (k >= lanes.size() || lanes.get(k) == null)) {
                return k;
            }
        }
        throw new IllegalStateException("no free lane within " + width);
    }

    private static int ensure(List<Lane> lanes, int k) {
        while (lanes.size() <= k) {
            lanes.add(null);
        }
        return k;
    }

    /**
     * Draws a connector on this row from the node at lane {@code at} to lane {@code k}, whose
     * line leaves vertically through {@code vertical} (UP: a lane ending here, DOWN: one
     * starting here).
     */
    private static void connect(int[] cells, List<Lane> lanes, boolean[] busy, int before, int at, int k,
            int vertical, boolean dotted, int colour) {
        int from = 2 * at;
        int to = 2 * k;
        int towardNode = to > from ? Cell.LEFT : Cell.RIGHT;
        int towardLane = to > from ? Cell.RIGHT : Cell.LEFT;
        cells[to] = Cell.withColour(cells[to] | side(vertical | towardNode, dotted), colour);
        cells[from] |= side(towardLane, dotted);
        int lo = Math.min(from, to) + 1;
        int hi = Math.max(from, to);
        for (int c = lo; c < hi; c++) {
            boolean passing = c % 2 == 0 && c / 2 < before && !busy[c / 2] && lanes.get(c / 2) != null;
            if ((c & 1) == 1 || !passing) {
                int keep = cells[c];
                int colourHere = Cell.isEmpty(keep) ? colour : Cell.colour(keep);
                cells[c] = Cell.withColour(keep | side(Cell.LEFT | Cell.RIGHT, dotted), colourHere);
            }
        }
    }
}
