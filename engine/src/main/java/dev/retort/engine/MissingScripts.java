package dev.retort.engine;

import dev.retort.engine.revision.RevisionMap;
import java.util.List;

/**
 * Version-table rows whose script is not in the version locations (most often: another git
 * branch is checked out). Read-only commands still report and mark them; commands that would
 * plan from them refuse with the way out instead of Alembic's bare "Can't locate revision".
 */
public final class MissingScripts {
    private MissingScripts() {}

    /** The rows of {@code rows} that no script declares. */
    public static List<String> of(RevisionMap map, List<String> rows) {
        return rows.stream().filter(id -> map.get(id).isEmpty()).toList();
    }

    /** What to do about them, one sentence. */
    public static String advice(List<String> missing) {
        return "check out the branch that has " + (missing.size() == 1 ? "its script" : "their scripts")
                + ", or reset the version table with `stamp --purge REVISION`";
    }

    /** Refuses {@code verb} (upgrade, downgrade) from rows with a missing script. */
    public static void refuse(RevisionMap map, List<String> rows, String verb) {
        List<String> missing = of(map, rows);
        if (!missing.isEmpty()) {
            throw new RetortException("Can't " + verb + ": the database is at " + String.join(", ", missing)
                    + ", which has no script here (missing script); " + advice(missing));
        }
    }
}
