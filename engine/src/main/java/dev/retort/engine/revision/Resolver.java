package dev.retort.engine.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifier resolution (reference §6): Alembic's {@code _resolve_revision_number},
 * {@code get_revisions}, {@code get_revision}, {@code _revision_for_ident}, lineage filters,
 * {@code _walk} and the upgrade/downgrade readings of relative targets. Results are revision
 * indexes, plus two markers: {@link #NONE} (Python's None: nothing, below every base) and
 * {@link #BASE} (the pseudo revision {@code "base"} a downward walk reaches from a base).
 * Errors are internal {@link RevisionError}s; {@link ErrorTexts} words them for the CLI.
 *
 * <p>Past 400 lines on purpose: Alembic's resolution functions are mutually recursive (a
 * lineage filter resolves identifiers, which resolve branches through lineage filters, which
 * walks use), and keeping them side by side keeps that one algorithm readable against §6.
 */
final class Resolver {

    static final int NONE = -1;
    static final int BASE = -2;

    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    final Graph g;

    Resolver(Graph g) {
        this.g = g;
    }

    /** {@code (ids, branch)}: the symbol part resolved to id strings, and the branch part. */
    record Number(List<String> ids, String branch) {}

    /** A parsed relative identifier: {@code branch@symbol+N}; null when {@code target} is not one. */
    static RelativeTarget relative(String target) {
        return RelativeTarget.parse(target).orElse(null);
    }

    Number resolveNumber(String id) {
        String branch = null;
        if (id != null && id.contains("@")) {
            int at = id.indexOf('@');
            branch = id.substring(0, at);
            id = id.substring(at + 1);
            if (branch.isEmpty()) {
                branch = null;
            }
        }
        if ("heads".equals(id)) {
            if (branch != null) {
                return new Number(ids(filterForLineage(list(g.heads), branch, false)), branch);
            }
            return new Number(g.ids(g.realHeads), null);
        }
        if ("head".equals(id)) {
            String head = currentHead(branch);
            return new Number(head == null ? List.of() : List.of(head), branch);
        }
        if (id == null || "base".equals(id)) {
            return new Number(List.of(), branch);
        }
        return new Number(List.of(id), branch);
    }

    /** {@code get_current_head(branch)}: the single versioned head (in the branch's lineage). */
    String currentHead(String branch) {
        List<Integer> heads = list(g.heads);
        if (branch != null) {
            heads = filterForLineage(heads, branch, false);
        }
        if (heads.size() > 1) {
            throw new RevisionError.MultipleHeads(ids(heads), branch != null ? branch + "@head" : "head");
        }
        return heads.isEmpty() ? null : g.id(heads.get(0));
    }

    /** {@code get_revisions(id)}; may hold {@link #NONE}/{@link #BASE} for {@code br@-N} walks. */
    List<Integer> getRevisions(String id) {
        Number num = resolveNumber(id);
        if (num.ids().size() == 1 && INTEGER.matcher(num.ids().get(0)).matches()) {
            String text = num.ids().get(0).strip();
            if (text.startsWith("-")) {
                RelativeTarget rel = relative(text);
                long steps = rel == null ? 0 : rel.steps();
                List<Integer> out = new ArrayList<>();
                for (int head : getRevisions("heads")) {
                    if (num.branch() == null || g.labels.get(head).contains(num.branch())) {
                        int walked = walk(head, steps, null, true);
                        if (walked == NONE && rel != null) {
                            // Alembic hands None on (stamp: "base", history: a confusing error)
                            throw new RevisionError(rel.didNotProduce());
                        }
                        out.add(walked);
                    }
                }
                return out;
            }
        }
        List<Integer> out = new ArrayList<>(num.ids().size());
        for (String x : num.ids()) {
            out.add(revisionForIdent(x, num.branch()));
        }
        return out;
    }

    List<Integer> getRevisions(List<String> ids) {
        List<Integer> out = new ArrayList<>();
        for (String id : ids) {
            if (id == null) {
                continue;
            }
            out.addAll(getRevisions(id));
        }
        return out;
    }

    /** {@code get_revision(id)}: at most one; {@link #NONE} for base. */
    int getRevision(String id) {
        Number num = resolveNumber(id);
        if (num.ids().size() > 1) {
            throw new RevisionError.MultipleHeads(num.ids(), id);
        }
        return revisionForIdent(num.ids().isEmpty() ? null : num.ids().get(0), num.branch());
    }

    /** {@code _resolve_branch}: a map key, else any revision the identifier names. */
    int resolveBranch(String branch) {
        int k = g.key(branch);
        if (k >= 0) {
            return k;
        }
        try {
            return revisionForIdent(branch, null);
        } catch (RevisionError.Resolution e) {
            throw new RevisionError.Resolution("No such branch: '" + branch + "'", branch);
        }
    }

    /** {@code _revision_for_ident}: exact key, else a unique prefix of a key longer than 3. */
    int revisionForIdent(String id, String checkBranch) {
        int branchRev = checkBranch == null ? NONE : resolveBranch(checkBranch);
        int rev;
        if (id == null) {
            rev = NONE;
        } else {
            rev = g.key(id);
            if (rev < 0) {
                List<String> keys = new ArrayList<>();
                for (Revision r : g.revisions) {
                    if (r.id().length() > 3 && r.id().startsWith(id)) {
                        keys.add(r.id());
                    }
                }
                for (String label : g.byLabel.keySet()) {
                    if (label.length() > 3 && label.startsWith(id)) {
                        keys.add(label);
                    }
                }
                if (checkBranch != null) {
                    List<String> kept = new ArrayList<>();
                    for (String key : keys) {
                        if (sharesLineage(g.key(key), List.of(checkBranch), false)) {
                            kept.add(key);
                        }
                    }
                    keys = kept;
                }
                if (keys.isEmpty()) {
                    throw new RevisionError.Resolution("No such revision or branch '" + id + "'"
                            + (id.length() < 4 ? "; please ensure at least four characters are present for "
                                    + "partial revision identifier matches" : ""), id);
                }
                if (keys.size() > 1) {
                    List<String> quoted = new ArrayList<>();
                    for (String key : keys.subList(0, Math.min(3, keys.size()))) {
                        quoted.add("'" + key + "'");
                    }
                    throw new RevisionError.Resolution("Multiple revisions start with '" + id + "': "
                            + String.join(", ", quoted) + "...", id, Hints.ambiguousPrefix(g, id, keys));
                }
                rev = g.key(keys.get(0));
            }
        }
        if (checkBranch != null && rev != NONE && !sharesLineage(rev, List.of(g.id(branchRev)), false)) {
            throw new RevisionError.Resolution("Revision " + g.id(rev) + " is not a member of branch '"
                    + checkBranch + "'", id);
        }
        return rev;
    }

    /** {@code filter_for_lineage}: targets related (ancestor, self, descendant) to {@code checkAgainst}. */
    List<Integer> filterForLineage(List<Integer> targets, String checkAgainst, boolean includeDeps) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Number num = resolveNumber(checkAgainst);
        List<String> shares = new ArrayList<>();
        if (num.branch() != null) {
            shares.add(num.branch());
        }
        shares.addAll(num.ids());
        List<Integer> out = new ArrayList<>();
        for (int t : targets) {
            if (sharesLineage(t, shares, includeDeps)) {
                out.add(t);
            }
        }
        return out;
    }

    boolean sharesLineage(int target, List<String> testAgainst, boolean includeDeps) {
        if (testAgainst.isEmpty()) {
            return true;
        }
        if (target < 0) {
            return false;
        }
        List<Integer> against = new ArrayList<>();
        for (String s : testAgainst) {
            against.add(revisionForIdent(s, null));
        }
        BitSet related = g.closure(target, includeDeps ? Graph.Edges.ALL_NEXTREV : Graph.Edges.NEXTREV);
        related.or(g.closure(target, includeDeps ? Graph.Edges.NORMALIZED_DOWN : Graph.Edges.VERSIONED_DOWN));
        for (int a : against) {
            if (a >= 0 && related.get(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code _walk}: {@code steps} up (children through declared parents, filtered by branch)
     * or down (declared parents; a base steps to {@link #BASE}, which has nothing below).
     * Running out gives {@link #NONE} when {@code noOverwalk}, else stops where it is.
     */
    int walk(int start, long steps, String branch, boolean noOverwalk) {
        int initial = start;
        long count = Math.abs(steps);
        for (long s = 0; s < count; s++) {
            List<Integer> children;
            if (steps > 0) {
                List<Integer> up = list(initial < 0 ? g.bases : g.nextrev[initial]);
                children = branch != null ? filterForLineage(up, branch, false) : up;
            } else if (initial == BASE) {
                children = List.of();
            } else {
                children = list(initial == NONE ? g.heads : g.versionedDown[initial]);
                if (children.isEmpty()) {
                    children = List.of(BASE);
                }
            }
            if (children.isEmpty()) {
                return noOverwalk ? NONE : initial;
            }
            if (children.size() > 1) {
                throw new RevisionError("Ambiguous walk", Hints.fork(g, initial, children, steps > 0));
            }
            initial = children.get(0);
        }
        return initial;
    }

    /**
     * {@code _parse_upgrade_target}. Where Alembic hands an over-walk ({@code None}) on and
     * crashes (AssertionError), this says {@code Relative revision ... didn't produce ...};
     * a walk ending below a base ({@code upgrade <base>-1}) is refused with a clear error.
     */
    List<Integer> parseUpgradeTarget(List<String> current, String target, boolean assertRelativeLength) {
        RelativeTarget rel = relative(target);
        if (rel == null) {
            return getRevisions(target);
        }
        List<String> cur = current.isEmpty() ? nullList() : current;
        if (rel.steps() > 0) {
            if (rel.symbol() == null) {
                List<Integer> startRevs = new ArrayList<>();
                if (rel.branch() != null) {
                    List<Integer> currentRevs = getRevisions(cur);
                    startRevs = filterForLineage(currentRevs, rel.branch(), false);
                    if (startRevs.isEmpty()) {
                        BitSet anc = g.closure(currentRevs, Graph.Edges.NORMALIZED_DOWN);
                        List<Integer> active = filterForLineage(g.revs(anc).stream()
                                .map(r -> g.byId.get(r.id())).toList(), rel.branch(), false);
                        BitSet tips = new BitSet();
                        active.forEach(tips::set);
                        for (int a : active) {
                            for (int d : g.normalizedDown[a]) {
                                tips.clear(d);
                            }
                        }
                        startRevs = tips.stream().boxed().toList();
                        if (startRevs.isEmpty()) {
                            startRevs = List.of(NONE);
                        }
                    }
                } else {
                    for (String c : cur) {
                        startRevs.add(c == null ? NONE : getRevision(c));
                    }
                }
                if (startRevs.size() > 1) {
                    throw new RevisionError("Ambiguous upgrade from multiple current revisions", rel.branch() != null ? null
                            : Hints.upgradeFromSeveral(g, this, current, startRevs, rel.steps()));
                }
                int rev;
                try {
                    rev = walk(startRevs.get(0), rel.steps(), rel.branch(), assertRelativeLength);
                } catch (RevisionError e) {
                    if (!e.getMessage().equals("Ambiguous walk") || rel.branch() != null) {
                        throw e;
                    }
                    throw new RevisionError(e.getMessage(), Hints.upgradeWalk(this, current, e.hint, rel.steps()));
                }
                if (rev == NONE) {
                    throw new RevisionError(rel.didNotProduce());
                }
                return List.of(rev);
            }
            int rev = walk(getRevision(rel.symbol()), rel.steps(), rel.branch(), assertRelativeLength);
            return walkedTarget(rev, rel);
        }
        if (rel.symbol() == null) {
            // Alembic formats the parsed integer here, not the text as typed
            throw new RevisionError(rel.didNotProduceParsed());
        }
        int start = rel.branch() == null ? getRevision(rel.symbol()) : getRevision(rel.branch() + "@" + rel.symbol());
        return walkedTarget(walk(start, rel.steps(), null, assertRelativeLength), rel);
    }

    private List<Integer> walkedTarget(int rev, RelativeTarget rel) {
        if (rev == NONE) {
            throw new RevisionError(rel.didNotProduce());
        }
        if (rev == BASE) {
            // Alembic: AssertionError. The walk went below a base, which is no upgrade target.
            throw new RevisionError("Relative revision " + (rel.branch() == null ? "" : rel.branch() + "@")
                    + (rel.symbol() == null ? "" : rel.symbol()) + rel.text() + " walks below a base revision; "
                    + "to remove everything use 'downgrade base'");
        }
        return List.of(rev);
    }

    /** {@code (branch, target)} of a downgrade target; target may be {@link #NONE} or {@link #BASE}. */
    record DowngradeTarget(String branch, int target) {}

    /**
     * {@code _parse_downgrade_target}. {@code br@-N} when the branch has no single current
     * head is an AssertionError crash in Alembic; here it is a clear error.
     */
    DowngradeTarget parseDowngradeTarget(List<String> current, String target, boolean assertRelativeLength,
            Consumer<String> warnings) {
        if (target == null) {
            return new DowngradeTarget(null, NONE);
        }
        RelativeTarget rel = relative(target);
        if (rel != null) {
            String branch = rel.branch();
            if (rel.steps() >= 0) {
                if (rel.symbol() == null) {
                    throw new RevisionError(rel.didNotProduce());
                }
                int rev = walk(getRevision(rel.symbol()), rel.steps(), branch, assertRelativeLength);
                if (rev == NONE) {
                    throw new RevisionError("Walked too far");
                }
                return new DowngradeTarget(branch, rev);
            }
            boolean relativeToCurrent = rel.symbol() == null;
            String symbol = rel.symbol();
            if (relativeToCurrent) {
                if (branch != null) {
                    List<Integer> currentRevs = new ArrayList<>();
                    for (String c : current) {
                        currentRevs.add(revisionForIdent(c, null));
                    }
                    List<String> symbols = ids(filterForLineage(currentRevs, branch, false));
                    if (symbols.isEmpty()) {
                        List<Integer> all = filterForLineage(allCurrent(current), branch, false);
                        symbols = ids(all);
                    }
                    if (symbols.isEmpty()) {
                        throw new RevisionError(rel.didNotProduce());
                    }
                    if (symbols.size() > 1) {
                        throw new RevisionError("Ambiguous downgrade from multiple current revisions on branch '"
                                + branch + "': " + String.join(", ", symbols));
                    }
                    symbol = symbols.get(0);
                } else {
                    if (current.isEmpty()) {
                        throw new RevisionError(rel.didNotProduce());
                    }
                    if (new LinkedHashSet<>(current).size() > 1) {
                        warnings.accept("downgrade -1 from multiple heads is ambiguous; this usage will be "
                                + "disallowed in a future release.");
                    }
                    symbol = current.get(0);
                    branch = symbol;
                }
            }
            int start = branch == null ? getRevision(symbol) : getRevision(branch + "@" + symbol);
            int rev = walk(start, rel.steps(), null, assertRelativeLength);
            if (rev == NONE) {
                throw new RevisionError(relativeToCurrent ? rel.didNotProduce() : "Walked too far");
            }
            return new DowngradeTarget(branch, rev);
        }
        int at = target.lastIndexOf('@');
        String branch = at > 0 ? target.substring(0, at) : null;
        return new DowngradeTarget(branch, getRevision(target.substring(at + 1)));
    }

    /** {@code _get_all_current}: rows plus all they imply, minus those with a selected descendant. */
    List<Integer> allCurrent(List<String> rows) {
        List<Integer> top = new ArrayList<>();
        for (int r : getRevisions(rows)) {
            if (r >= 0) {
                top.add(r);
            }
        }
        BitSet all = g.closure(top, Graph.Edges.NORMALIZED_DOWN);
        List<Integer> out = new ArrayList<>();
        for (int r = all.nextSetBit(0); r >= 0; r = all.nextSetBit(r + 1)) {
            boolean hasChild = false;
            for (int c : g.nextrev[r]) {
                hasChild |= all.get(c);
            }
            if (!hasChild) {
                out.add(r);
            }
        }
        return out;
    }

    static List<Integer> list(int[] xs) {
        List<Integer> out = new ArrayList<>(xs.length);
        for (int x : xs) {
            out.add(x);
        }
        return out;
    }

    private static List<String> nullList() {
        List<String> l = new ArrayList<>(1);
        l.add(null);
        return l;
    }

    List<String> ids(List<Integer> revs) {
        List<String> out = new ArrayList<>(revs.size());
        for (int r : revs) {
            out.add(g.id(r));
        }
        return out;
    }
}
