package dev.retort.shell.panel;

import dev.retort.engine.api.PartialStep;
import dev.retort.themes.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the panel shows besides the terminal: the model and its layout, the selection
 * and scroll positions, marks, the search, the current mode and its input, the status
 * message. Mutated only by {@link GraphPanel} on the panel's thread; read by
 * {@link PanelRenderer}.
 */
final class PanelState {
    enum Mode { BROWSE, SEARCH, CONFIRM, MERGE_MESSAGE, HELP }

    GraphModel model;
    GraphLayout layout;
    int selected;
    int top;
    int hscroll;
    int detailScroll;
    boolean detailVisible = true;
    final Set<String> marks = new LinkedHashSet<>();
    Mode mode = Mode.BROWSE;
    final StringBuilder input = new StringBuilder();
    String lastSearch = "";
    int searchOrigin;
    PanelActions.Move pendingMove;
    PanelActions.Preview preview;
    String status = "";
    Role statusRole = Role.STATUS;
    int currentCycle;
    private final Map<String, String> detailCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 64;
        }
    };

    /** Partly applied steps by revision; null until asked, and again after the model changes. */
    private Map<String, PartialStep> partial;

    PanelState(GraphModel model) {
        setModel(model);
    }

    /** Replaces the model (after an action), keeping the selection on the same revision. */
    void setModel(GraphModel next) {
        String keep = model == null || model.size() == 0 ? null : model.get(selected).id();
        this.model = next;
        this.layout = LaneLayout.layout(next);
        databaseChanged();
        marks.removeIf(id -> next.indexOf(id) < 0);
        int at = keep == null ? -1 : next.indexOf(keep);
        selected = Math.max(0, Math.min(at < 0 ? selected : at, next.size() - 1));
    }

    /**
     * What was read from the database besides the model (partly applied steps, details with
     * their applications) may be stale: an action ran, or failed part-way.
     */
    void databaseChanged() {
        detailCache.clear();
        partial = null;
    }

    /**
     * The steps an earlier run left partly applied, by revision, asked of {@code actions} once
     * per model; none when they cannot be read (the graph must still show).
     */
    Map<String, PartialStep> partialSteps(PanelActions actions) {
        if (partial == null) {
            Map<String, PartialStep> byRevision = new LinkedHashMap<>();
            try {
                for (PartialStep p : actions.partialSteps()) {
                    byRevision.putIfAbsent(p.revision(), p);
                }
            } catch (RuntimeException e) {
                byRevision.clear();
            }
            partial = byRevision;
        }
        return partial;
    }

    GraphNode selectedNode() {
        return model.size() == 0 ? null : model.get(selected);
    }

    void select(int row) {
        if (model.size() == 0) {
            return;
        }
        int r = Math.max(0, Math.min(row, model.size() - 1));
        if (r != selected) {
            detailScroll = 0;
        }
        selected = r;
    }

    void status(String text, Role role) {
        status = text;
        statusRole = role;
    }

    String detail(PanelActions actions, String id) {
        String text = detailCache.get(id);
        if (text == null) {
            try {
                text = withApplications(withPartial(actions.detail(id), partialSteps(actions).get(id)), actions, id);
            } catch (RuntimeException e) {
                text = "-- " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
            detailCache.put(id, text == null ? "" : text);
        }
        return text;
    }

    /** How many of a revision's last applications the detail view lists. */
    static final int APPLICATIONS_SHOWN = 5;

    /**
     * The detail text with the revision's last applications inserted before its SQL (so that
     * they are not coloured as SQL): one line each, direction, outcome, who, where and when.
     */
    static String withApplications(String detail, PanelActions actions, String id) {
        String text = detail == null ? "" : detail;
        List<dev.retort.engine.api.HistoryEntry> runs;
        try {
            runs = actions.applications(id, APPLICATIONS_SHOWN);
        } catch (RuntimeException e) {
            return text; // the audit table is extra: its absence must not hide the revision
        }
        if (runs == null || runs.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder("Last applications (newest first):\n");
        for (dev.retort.engine.api.HistoryEntry r : runs) {
            String who = r.osUser() != null ? r.osUser() : r.databaseUser(); // as retort log shows it
            sb.append("  ").append(r.direction()).append(' ').append(r.outcome())
                    .append(who == null ? "" : " by " + who)
                    .append(r.host() == null ? "" : "@" + r.host())
                    .append(r.startedAt() == null ? "" : " at " + r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    .append(r.duration() == null ? "" : " (" + r.duration().toMillis() + " ms)")
                    .append(r.error() == null ? "" : ": " + r.error().lines().findFirst().orElse(""))
                    .append('\n');
        }
        return beforeSql(text, sb.toString());
    }

    /**
     * The detail text with what is known of a partly applied step of the revision before its
     * SQL: which statements committed, which did not, and how to go on, in the words of
     * {@code status}. Unchanged when {@code partial} is null.
     */
    static String withPartial(String detail, PartialStep partial) {
        String text = detail == null ? "" : detail;
        if (partial == null) {
            return text;
        }
        String dir = partial.direction();
        StringBuilder sb = new StringBuilder("Partly applied: ").append(partial.describe()).append(";\n")
                .append("  the revision is not in the version table (its ").append(dir).append(" never completed)\n");
        int applied = partial.applied();
        for (int i = 0; i < partial.total(); i++) {
            int index = i;
            PartialStep.StatementProgress s = partial.statements().stream().filter(p -> p.index() == index)
                    .findFirst().orElse(null);
            String state = i < applied ? "applied"
                    : s != null && !s.applied() ? "was running when the run stopped; may have committed"
                    : i == applied ? "not applied (failed, cancelled or never started)" : "not run";
            sb.append("  ").append(PartialStep.ordinal(i + 1)).append(" statement")
                    .append(s == null ? "" : " (line " + s.line() + ")").append(": ").append(state).append('\n');
        }
        if (partial.inDoubt()) {
            sb.append("Check whether the ").append(PartialStep.ordinal(applied + 1)).append(" statement committed; then\n")
                    .append("`").append(dir).append(' ').append(partial.revision())
                    .append(" --restart-step` runs the step from its first statement,\n")
                    .append("  or complete the step by hand and `stamp` it.\n");
        } else {
            String key = dir.equals("downgrade") ? "d" : "u";
            sb.append("`").append(dir).append(' ').append(partial.revision()).append("` (").append(key)
                    .append(" here) resumes at the ").append(PartialStep.ordinal(applied + 1)).append(" statement\n")
                    .append("  (fix it in the script first if it failed; statements already applied may not change);\n")
                    .append("`").append(dir).append(' ').append(partial.revision())
                    .append(" --restart-step` runs the step from its first statement instead.\n");
        }
        return beforeSql(text, sb.toString());
    }

    /** Inserts {@code block} before the first line starting with {@code --} (the SQL), after a blank line. */
    private static String beforeSql(String text, String block) {
        int sql = 0;
        while (sql < text.length() && !text.startsWith("--", sql)) {
            int nl = text.indexOf('\n', sql);
            sql = nl < 0 ? text.length() : nl + 1;
        }
        String head = text.substring(0, sql);
        String sep = head.isEmpty() || head.endsWith("\n\n") ? "" : head.endsWith("\n") ? "\n" : "\n\n";
        return head + sep + block + (sql < text.length() ? "\n" : "") + text.substring(sql);
    }

    /** Whether a row matches a search: id prefix, branch label, or words of the message. */
    boolean matches(int row, String query) {
        if (query.isEmpty()) {
            return false;
        }
        GraphNode n = model.get(row);
        String q = query.toLowerCase(Locale.ROOT);
        if (n.id().toLowerCase(Locale.ROOT).startsWith(q)) {
            return true;
        }
        for (String l : n.labels()) {
            if (l.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return n.message().toLowerCase(Locale.ROOT).contains(q);
    }

    /** The next matching row after {@code from} in a direction, wrapping; -1 if none. */
    int findFrom(int from, String query, int direction) {
        int n = model.size();
        for (int step = 0; step < n; step++) {
            int row = Math.floorMod(from + direction * step, n);
            if (matches(row, query)) {
                return row;
            }
        }
        return -1;
    }

    List<String> markedInRowOrder() {
        List<String> out = new ArrayList<>(marks);
        out.sort((a, b) -> Integer.compare(model.indexOf(a), model.indexOf(b)));
        return out;
    }
}
