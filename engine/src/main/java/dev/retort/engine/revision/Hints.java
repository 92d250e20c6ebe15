package dev.retort.engine.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The second line of an error the user can act on: where Alembic's text leaves one stuck
 * (an ambiguous prefix, a walk that forks, an upgrade from several current revisions), the
 * candidates or the command that works. Suggested commands are tried against the same
 * resolver before they are offered, so a hint never names a target that fails too.
 */
final class Hints {
    private Hints() {}

    /** Every revision or label starting with {@code prefix}, with its message; the true reason first. */
    static String ambiguousPrefix(Graph g, String prefix, List<String> keys) {
        StringBuilder sb = new StringBuilder();
        sb.append("'").append(prefix).append("' is ambiguous: ").append(keys.size())
                .append(" revisions start with it; type more of the id:");
        for (String key : keys) {
            int i = g.key(key);
            sb.append("\n  ").append(key);
            if (i >= 0 && !g.id(i).equals(key)) {
                sb.append(" (branch ").append(g.id(i)).append(')');
            } else if (i >= 0 && !g.revisions.get(i).doc().isEmpty()) {
                sb.append("  ").append(firstLine(g.revisions.get(i).doc()));
            }
        }
        return sb.toString();
    }

    /** A walk that meets several children (up) or parents (down): where, and the ways on. */
    static String fork(Graph g, int at, List<Integer> ways, boolean up) {
        List<String> named = new ArrayList<>();
        for (int w : ways) {
            named.add(describe(g, w));
        }
        String where = at < 0 ? "the base" : g.id(at);
        return (up ? "The graph branches at " + where + " into " : "Below " + where + " the graph has parents ")
                + String.join(" and ", named) + "; name a branch or a revision instead";
    }

    /**
     * {@code upgrade +N} where the walk forks: {@code upgrade LABEL@+N} for each branch that
     * works from the current revisions, else the fork's description.
     */
    static String upgradeWalk(Resolver r, List<String> current, String fork, long steps) {
        List<String> ok = new ArrayList<>();
        for (String label : new TreeSet<>(r.g.byLabel.keySet())) {
            String target = label + "@+" + steps;
            if (works(r, current, target)) {
                ok.add("upgrade " + target);
            }
        }
        return ok.isEmpty() ? fork : "Choose a branch: " + String.join(" or ", ok);
    }

    /**
     * {@code upgrade +N} from several current revisions: when their only next step is one
     * revision merging them, that merge; else {@code upgrade LABEL@+N} for each branch that works.
     */
    static String upgradeFromSeveral(Graph g, Resolver r, List<String> current, List<Integer> starts, long steps) {
        Set<Integer> next = null;
        for (int s : starts) {
            Set<Integer> children = new TreeSet<>();
            if (s >= 0) {
                for (int c : g.nextrev[s]) {
                    children.add(c);
                }
            }
            if (next == null) {
                next = children;
            } else {
                next.retainAll(children);
            }
        }
        if (steps == 1 && next != null && next.size() == 1) {
            String merge = g.id(next.iterator().next());
            return "The next step from " + String.join(" and ", starts.stream().map(g::id).toList())
                    + " is the merge: upgrade " + merge;
        }
        List<String> ok = new ArrayList<>();
        for (String label : new TreeSet<>(g.byLabel.keySet())) {
            String target = label + "@+" + steps;
            if (works(r, current, target)) {
                ok.add("upgrade " + target);
            }
        }
        return ok.isEmpty() ? "Name the revision to upgrade to (or 'heads')" : "Choose a branch: " + String.join(" or ", ok);
    }

    private static boolean works(Resolver r, List<String> current, String target) {
        try {
            return !r.parseUpgradeTarget(current, target, true).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(Graph g, int i) {
        if (i < 0) {
            return "base";
        }
        Set<String> labels = g.labels.get(i);
        return g.id(i) + (labels.isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(labels)) + ")");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
