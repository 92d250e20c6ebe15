package dev.retort.shell.panel;

import java.util.List;
import java.util.Objects;

/**
 * One revision as the panel sees it: the facts the graph needs and nothing the engine must
 * compute on demand (scripts and SQL come from {@link PanelActions}).
 *
 * @param id           the full revision id
 * @param parents      down revisions ({@code Revises:}); empty for a base, 2+ for a merge
 * @param dependencies {@code Depends On:} resolved to revision ids
 * @param labels       effective branch labels, in display order
 * @param message      the first paragraph of the docstring; may be long or multi-line
 * @param head         a versioned head (no child through down_revision)
 * @param branchPoint  more than one child through down_revision
 * @param mergePoint   more than one parent
 * @param applied      the database is at or past this revision
 * @param current      one of the database's current heads
 */
public record GraphNode(
        String id,
        List<String> parents,
        List<String> dependencies,
        List<String> labels,
        String message,
        boolean head,
        boolean branchPoint,
        boolean mergePoint,
        boolean applied,
        boolean current) {

    public GraphNode {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        dependencies = List.copyOf(dependencies);
        labels = List.copyOf(labels);
        message = message == null ? "" : message;
    }

    /** The message on one line, as a row shows it. */
    public String oneLineMessage() {
        return message.indexOf('\n') < 0 ? message : message.replace('\n', ' ');
    }
}
