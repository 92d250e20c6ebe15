package dev.retort.shell.repl;

import java.util.List;

/**
 * What the shell shows about one revision while completing and highlighting.
 *
 * @param id           the full revision id
 * @param message      the first line of its docstring
 * @param labels       its effective branch labels, sorted
 * @param head         a head of the graph
 * @param current      the database is at this revision
 * @param branchPoint  more than one revision revises it
 * @param mergePoint   it revises more than one revision
 */
public record RevisionEntry(String id, String message, List<String> labels, boolean head, boolean current,
        boolean branchPoint, boolean mergePoint) {

    public RevisionEntry {
        labels = List.copyOf(labels);
        message = message == null ? "" : message;
    }

    /** {@code (head) (current) (branchpoint)} marks, as the completion list shows them. */
    public String marks() {
        StringBuilder sb = new StringBuilder();
        if (head) {
            sb.append("(head) ");
        }
        if (current) {
            sb.append("(current) ");
        }
        if (branchPoint) {
            sb.append("(branchpoint) ");
        }
        if (mergePoint) {
            sb.append("(mergepoint) ");
        }
        return sb.toString().strip();
    }
}
