package dev.retort.shell.cli;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alembic's text forms of a revision: {@code cmd_format} (one line) and {@code log_entry}
 * (the verbose block), so that Alembic users and their scripts read the same lines.
 */
final class Formats {

    /** What to put on a one-line entry; mirrors the arguments of Alembic's {@code cmd_format}. */
    record Line(boolean branches, boolean doc, boolean parents, boolean treeIndicators) {
        static final Line CURRENT = new Line(false, false, false, true);
        static final Line HEADS = new Line(true, false, false, false);
        static final Line HISTORY = new Line(true, true, true, true);
        static final Line BRANCH = new Line(true, false, false, true);
    }

    private final RevisionMap map;
    private final Styler styler;

    Formats(RevisionMap map) {
        this(map, Styler.plain());
    }

    /** With {@code styler}, ids, labels and markers are coloured by the theme's roles. */
    Formats(RevisionMap map, Styler styler) {
        this.map = map;
        this.styler = styler;
    }

    private String paint(Role role, String text) {
        return styler.paint(role, text);
    }

    /** Alembic's {@code _format_down_revision}: {@code <base>} or the parents joined. */
    static String down(Revision r) {
        return r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
    }

    String line(Revision r, Line what, boolean current) {
        StringBuilder text = new StringBuilder();
        if (what.parents()) {
            text.append(down(r));
            if (!r.dependsOn().isEmpty()) {
                text.append(" (").append(String.join(", ", r.dependsOn())).append(')');
            }
            text.append(" -> ");
        }
        text.append(paint(Role.REVISION_ID, r.id()));
        Set<String> labels = map.branchLabels(r);
        if (what.branches() && !labels.isEmpty()) {
            text.append(" (").append(paint(Role.BRANCH_LABEL, String.join(", ", labels))).append(')');
        }
        if (map.isRealHead(r)) {
            text.append(' ').append(paint(Role.HEAD, "(head)"));
        } else if (map.isHead(r)) {
            text.append(' ').append(paint(Role.HEAD, "(effective head)"));
        }
        if (current) {
            text.append(' ').append(paint(Role.CURRENT, "(current)"));
        }
        if (what.treeIndicators()) {
            if (map.isBranchPoint(r)) {
                text.append(' ').append(paint(Role.BRANCH_POINT, "(branchpoint)"));
            }
            if (map.isMergePoint(r)) {
                text.append(' ').append(paint(Role.MERGE_POINT, "(mergepoint)"));
            }
        }
        if (what.doc()) {
            text.append(", ").append(r.doc());
        }
        return text.toString();
    }

    /** Alembic's {@code log_entry}, ending with a newline (the caller's println adds the blank line). */
    String logEntry(Revision r, boolean current) {
        StringBuilder e = new StringBuilder("Rev: ").append(paint(Role.REVISION_ID, r.id()));
        if (map.isHead(r)) {
            e.append(" (head)");
        }
        if (map.isBranchPoint(r)) {
            e.append(" (branchpoint)");
        }
        if (map.isMergePoint(r)) {
            e.append(" (mergepoint)");
        }
        if (current) {
            e.append(" (current)");
        }
        e.append('\n');
        e.append(map.isMergePoint(r) ? "Merges: " : "Parent: ").append(down(r)).append('\n');
        if (!r.dependsOn().isEmpty()) {
            e.append("Also depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
        }
        if (map.isBranchPoint(r)) {
            e.append("Branches into: ").append(ids(map.children(r))).append('\n');
        }
        Set<String> labels = map.branchLabels(r);
        if (!labels.isEmpty()) {
            e.append("Branch names: ").append(String.join(", ", labels)).append('\n');
        }
        e.append("Path: ").append(path(r)).append('\n');
        e.append('\n');
        e.append(r.docstring().strip().lines().map(l -> "    " + l).collect(Collectors.joining("\n")));
        e.append('\n');
        return e.toString();
    }

    static String path(Revision r) {
        Path p = r.path();
        return p == null ? "" : p.toAbsolutePath().toString();
    }

    static String ids(Collection<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.joining(", "));
    }
}
