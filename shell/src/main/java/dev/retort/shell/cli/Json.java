package dev.retort.shell.cli;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain-value views of engine objects for {@code --json}; field names are part of the contract. */
final class Json {
    private Json() {}

    static Map<String, Object> revision(RevisionMap map, Revision r, boolean current) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", r.id());
        m.put("down_revisions", r.downRevisions());
        m.put("depends_on", r.dependsOn());
        m.put("branch_labels", new ArrayList<>(map.branchLabels(r)));
        m.put("message", r.doc());
        m.put("head", map.isRealHead(r) ? "head" : map.isHead(r) ? "effective head" : null);
        m.put("branchpoint", map.isBranchPoint(r));
        m.put("mergepoint", map.isMergePoint(r));
        m.put("current", current);
        m.put("path", Formats.path(r));
        return m;
    }

    static List<Map<String, Object>> revisions(RevisionMap map, List<Revision> rs, java.util.Set<String> current) {
        List<Map<String, Object>> out = new ArrayList<>(rs.size());
        for (Revision r : rs) {
            out.add(revision(map, r, current.contains(r.id())));
        }
        return out;
    }
}
