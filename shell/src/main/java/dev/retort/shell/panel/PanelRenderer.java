package dev.retort.shell.panel;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import dev.retort.shell.panel.PanelStyles.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Draws a {@link PanelState} onto a screen: title bar, one row per revision (mark, lanes,
 * id, labels, tags, message), the detail pane (the selected revision, or the plan awaiting
 * confirmation) and the status line. Only visible rows are drawn, so a redraw costs the
 * screen's size, not the history's.
 */
final class PanelRenderer {
    private static final Set<String> SQL_KEYWORDS = Set.of("ADD", "ALTER", "AND", "AS", "BEGIN", "BY",
            "CASCADE", "CHECK", "COLUMN", "COMMIT", "CONCURRENTLY", "CONSTRAINT", "CREATE", "DEFAULT",
            "DELETE", "DROP", "EXISTS", "FOREIGN", "FROM", "IF", "INDEX", "INSERT", "INTEGER", "INTO",
            "KEY", "NOT", "NULL", "ON", "OR", "PRIMARY", "REFERENCES", "RENAME", "SELECT", "SET",
            "TABLE", "TEXT", "TO", "TRIGGER", "UNIQUE", "UPDATE", "VALUES", "VARCHAR", "VIEW", "WHERE");

    private final PanelStyles styles;
    private final Glyphs glyphs;
    private final PanelActions actions;

    PanelRenderer(PanelStyles styles, Glyphs glyphs, PanelActions actions) {
        this.styles = styles;
        this.glyphs = glyphs;
        this.actions = actions;
    }

    /** Rows of the screen given to each part. */
    record Geometry(int width, int height, int listTop, int listHeight, int detailTop, int detailHeight) {}

    static Geometry geometry(TerminalSize size, PanelState state) {
        int w = size.getColumns();
        int h = size.getRows();
        int detail = 0;
        if ((state.detailVisible || state.mode == PanelState.Mode.CONFIRM) && h >= 12) {
            int room = h - 3;
            detail = Math.max(3, state.mode == PanelState.Mode.CONFIRM ? room * 3 / 5 : room * 2 / 5);
        }
        int list = Math.max(1, h - 2 - (detail > 0 ? detail + 1 : 0));
        return new Geometry(w, h, 1, list, 1 + list + 1, detail);
    }

    void draw(Screen screen, PanelState state, boolean followSelection) {
        TerminalSize size = screen.getTerminalSize();
        Geometry g = geometry(size, state);
        Canvas canvas = new Canvas(screen, g.width(), g.height());
        scrollToSelection(state, g);
        drawTitle(canvas, state);
        int graphCols = graphColumns(state, g);
        if (followSelection) {
            followHorizontally(state, graphCols);
        }
        int maxScroll = Math.max(0, visibleGraphWidth(state, g) - graphCols);
        state.hscroll = Math.max(0, Math.min(state.hscroll, maxScroll));
        for (int i = 0; i < g.listHeight(); i++) {
            int row = state.top + i;
            int y = g.listTop() + i;
            if (row < state.model.size()) {
                drawRow(canvas, state, row, y, graphCols);
            } else {
                canvas.fill(0, y, styles.style(PanelRole.TEXT));
            }
        }
        if (g.detailHeight() > 0) {
            drawDetail(canvas, state, g);
        }
        TerminalPosition cursor = drawStatus(canvas, state, g);
        screen.setCursorPosition(cursor);
    }

    private static void scrollToSelection(PanelState state, Geometry g) {
        int n = state.model.size();
        if (state.selected < state.top) {
            state.top = state.selected;
        } else if (state.selected >= state.top + g.listHeight()) {
            state.top = state.selected - g.listHeight() + 1;
        }
        state.top = Math.max(0, Math.min(state.top, Math.max(0, n - g.listHeight())));
    }

    private static int visibleGraphWidth(PanelState state, Geometry g) {
        int w = 1;
        int end = Math.min(state.model.size(), state.top + g.listHeight());
        for (int r = state.top; r < end; r++) {
            w = Math.max(w, state.layout.width(r));
        }
        return w;
    }

    /** Columns given to lanes: the visible rows' width, at most half the screen. */
    private static int graphColumns(PanelState state, Geometry g) {
        int cap = Math.max(5, (g.width() - 4) / 2);
        return Math.min(visibleGraphWidth(state, g), cap);
    }

    private static void followHorizontally(PanelState state, int graphCols) {
        if (state.model.size() == 0) {
            return;
        }
        int node = state.layout.nodeColumn(state.selected);
        if (node < state.hscroll) {
            state.hscroll = node;
        } else if (node >= state.hscroll + graphCols) {
            state.hscroll = node - graphCols + 1;
        }
    }

    private void drawTitle(Canvas c, PanelState state) {
        Style title = styles.style(PanelRole.TITLE);
        StringBuilder sb = new StringBuilder(" Retort graph │ ");
        sb.append(state.model.size()).append(state.model.size() == 1 ? " revision" : " revisions");
        List<String> current = new ArrayList<>();
        for (int row : state.model.currentRows()) {
            current.add(shortId(state.model.get(row).id()));
        }
        sb.append(" │ current: ").append(current.isEmpty() ? "(base)" : String.join(", ", current));
        if (!state.marks.isEmpty()) {
            sb.append(" │ ").append(state.marks.size()).append(" marked");
        }
        String text = glyphs.isUnicode() ? sb.toString() : sb.toString().replace('│', '|');
        int end = c.put(0, 0, text, title, c.width(), glyphs.ellipsis());
        c.fill(end, 0, title);
    }

    private void drawRow(Canvas c, PanelState state, int row, int y, int graphCols) {
        GraphNode node = state.model.get(row);
        boolean selected = row == state.selected;
        Style overlay = selected ? styles.style(PanelRole.SELECTION) : null;
        Style plain = pick(styles.style(PanelRole.TEXT), overlay);
        int col = 0;
        if (state.marks.contains(node.id())) {
            col = c.put(col, y, glyphs.mark(), pick(styles.style(PanelRole.MARKED), overlay));
        } else if (selected) {
            col = c.put(col, y, glyphs.selection(), plain);
        } else {
            col = c.put(col, y, ' ', plain);
        }
        col = c.put(col, y, ' ', plain);
        int rowWidth = state.layout.width(row);
        for (int i = 0; i < graphCols; i++) {
            int cell = state.layout.cell(row, state.hscroll + i);
            char ch;
            Style st;
            if (i == graphCols - 1 && rowWidth > state.hscroll + graphCols) {
                ch = glyphs.ellipsis();
                st = styles.style(PanelRole.TEXT);
            } else if (Cell.isNode(cell)) {
                ch = glyphs.glyph(cell, node.applied(), node.current());
                st = node.current() ? styles.style(PanelRole.CURRENT) : laneStyle(cell);
            } else {
                ch = glyphs.glyph(cell, false, false);
                st = laneStyle(cell);
            }
            col = c.put(col, y, ch, pick(st, overlay));
        }
        col = c.put(col, y, ' ', plain);
        int w = c.width();
        char e = glyphs.ellipsis();
        Style idStyle = node.current() ? styles.style(PanelRole.CURRENT)
                : node.applied() ? styles.style(PanelRole.REVISION_ID) : styles.style(PanelRole.PENDING);
        col = c.put(col, y, node.id(), pick(idStyle, overlay), w, e);
        if (!node.labels().isEmpty()) {
            col = c.put(col, y, " (" + String.join(", ", node.labels()) + ")",
                    pick(styles.style(PanelRole.BRANCH_LABEL), overlay), w, e);
        }
        if (node.head()) {
            col = c.put(col, y, " (head)", pick(styles.style(PanelRole.HEAD), overlay), w, e);
        }
        if (node.branchPoint()) {
            col = c.put(col, y, " (branchpoint)", pick(styles.style(PanelRole.MARKER), overlay), w, e);
        }
        if (node.mergePoint()) {
            col = c.put(col, y, " (mergepoint)", pick(styles.style(PanelRole.MARKER), overlay), w, e);
        }
        if (node.current()) {
            col = c.put(col, y, " (current)", pick(styles.style(PanelRole.CURRENT), overlay), w, e);
        }
        Style msg = node.applied() ? styles.style(PanelRole.TEXT) : styles.style(PanelRole.PENDING);
        col = c.put(col, y, "  " + node.oneLineMessage(), pick(msg, overlay), w, e);
        c.fill(col, y, plain);
    }

    private Style laneStyle(int cell) {
        int colour = Cell.colour(cell);
        return colour == Cell.DEPENDENCY_COLOUR ? styles.style(PanelRole.DEPENDENCY) : styles.lane(colour);
    }

    private static Style pick(Style s, Style overlay) {
        return overlay == null ? s : s.under(overlay);
    }

    private void drawDetail(Canvas c, PanelState state, Geometry g) {
        Style header = styles.style(PanelRole.DETAIL_HEADER);
        String title;
        String text;
        GraphNode node = state.selectedNode();
        if (state.mode == PanelState.Mode.CONFIRM && state.preview != null) {
            title = state.preview.summary();
            text = state.preview.text();
        } else if (node != null) {
            title = node.id() + (node.labels().isEmpty() ? "" : " (" + String.join(", ", node.labels()) + ")");
            text = state.detail(actions, node.id());
        } else {
            title = "no revisions";
            text = "";
        }
        char rule = glyphs.isUnicode() ? '─' : '-';
        int y0 = g.detailTop() - 1;
        int col = c.put(0, y0, String.valueOf(rule).repeat(2) + " ", header, c.width(), glyphs.ellipsis());
        col = c.put(col, y0, title + " ", header, c.width(), glyphs.ellipsis());
        while (col < c.width()) {
            col = c.put(col, y0, rule, header);
        }
        List<Line> lines = wrap(text, c.width());
        int maxScroll = Math.max(0, lines.size() - g.detailHeight());
        state.detailScroll = Math.max(0, Math.min(state.detailScroll, maxScroll));
        for (int i = 0; i < g.detailHeight(); i++) {
            int y = g.detailTop() + i;
            int li = state.detailScroll + i;
            int x = 0;
            if (li < lines.size()) {
                Line line = lines.get(li);
                for (int k = 0; k < line.text.length() && x < c.width(); k++) {
                    x = c.put(x, y, line.text.charAt(k), line.styles[k]);
                }
            }
            c.fill(x, y, styles.style(PanelRole.TEXT));
        }
    }

    private record Line(String text, Style[] styles) {}

    /** Splits text into screen lines, highlighted, wrapping long ones. */
    private List<Line> wrap(String text, int width) {
        List<Line> out = new ArrayList<>();
        boolean header = true;
        for (String raw : text.split("\n", -1)) {
            String line = raw.replace('\t', ' ').stripTrailing();
            if (line.isEmpty()) {
                header = false;
            }
            Style[] st = highlight(line, header);
            if (line.isEmpty()) {
                out.add(new Line("", st));
                continue;
            }
            for (int from = 0; from < line.length(); from += Math.max(1, width)) {
                int to = Math.min(line.length(), from + Math.max(1, width));
                Style[] part = new Style[to - from];
                System.arraycopy(st, from, part, 0, to - from);
                out.add(new Line(line.substring(from, to), part));
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text.isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private Style[] highlight(String line, boolean header) {
        Style text = styles.style(PanelRole.TEXT);
        Style[] st = new Style[line.length()];
        java.util.Arrays.fill(st, text);
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("-- lint error[") || trimmed.startsWith("-- lint warning[")) {
            // lint findings under their statement, coloured by level
            java.util.Arrays.fill(st, styles.style(trimmed.startsWith("-- lint error[") ? PanelRole.ERROR : PanelRole.WARNING));
            return st;
        }
        if (trimmed.startsWith("--")) {
            java.util.Arrays.fill(st, styles.style(PanelRole.SQL_COMMENT));
            return st;
        }
        int colon = line.indexOf(": ");
        if (header && colon > 0 && colon < 24 && Character.isLetter(line.charAt(0))) {
            java.util.Arrays.fill(st, 0, colon + 1, styles.style(PanelRole.DETAIL_HEADER));
            return st;
        }
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '\'') {
                int j = line.indexOf('\'', i + 1);
                j = j < 0 ? line.length() - 1 : j;
                java.util.Arrays.fill(st, i, j + 1, styles.style(PanelRole.SQL_STRING));
                i = j + 1;
            } else if (Character.isLetter(ch) || ch == '_') {
                int j = i;
                while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
                    j++;
                }
                String word = line.substring(i, j);
                if (SQL_KEYWORDS.contains(word.toUpperCase(java.util.Locale.ROOT)) && word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                    java.util.Arrays.fill(st, i, j, styles.style(PanelRole.SQL_KEYWORD));
                }
                i = j;
            } else {
                i++;
            }
        }
        return st;
    }

    private TerminalPosition drawStatus(Canvas c, PanelState state, Geometry g) {
        int y = g.height() - 1;
        Style status = styles.style(PanelRole.STATUS);
        TerminalPosition cursor = null;
        String text;
        Style st = status;
        switch (state.mode) {
            case SEARCH -> {
                text = "/" + state.input;
                cursor = new TerminalPosition(Math.min(text.length(), c.width() - 1), y);
            }
            case MERGE_MESSAGE -> {
                text = "Merge " + state.marks.size() + " heads, message: " + state.input;
                cursor = new TerminalPosition(Math.min(text.length(), c.width() - 1), y);
            }
            case CONFIRM -> {
                text = "Apply this " + state.pendingMove.verb() + " to "
                        + shortId(state.selectedNode().id()) + "? [y/N] ";
                st = styles.style(PanelRole.WARNING).over(status);
                cursor = new TerminalPosition(Math.min(text.length(), c.width() - 1), y);
            }
            default -> {
                if (!state.status.isEmpty()) {
                    text = state.status;
                    st = state.statusRole == PanelRole.STATUS ? status : styles.style(state.statusRole).over(status);
                } else {
                    text = "j/k move  / search  n next  c current  space mark  m merge  "
                            + "u upgrade  d downgrade  s stamp  h/l scroll  J/K detail  tab pane  q quit";
                }
            }
        }
        int end = c.put(0, y, text, st, c.width(), glyphs.ellipsis());
        c.fill(end, y, st);
        return cursor;
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
