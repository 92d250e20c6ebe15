package dev.retort.engine.revision;

import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the set of version-table rows while steps run, and says which INSERT, UPDATE and
 * DELETE each step makes (reference §8.2, §9). Not thread-safe: one per run.
 *
 * <p>Rows keep storage order: an UPDATE keeps the row's place, an INSERT appends. Where
 * Alembic picks rows from a Python set (which parent of a merge is UPDATEd, which parents of
 * an unmerge are INSERTed), Retort iterates the same set as CPython does with hash
 * randomisation off ({@link PythonSet}), so the rows land in Alembic's storage order too
 * ({@code show current} lists them so; {@code downgrade -1} from several heads starts at the
 * first).
 *
 * <p>Where Alembic crashes on an internal inconsistency (a KeyError), Retort says what is wrong
 * instead: a merge whose parents imply one another through depends_on (recorded case seed_008)
 * is refused while planning, before anything runs. Touching a row that is not there at all is
 * reported as Alembic's online check does: {@code Online migration expected to match one row
 * ...; 0 found}.
 */
public final class HeadMaintainer {

    private final Graph g;
    private final String versionTable;
    private final List<String> rows;

    /** @param heads the version table's rows, in storage order */
    public HeadMaintainer(RevisionMap map, List<String> heads) {
        this(map, heads, "alembic_version");
    }

    /**
     * @param heads        the version table's rows, in storage order
     * @param versionTable the table's name, for error messages
     */
    public HeadMaintainer(RevisionMap map, List<String> heads, String versionTable) {
        this.g = map.graph();
        this.versionTable = versionTable;
        this.rows = new ArrayList<>(heads);
    }

    /** Applies one step and returns its version-table changes, in the order they run. */
    public List<VersionChange> apply(Step step) {
        List<VersionChange> out = new ArrayList<>(2);
        if (step instanceof Step.Migration m) {
            applyMigration(m, out);
        } else if (step instanceof Step.Stamp s) {
            applyStamp(s, out);
        }
        return Collections.unmodifiableList(out);
    }

    /** The rows now, in storage order (an UPDATE keeps a row's place, an INSERT appends). */
    public List<String> heads() {
        return List.copyOf(rows);
    }

    private void applyMigration(Step.Migration m, List<VersionChange> out) {
        String rev = m.revision().id();
        List<String> down = m.normalizedDown();
        boolean up = m.upgrade();
        List<String> present = presentOf(down);
        if (!up && rows.contains(rev) && (down.isEmpty() || unmergeTargets(rev, down).isEmpty())) {
            delete(rev, out);
        } else if (up && present.isEmpty()) {
            insert(rev, out);
        } else if (up && down.size() > 1 && present.size() > 1) {
            List<String> from = new ArrayList<>(down);
            List<String> others = new ArrayList<>(rows);
            others.removeAll(down);
            if (!others.isEmpty()) {
                // list(set(from_revisions).difference(ancestors)): Python's set order decides
                // which parent's row is UPDATEd (the last) and which are DELETEd
                BitSet anc = g.closure(indexes(others), Graph.Edges.NORMALIZED_DOWN);
                from = PythonSet.of(down).difference(anc.cardinality(), f -> anc.get(g.byId.get(f)));
            }
            List<String> missing = new ArrayList<>(from);
            missing.removeAll(rows);
            if (!missing.isEmpty()) {
                // Alembic: KeyError (recorded case seed_008). Its rule would delete rows that
                // are not there, because some parents of the merge already imply others.
                throw new RetortException("Can't apply merge " + rev + ": its parents " + String.join(", ", down)
                        + " imply one another through depends_on, so the version rows "
                        + String.join(", ", missing) + " it would replace are not stored; "
                        + "remove the implied parent(s) from the merge's 'Revises:' line");
            }
            for (String f : from.subList(0, from.size() - 1)) {
                delete(f, out);
            }
            update(from.get(from.size() - 1), rev, out);
        } else if (!up && rows.contains(rev) && down.size() > 1) {
            List<String> targets = unmergeTargets(rev, down);
            for (String t : targets.subList(0, targets.size() - 1)) {
                insert(t, out);
            }
            update(rev, targets.get(targets.size() - 1), out);
        } else if (up) {
            update(down.size() == 1 ? down.get(0) : present.get(0), rev, out);
        } else if (rows.contains(rev)) {
            update(rev, down.get(0), out);
        } else {
            // Alembic: KeyError. The revision is implied by another row rather than stored;
            // its parents get rows unless the remaining rows still imply them.
            BitSet anc = g.closure(indexes(rows), Graph.Edges.NORMALIZED_DOWN);
            for (String d : down) {
                if (!anc.get(g.byId.get(d))) {
                    insert(d, out);
                }
            }
        }
    }

    /** {@code _unmerge_to_revisions}: the parents that no other row already implies. */
    private List<String> unmergeTargets(String rev, List<String> down) {
        List<String> others = new ArrayList<>(rows);
        others.remove(rev);
        BitSet anc;
        if (!others.isEmpty()) {
            anc = g.closure(indexes(others), Graph.Edges.NORMALIZED_DOWN);
        } else {
            anc = new BitSet();
            for (String t : down) {
                int ti = g.byId.get(t);
                BitSet a = (BitSet) g.ancestorsInclDepsView(ti).clone();
                a.clear(ti);
                anc.or(a);
            }
        }
        // tuple(set(to_revisions).difference(ancestors)): in Python's set order
        BitSet implied = anc;
        return PythonSet.of(down).difference(anc.cardinality(), t -> implied.get(g.byId.get(t)));
    }

    private void applyStamp(Step.Stamp s, List<VersionChange> out) {
        List<String> from = s.from();
        List<String> to = s.to();
        boolean up = s.upgrade();
        if (!up && s.branchMove()) {
            for (String f : from) {
                delete(f, out);
            }
        } else if (up && (s.branchMove() || !rows.containsAll(from)) && !rows.containsAll(to)) {
            for (String t : to) {
                insert(t, out);
            }
        } else if (from.size() > 1) {
            List<String> present = presentOf(from);
            if (present.isEmpty()) {
                to.forEach(t -> insert(t, out));
                return;
            }
            for (String f : present.subList(0, present.size() - 1)) {
                delete(f, out);
            }
            update(present.get(present.size() - 1), to.get(0), out);
        } else if (to.size() > 1) {
            for (String t : to.subList(0, to.size() - 1)) {
                insert(t, out);
            }
            update(from.get(0), to.get(to.size() - 1), out);
        } else if (from.isEmpty() || !rows.contains(from.get(0))) {
            // Alembic: KeyError (a row an earlier destination of the same stamp already moved)
            to.forEach(t -> insert(t, out));
        } else if (!to.isEmpty()) {
            update(from.get(0), to.get(0), out);
        }
    }

    private List<String> presentOf(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (rows.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private List<Integer> indexes(List<String> ids) {
        List<Integer> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Integer i = g.byId.get(id);
            if (i == null) {
                throw new dev.retort.engine.RevisionNotFound(dev.retort.engine.RevisionNotFound.message(id), id, null);
            }
            out.add(i);
        }
        return out;
    }

    private void insert(String rev, List<VersionChange> out) {
        if (rows.contains(rev)) {
            return; // Alembic asserts; the row is already there
        }
        rows.add(rev);
        out.add(new VersionChange.Insert(rev));
    }

    private void delete(String rev, List<VersionChange> out) {
        if (!rows.remove(rev)) {
            throw new RetortException("Online migration expected to match one row when deleting '" + rev
                    + "' in '" + versionTable + "'; 0 found");
        }
        out.add(new VersionChange.Delete(rev));
    }

    private void update(String from, String to, List<VersionChange> out) {
        int at = rows.indexOf(from);
        if (at < 0) {
            throw new RetortException("Online migration expected to match one row when updating '" + from
                    + "' to '" + to + "' in '" + versionTable + "'; 0 found");
        }
        if (rows.contains(to)) {
            delete(from, out); // Alembic asserts; the destination row already exists
            return;
        }
        rows.set(at, to);
        out.add(new VersionChange.Update(from, to));
    }
}
