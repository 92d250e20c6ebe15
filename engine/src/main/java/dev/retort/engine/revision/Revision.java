package dev.retort.engine.revision;

import java.nio.file.Path;
import java.util.List;

/**
 * One revision as declared by its script header: immutable, and knowing nothing of the graph
 * it belongs to (children, effective labels and heads live in {@link RevisionMap}).
 *
 * @param id             the revision id ({@code Revision ID:})
 * @param downRevisions  declared parents ({@code Revises:}), empty for a base, 2+ for a merge
 * @param dependsOn      {@code Depends On:} entries as written (ids, partial ids or labels)
 * @param branchLabels   {@code Branch Labels:} as declared on this revision
 * @param docstring      the header with comment markers stripped (Alembic's module docstring):
 *                       message, blank line, {@code Revision ID: ...} and so on
 * @param path           the script file, absolute; {@code null} for revisions built in tests
 * @param message        the message as written ({@link #doc()}): empty when the header's first
 *                       line is empty or the header has none; may span lines and paragraphs
 */
public record Revision(
        String id,
        List<String> downRevisions,
        List<String> dependsOn,
        List<String> branchLabels,
        String docstring,
        Path path,
        String message) {

    public Revision {
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        docstring = docstring == null ? "" : docstring;
        message = message == null ? firstParagraph(docstring) : message;
    }

    /** A revision whose message is its docstring's first paragraph, as Alembic reads it. */
    public Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
            String docstring, Path path) {
        this(id, downRevisions, dependsOn, branchLabels, docstring, path, null);
    }

    /** A revision with an empty docstring and no file: for tests and generated graphs. */
    public static Revision of(String id, List<String> down, List<String> dependsOn, List<String> labels) {
        return new Revision(id, down, dependsOn, labels, "", null);
    }

    /** Alembic's {@code doc}: the message (by default the docstring's first paragraph). */
    public String doc() {
        return message;
    }

    /** The docstring up to its first blank line, stripped. */
    private static String firstParagraph(String docstring) {
        String s = docstring.strip();
        int blank = s.indexOf("\n\n");
        String first = blank < 0 ? s : s.substring(0, blank);
        // a line holding only whitespace also ends the first paragraph
        StringBuilder out = new StringBuilder();
        for (String line : first.split("\n", -1)) {
            if (line.isBlank()) {
                break;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString().strip();
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }
}
