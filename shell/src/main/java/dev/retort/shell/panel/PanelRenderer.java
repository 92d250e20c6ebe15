package dev.retort.shell.panel;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import dev.retort.shell.highlight.SqlRoles;
import dev.retort.themes.LanternaStyles.LanternaStyle;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link PanelState} onto a screen: title bar, one row per revision (mark, lanes,
 * id, labels, tags, message), the detail pane (the selected revision, or the plan awaiting
 * confirmation) and the status line. Only visible rows are drawn, so a redraw costs the
 * screen's size, not the history's.
 */
final class PanelRenderer {
    private final Styler styler;
    private final Glyphs glyphs;
    private final PanelActions actions;
    private dev.retort.engine.dialect.Dialect dialect;

    /** @param styler the theme and colour policy: every cell is a {@link Role}'s Lanterna style */
    PanelRenderer(Styler styler, Glyphs glyphs, PanelActions actions) {
        this.styler = styler;
        this.glyphs = glyphs;
        this.actions = actions;
    }

    private LanternaStyle style(Role role) {
        return styler.lanterna(role);
    }

    /**
     * The selected row's overlay: the selection's background and emphasis, but each element
     * keeps its own foreground, so ids, lanes and the current heads stay told apart on it.
     */
    private LanternaStyle selection() {
        LanternaStyle s = style(Role.SELECTION);
        return new LanternaStyle(com.googlecode.lanterna.TextColor.ANSI.DEFAULT, s.background(), s.modifiers());
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
                canvas.fill(0, y, style(Role.MESSAGE));
            }
        }
        if (g.detailHeight() > 0) {
            drawDetail(canvas, state, g);
        }
        if (state.mode == PanelState.Mode.HELP) {
            drawHelp(canvas, g);
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

    /**
     * The {@code ?} overlay: every key and what it does, in a box over the revisions, from
     * {@link PanelKeys#ALL}. Lines that do not fit the box's width end in an ellipsis; on a
     * screen too low for all keys the last rows are left out (the key line still shows q and ?).
     */
    private void drawHelp(Canvas c, Geometry g) {
        List<PanelKeys.Key> keys = PanelKeys.ALL;
        int keyCol = 0;
        int textCol = 0;
        for (PanelKeys.Key k : keys) {
            keyCol = Math.max(keyCol, k.keys().length());
            textCol = Math.max(textCol, k.does().length());
        }
        int inner = Math.min(keyCol + 2 + textCol, Math.max(1, c.width() - 4));
        int boxWidth = inner + 4;
        int rows = Math.min(keys.size(), Math.max(0, g.height() - 4));
        int left = Math.max(0, (c.width() - boxWidth) / 2);
        int top = 1;
        LanternaStyle frame = style(Role.HEADING);
        LanternaStyle text = style(Role.MESSAGE);
        LanternaStyle key = style(Role.REVISION_ID);
        char e = glyphs.ellipsis();
        char h = glyphs.isUnicode() ? '─' : '-';
        char v = glyphs.isUnicode() ? '│' : '|';
        String title = " Keys ";
        int right = left + boxWidth;
        int x = c.put(left, top, glyphs.isUnicode() ? '┌' : '+', frame);
        x = c.put(x, top, title, frame, right - 1, e);
        while (x < right - 1) {
            x = c.put(x, top, h, frame);
        }
        c.put(x, top, glyphs.isUnicode() ? '┐' : '+', frame);
        for (int i = 0; i < rows; i++) {
            PanelKeys.Key k = keys.get(i);
            int y = top + 1 + i;
            x = c.put(left, y, v, frame);
            x = c.put(x, y, ' ', text);
            int end = left + 2 + inner;
            int after = c.put(x, y, k.keys(), key, end, e);
            while (after < x + keyCol + 2 && after < end) {
                after = c.put(after, y, ' ', text);
            }
            after = c.put(after, y, k.does(), text, end, e);
            while (after < right - 1) {
                after = c.put(after, y, ' ', text);
            }
            c.put(after, y, v, frame);
        }
        int y = top + 1 + rows;
        x = c.put(left, y, glyphs.isUnicode() ? '└' : '+', frame);
        while (x < right - 1) {
            x = c.put(x, y, h, frame);
        }
        c.put(x, y, glyphs.isUnicode() ? '┘' : '+', frame);
    }

    private void drawTitle(Canvas c, PanelState state) {
        LanternaStyle title = style(Role.STATUS);
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
        List<String> partial = new ArrayList<>();
        state.partialSteps(actions).values().forEach(p -> partial.add(shortId(p.revision()) + " "
                + p.applied() + "/" + p.total() + (p.inDoubt() ? "?" : "")));
        if (!partial.isEmpty()) {
            sb.append(" │ partly applied: ").append(String.join(", ", partial));
        }
        String text = glyphs.isUnicode() ? sb.toString() : sb.toString().replace('│', '|');
        int end = c.put(0, 0, text, title, c.width(), glyphs.ellipsis());
        c.fill(end, 0, title);
    }

    private void drawRow(Canvas c, PanelState state, int row, int y, int graphCols) {
        GraphNode node = state.model.get(row);
        boolean selected = row == state.selected;
        LanternaStyle overlay = selected ? selection() : null;
        LanternaStyle plain = pick(style(Role.MESSAGE), overlay);
        int col = 0;
        if (state.marks.contains(node.id())) {
            col = c.put(col, y, glyphs.mark(), pick(style(Role.WARNING), overlay));
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
            LanternaStyle st;
            if (i == graphCols - 1 && rowWidth > state.hscroll + graphCols) {
                ch = glyphs.ellipsis();
                st = style(Role.MESSAGE);
            } else if (Cell.isNode(cell)) {
                ch = glyphs.glyph(cell, node.applied(), node.current());
                st = node.current() ? style(Role.CURRENT) : laneStyle(cell);
            } else {
                ch = glyphs.glyph(cell, false, false);
                st = laneStyle(cell);
            }
            col = c.put(col, y, ch, pick(st, overlay));
        }
        col = c.put(col, y, ' ', plain);
        int w = c.width();
        char e = glyphs.ellipsis();
        LanternaStyle idStyle = node.current() ? style(Role.CURRENT)
                : node.applied() ? style(Role.REVISION_ID) : style(Role.MUTED);
        col = c.put(col, y, node.id(), pick(idStyle, overlay), w, e);
        if (!node.labels().isEmpty()) {
            col = c.put(col, y, " (" + String.join(", ", node.labels()) + ")",
                    pick(style(Role.BRANCH_LABEL), overlay), w, e);
        }
        if (node.head()) {
            col = c.put(col, y, " (head)", pick(style(Role.HEAD), overlay), w, e);
        }
        if (node.branchPoint()) {
            col = c.put(col, y, " (branchpoint)", pick(style(Role.BRANCH_POINT), overlay), w, e);
        }
        if (node.mergePoint()) {
            col = c.put(col, y, " (mergepoint)", pick(style(Role.MERGE_POINT), overlay), w, e);
        }
        if (node.current()) {
            col = c.put(col, y, " (current)", pick(style(Role.CURRENT), overlay), w, e);
        }
        dev.retort.engine.api.PartialStep partial = state.partialSteps(actions).get(node.id());
        if (partial != null) {
            col = c.put(col, y, " (" + partialMark(partial) + ")", pick(style(Role.WARNING), overlay), w, e);
        }
        LanternaStyle msg = node.applied() ? style(Role.MESSAGE) : style(Role.MUTED);
        col = c.put(col, y, "  " + node.oneLineMessage(), pick(msg, overlay), w, e);
        c.fill(col, y, plain);
    }

    private LanternaStyle laneStyle(int cell) {
        int colour = Cell.colour(cell);
        return colour == Cell.DEPENDENCY_COLOUR ? style(Role.MUTED) : style(Role.lane(colour));
    }

    private static LanternaStyle pick(LanternaStyle s, LanternaStyle overlay) {
        return overlay == null ? s : s.under(overlay);
    }

    private void drawDetail(Canvas c, PanelState state, Geometry g) {
        LanternaStyle header = style(Role.HEADING);
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
            c.fill(x, y, style(Role.MESSAGE));
        }
    }

    private record Line(String text, LanternaStyle[] styles) {}

    /** Splits text into screen lines, highlighted, wrapping long ones. */
    private List<Line> wrap(String text, int width) {
        String all = text.replace('\t', ' ');
        LanternaStyle[] styles = highlight(all);
        List<Line> out = new ArrayList<>();
        int start = 0;
        while (start <= all.length()) {
            int nl = all.indexOf('\n', start);
            int end = nl < 0 ? all.length() : nl;
            String line = all.substring(start, end).stripTrailing();
            if (line.isEmpty()) {
                out.add(new Line("", new LanternaStyle[0]));
            }
            for (int from = 0; from < line.length(); from += Math.max(1, width)) {
                int to = Math.min(line.length(), from + Math.max(1, width));
                LanternaStyle[] part = new LanternaStyle[to - from];
                System.arraycopy(styles, start + from, part, 0, to - from);
                out.add(new Line(line.substring(from, to), part));
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text.isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * The style of each character of a detail or preview text. Such a text is a header of
     * {@code Field: value} lines (a revision's {@code show} block, its docstring) and then SQL
     * from the first line that starts with {@code --} on: the header's field names are headings,
     * and the SQL is read whole, by the database dialect's own lexer, through {@link SqlRoles}:
     * exactly as the REPL colours it (multi-line comments and strings, dollar quotes, nested
     * comments where the dialect nests them).
     */
    private LanternaStyle[] highlight(String text) {
        LanternaStyle plain = style(Role.MESSAGE);
        LanternaStyle[] st = new LanternaStyle[text.length()];
        java.util.Arrays.fill(st, plain);
        int sql = sqlStart(text);
        boolean header = true;
        for (int start = 0; start < sql; ) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 || nl > sql ? sql : nl;
            String line = text.substring(start, end);
            if (line.isBlank()) {
                header = false;
            }
            int colon = line.indexOf(": ");
            if (header && colon > 0 && colon < 24 && Character.isLetter(line.charAt(0))) {
                java.util.Arrays.fill(st, start, start + colon + 1, style(Role.HEADING));
            }
            start = end + 1;
        }
        if (dialect == null) {
            dialect = actions.dialect(); // one database for the panel's life: asked once
        }
        Role[] roles = SqlRoles.roles(dialect, text.substring(sql));
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] != null) {
                st[sql + i] = style(roles[i]);
            }
        }
        return st;
    }

    /** Where the SQL of a detail or preview text begins: its first line starting with {@code --}, else its end. */
    private static int sqlStart(String text) {
        int start = 0;
        while (start < text.length()) {
            if (text.startsWith("--", start)) {
                return start;
            }
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return text.length();
    }

    private TerminalPosition drawStatus(Canvas c, PanelState state, Geometry g) {
        int y = g.height() - 1;
        LanternaStyle status = style(Role.STATUS);
        TerminalPosition cursor = null;
        String text;
        LanternaStyle st = status;
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
                st = style(Role.WARNING).over(status);
                cursor = new TerminalPosition(Math.min(text.length(), c.width() - 1), y);
            }
            default -> {
                if (!state.status.isEmpty()) {
                    text = state.status;
                    st = state.statusRole == Role.STATUS ? status : style(state.statusRole).over(status);
                } else if (state.mode == PanelState.Mode.HELP) {
                    text = "Any key closes this help";
                } else {
                    text = PanelKeys.keyLine(c.width());
                }
            }
        }
        int end = c.put(0, y, text, st, c.width(), glyphs.ellipsis());
        c.fill(end, y, st);
        return cursor;
    }

    /** {@code 2/3 applied}, or {@code 2/3 applied, 3rd in doubt} when the next may have committed. */
    static String partialMark(dev.retort.engine.api.PartialStep p) {
        return p.applied() + "/" + p.total() + " applied"
                + (p.inDoubt() ? ", " + dev.retort.engine.api.PartialStep.ordinal(p.applied() + 1) + " in doubt" : "");
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
