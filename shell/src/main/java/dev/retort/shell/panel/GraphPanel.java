package dev.retort.shell.panel;

import dev.retort.themes.ColorDepth;
import dev.retort.themes.ColorPolicy;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import dev.retort.themes.ThemeCatalog;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The branch-graph panel: a full-screen Lanterna view of the history on any Lanterna
 * {@link Terminal} (a real one through {@link JLineHandover}, a virtual one in tests).
 *
 * <p>Use {@link #run()} to show it until the user leaves (q, Esc or Ctrl-C); it returns the
 * model as it then is, which differs from the one given when the user upgraded, downgraded,
 * stamped or merged. Tests drive it step by step: {@link #open()}, then keys into the
 * terminal and {@link #processInput()}, then {@link #close()}.
 *
 * <p>Not thread-safe: one thread runs the panel, and {@link PanelActions} are called on it.
 *
 * <p>Longer than most classes here because its key handling is one state machine over the
 * panel's modes (browse, search, confirm, merge message, help) and reads best in one place; state
 * lives in {@link PanelState}, drawing in {@link PanelRenderer}.
 */
public final class GraphPanel {
    private static final long IDLE_POLL_MILLIS = 10;

    private final Terminal terminal;
    private final PanelActions actions;
    private final PanelRenderer renderer;
    private final PanelState state;
    private TerminalScreen screen;
    private volatile boolean resized;
    private final TerminalResizeListener resizeListener = (t, size) -> resized = true;
    private boolean closed;
    private boolean follow = true;

    private GraphPanel(Builder b) {
        this.terminal = Objects.requireNonNull(b.terminal, "terminal");
        this.actions = Objects.requireNonNull(b.actions, "actions");
        this.renderer = new PanelRenderer(b.styler, b.glyphs != null ? b.glyphs : b.defaultGlyphs, b.actions);
        this.state = new PanelState(Objects.requireNonNull(b.model, "model"));
        if (b.startAt != null) {
            state.model.find(b.startAt).ifPresentOrElse(state::select,
                    () -> state.status(dev.retort.engine.RevisionNotFound.message(b.startAt), Role.ERROR));
        } else {
            List<Integer> current = state.model.currentRows();
            state.select(current.isEmpty() ? 0 : current.get(0));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Shows the panel until the user leaves it; returns the model as it then is. */
    public GraphModel run() throws IOException {
        open();
        try {
            while (!closed) {
                KeyStroke key = screen.pollInput();
                if (key == null) {
                    if (resized) {
                        redraw();
                    } else {
                        sleep();
                    }
                    continue;
                }
                handle(key);
                processInput();
            }
        } finally {
            close();
        }
        return state.model;
    }

    /** Starts the screen (alternate screen, cursor hidden) and draws the first frame. */
    public void open() throws IOException {
        screen = new TerminalScreen(terminal);
        terminal.addResizeListener(resizeListener);
        screen.startScreen();
        redraw();
    }

    /** Handles every key already typed, then redraws. For tests and {@link #run()}. */
    public void processInput() throws IOException {
        KeyStroke key;
        while (!closed && (key = screen.pollInput()) != null) {
            handle(key);
        }
        if (!closed) {
            redraw();
        }
    }

    /** Whether the user has left the panel. */
    public boolean isClosed() {
        return closed;
    }

    /** The model as it is now. */
    public GraphModel model() {
        return state.model;
    }

    /** Leaves the alternate screen and gives the terminal back. Idempotent. */
    public void close() throws IOException {
        closed = true;
        if (state.preview != null) {
            state.preview.discard();
            endMode();
        }
        if (screen != null) {
            terminal.removeResizeListener(resizeListener);
            // without draining the input as Lanterna would: keys typed after q are the REPL's
            screen.stopScreen(false);
            screen = null;
        }
    }

    /** Draws the current state; completely after a resize, else only what changed. */
    void redraw() throws IOException {
        boolean full = screen.doResizeIfNecessary() != null || resized;
        resized = false;
        renderer.draw(screen, state, follow);
        follow = false;
        screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private static void sleep() {
        try {
            Thread.sleep(IDLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int pageSize() {
        return PanelRenderer.geometry(screen.getTerminalSize(), state).listHeight();
    }

    private void handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            closed = true;
            return;
        }
        switch (state.mode) {
            case BROWSE -> browse(key);
            case SEARCH -> search(key);
            case CONFIRM -> confirm(key);
            case MERGE_MESSAGE -> mergeMessage(key);
            case HELP -> state.mode = PanelState.Mode.BROWSE; // any key closes the overlay, and only that
            default -> throw new IllegalStateException(state.mode.toString());
        }
    }

    private static boolean isChar(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()
                && key.getCharacter() == c;
    }

    private static boolean isCancel(KeyStroke key) {
        return key.getKeyType() == KeyType.Escape
                || (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c');
    }

    private void move(int to) {
        state.select(to);
        follow = true;
    }

    private void browse(KeyStroke key) {
        state.status("", Role.STATUS);
        KeyType type = key.getKeyType();
        if (isCancel(key) || isChar(key, 'q')) {
            closed = true;
        } else if (type == KeyType.ArrowDown || isChar(key, 'j')) {
            move(state.selected + 1);
        } else if (type == KeyType.ArrowUp || isChar(key, 'k')) {
            move(state.selected - 1);
        } else if (type == KeyType.PageDown) {
            state.top += pageSize();
            move(state.selected + pageSize());
        } else if (type == KeyType.PageUp) {
            state.top = Math.max(0, state.top - pageSize());
            move(state.selected - pageSize());
        } else if (type == KeyType.Home || isChar(key, 'g')) {
            move(0);
        } else if (type == KeyType.End || isChar(key, 'G')) {
            move(state.model.size() - 1);
        } else if (type == KeyType.ArrowLeft || isChar(key, 'h')) {
            state.hscroll = Math.max(0, state.hscroll - 2);
        } else if (type == KeyType.ArrowRight || isChar(key, 'l')) {
            state.hscroll += 2;
        } else if (isChar(key, 'J')) {
            state.detailScroll += 1;
        } else if (isChar(key, 'K')) {
            state.detailScroll = Math.max(0, state.detailScroll - 1);
        } else if (type == KeyType.Tab) {
            state.detailVisible = !state.detailVisible;
        } else if (type == KeyType.Enter) {
            showSql();
        } else if (isChar(key, '/')) {
            state.mode = PanelState.Mode.SEARCH;
            state.input.setLength(0);
            state.searchOrigin = state.selected;
        } else if (isChar(key, 'n')) {
            next(1);
        } else if (isChar(key, 'N')) {
            next(-1);
        } else if (isChar(key, 'c')) {
            jumpToCurrent();
        } else if (isChar(key, ' ')) {
            toggleMark();
        } else if (isChar(key, '?')) {
            state.mode = PanelState.Mode.HELP;
        } else if (isChar(key, 'm')) {
            startMerge();
        } else if (isChar(key, 'u')) {
            startMove(PanelActions.Move.UPGRADE);
        } else if (isChar(key, 'd')) {
            startMove(PanelActions.Move.DOWNGRADE);
        } else if (isChar(key, 's')) {
            startMove(PanelActions.Move.STAMP);
        } else if (type == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'l') {
            resized = true;
        }
    }

    /** Opens the detail pane scrolled to the selected revision's SQL (its first {@code -- upgrade} line). */
    private void showSql() {
        GraphNode node = state.selectedNode();
        if (node == null) {
            return;
        }
        state.detailVisible = true;
        List<String> lines = state.detail(actions, node.id()).lines().toList();
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("-- upgrade")) {
                at = i;
                break;
            }
        }
        state.detailScroll = at;
    }

    private void next(int direction) {
        if (state.lastSearch.isEmpty()) {
            state.status("No search yet: / searches ids, labels and messages", Role.WARNING);
            return;
        }
        int row = state.findFrom(state.selected + direction, state.lastSearch, direction);
        if (row < 0) {
            state.status("Not found: " + state.lastSearch, Role.WARNING);
        } else {
            if ((direction > 0 && row <= state.selected) || (direction < 0 && row >= state.selected)) {
                state.status("Search wrapped", Role.STATUS);
            }
            move(row);
        }
    }

    private void jumpToCurrent() {
        List<Integer> rows = state.model.currentRows();
        if (rows.isEmpty()) {
            state.status("The database is at base: no current head", Role.WARNING);
            return;
        }
        state.currentCycle = rows.contains(state.selected)
                ? (rows.indexOf(state.selected) + 1) % rows.size() : 0;
        move(rows.get(state.currentCycle));
    }

    private void toggleMark() {
        GraphNode node = state.selectedNode();
        if (node == null) {
            return;
        }
        if (state.marks.remove(node.id())) {
            return;
        }
        if (!node.head()) {
            state.status("Only heads can be merged: " + PanelRenderer.shortId(node.id()) + " is not a head",
                    Role.WARNING);
            return;
        }
        state.marks.add(node.id());
    }

    private void startMerge() {
        if (state.marks.size() < 2) {
            state.status("Mark two or more heads with space, then m merges them", Role.WARNING);
            return;
        }
        state.mode = PanelState.Mode.MERGE_MESSAGE;
        state.input.setLength(0);
    }

    private void startMove(PanelActions.Move move) {
        GraphNode node = state.selectedNode();
        if (node == null) {
            return;
        }
        try {
            state.preview = actions.preview(move, node.id());
            state.pendingMove = move;
            state.mode = PanelState.Mode.CONFIRM;
            state.detailScroll = 0;
        } catch (RuntimeException e) {
            state.status("FAILED: " + message(e), Role.ERROR);
        }
    }

    private void confirm(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (isChar(key, 'y') || isChar(key, 'Y')) {
            PanelActions.Preview preview = state.preview;
            PanelActions.Move move = state.pendingMove;
            String id = state.selectedNode().id();
            endMode();
            try {
                state.setModel(preview.apply());
                state.status(move.done() + " to " + PanelRenderer.shortId(id), Role.SUCCESS);
            } catch (RuntimeException e) {
                // earlier steps may have committed and a step may have stopped part-way: the
                // current markers and the partial marker must show what the database holds now
                try {
                    state.setModel(actions.reload(state.model));
                } catch (RuntimeException unreadable) {
                    state.databaseChanged();
                }
                state.status("FAILED: " + message(e), Role.ERROR);
            }
        } else if (type == KeyType.ArrowDown || isChar(key, 'j') || isChar(key, 'J')) {
            state.detailScroll++;
        } else if (type == KeyType.ArrowUp || isChar(key, 'k') || isChar(key, 'K')) {
            state.detailScroll = Math.max(0, state.detailScroll - 1);
        } else if (type == KeyType.PageDown) {
            state.detailScroll += pageSize();
        } else if (type == KeyType.PageUp) {
            state.detailScroll = Math.max(0, state.detailScroll - pageSize());
        } else {
            String verb = state.pendingMove.verb();
            state.preview.discard();
            endMode();
            state.status("Cancelled: nothing was run (" + verb + ")", Role.STATUS);
        }
    }

    private void endMode() {
        state.mode = PanelState.Mode.BROWSE;
        state.preview = null;
        state.pendingMove = null;
        state.detailScroll = 0;
        state.input.setLength(0);
    }

    /** Text entry shared by search and merge message; returns true when the key was edited in. */
    private boolean edit(KeyStroke key) {
        if (key.getKeyType() == KeyType.Backspace) {
            if (state.input.length() > 0) {
                state.input.setLength(state.input.length() - 1);
            }
            return true;
        }
        if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            state.input.append(key.getCharacter());
            return true;
        }
        if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'u') {
            state.input.setLength(0);
            return true;
        }
        return false;
    }

    private void search(KeyStroke key) {
        if (isCancel(key)) {
            move(state.searchOrigin);
            endMode();
            return;
        }
        if (key.getKeyType() == KeyType.Enter) {
            String q = state.input.toString();
            endMode();
            if (!q.isEmpty()) {
                state.lastSearch = q;
                int row = state.findFrom(state.searchOrigin, q, 1);
                if (row < 0) {
                    state.status("Not found: " + q, Role.WARNING);
                } else {
                    move(row);
                }
            }
            return;
        }
        if (edit(key)) {
            // incremental: the first match at or below where the search began
            int row = state.findFrom(state.searchOrigin, state.input.toString(), 1);
            move(row < 0 ? state.searchOrigin : row);
        }
    }

    private void mergeMessage(KeyStroke key) {
        if (isCancel(key)) {
            endMode();
            state.status("Merge cancelled", Role.STATUS);
            return;
        }
        if (key.getKeyType() == KeyType.Enter) {
            String message = state.input.toString().strip();
            List<String> heads = state.markedInRowOrder();
            endMode();
            try {
                GraphModel before = state.model;
                GraphModel after = actions.merge(heads, message);
                state.setModel(after);
                state.marks.clear();
                String created = newRevision(before, after);
                if (created != null) {
                    move(after.indexOf(created));
                }
                state.status("Merged " + heads.size() + " heads" + (created == null ? "" : " into "
                        + PanelRenderer.shortId(created)), Role.SUCCESS);
            } catch (RuntimeException e) {
                state.status("FAILED: " + message(e), Role.ERROR);
            }
            return;
        }
        edit(key);
    }

    private static String newRevision(GraphModel before, GraphModel after) {
        List<String> created = new ArrayList<>();
        for (GraphNode n : after.nodes()) {
            if (before.indexOf(n.id()) < 0) {
                created.add(n.id());
            }
        }
        return created.isEmpty() ? null : created.get(0);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final Styler DEFAULT_STYLER = new Styler(ThemeCatalog.bundled("dark"),
            new ColorPolicy(ColorDepth.ANSI_16));

    /** Options of a panel; {@link #terminal}, {@link #model} and {@link #actions} are required. */
    public static final class Builder {
        private Terminal terminal;
        private GraphModel model;
        private PanelActions actions;
        private Styler styler = DEFAULT_STYLER;
        private Glyphs glyphs;
        private Glyphs defaultGlyphs = Glyphs.UNICODE;
        private String startAt;

        private Builder() {}

        public Builder terminal(Terminal terminal) {
            this.terminal = terminal;
            return this;
        }

        public Builder model(GraphModel model) {
            this.model = model;
            return this;
        }

        public Builder actions(PanelActions actions) {
            this.actions = actions;
            return this;
        }

        /**
         * The theme and colour policy the panel draws with (the shell's, so that the panel and the
         * REPL look alike); by default the bundled {@code dark} theme in sixteen colours. With colour
         * off the styler gives the bundled {@code mono} theme's attributes (bold, reverse).
         */
        public Builder styler(Styler styler) {
            this.styler = Objects.requireNonNull(styler);
            return this;
        }

        public Builder glyphs(Glyphs glyphs) {
            this.glyphs = Objects.requireNonNull(glyphs);
            return this;
        }

        /** The glyphs to use unless {@link #glyphs} chose some: what the terminal can show. */
        Builder defaultGlyphs(Glyphs glyphs) {
            this.defaultGlyphs = Objects.requireNonNull(glyphs);
            return this;
        }

        /** Selects this revision first (id, unique prefix or label): {@code graph REV}. */
        public Builder startAt(String revision) {
            this.startAt = revision;
            return this;
        }

        public GraphPanel build() {
            return new GraphPanel(this);
        }
    }
}
