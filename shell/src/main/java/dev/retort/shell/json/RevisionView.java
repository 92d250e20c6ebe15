package dev.retort.shell.json;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One revision, the same shape wherever a revision appears ({@code heads}, {@code history},
 * {@code show}, {@code branches}, {@code current}, {@code status}).
 *
 * @param head          a real head: no revision descends from it
 * @param effectiveHead a head only once dependencies are ignored (Alembic's "effective head")
 * @param current       in the database's version table (false when the command did not read it)
 * @param path          the script's absolute path, or null
 */
public record RevisionView(String revision, List<String> downRevisions, List<String> dependsOn,
        List<String> branchLabels, String message, boolean head, boolean effectiveHead, boolean branchpoint,
        boolean mergepoint, boolean current, String path) {

    public static RevisionView of(RevisionMap map, Revision r, boolean current) {
        boolean real = map.isRealHead(r);
        return new RevisionView(r.id(), List.copyOf(r.downRevisions()), List.copyOf(r.dependsOn()),
                new ArrayList<>(map.branchLabels(r)), r.doc(), real, !real && map.isHead(r), map.isBranchPoint(r),
                map.isMergePoint(r), current, r.path() == null ? null : r.path().toAbsolutePath().toString());
    }

    public static List<RevisionView> of(RevisionMap map, Collection<Revision> rs, Set<String> current) {
        return rs.stream().map(r -> of(map, r, current.contains(r.id()))).toList();
    }
}
