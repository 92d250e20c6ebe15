package dev.retort.engine.revision;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The revision graph with Alembic's semantics (reference §5–§9): built once from the
 * revisions in load order, immutable and thread-safe afterwards.
 *
 * <p>PUBLIC CONTRACT (the CLI, planner, shell and panel code against these signatures;
 * internals may be organised in other package-private classes). Errors are
 * {@link dev.retort.engine.RetortException}s whose message is the text the CLI prints after
 * {@code FAILED: } (Alembic's CLI-level text, reference §6.5).
 */
public final class RevisionMap {

    /**
     * Builds the map. Throws for self-loops, dependency self-loops, duplicate ids (naming the
     * two files), unknown down revisions or dependencies, branch-label clashes, cycles and
     * dependency cycles, with Alembic's texts (reference §5.2).
     */
    public static RevisionMap of(List<Revision> revisionsInLoadOrder) {
        throw new UnsupportedOperationException("RevisionMap.of");
    }

    /** All revisions in load (map) order. */
    public List<Revision> revisions() { throw new UnsupportedOperationException(); }

    /** The revision with exactly this id. */
    public Optional<Revision> get(String id) { throw new UnsupportedOperationException(); }

    /** Versioned heads (no child through down_revision), map order: what {@code heads} prints. */
    public List<Revision> heads() { throw new UnsupportedOperationException(); }

    /** Real heads (nothing revises or depends on them), map order: the symbol {@code heads}. */
    public List<Revision> realHeads() { throw new UnsupportedOperationException(); }

    public List<Revision> bases() { throw new UnsupportedOperationException(); }

    public List<Revision> realBases() { throw new UnsupportedOperationException(); }

    /** Children through down_revision (nextrev), map order. */
    public List<Revision> children(Revision r) { throw new UnsupportedOperationException(); }

    /** Declared dependencies resolved to revisions (labels to the declaring revision). */
    public List<Revision> dependencies(Revision r) { throw new UnsupportedOperationException(); }

    /** Normalised down revisions (reference §5.1): what traversal and the version table use. */
    public List<String> normalizedDown(Revision r) { throw new UnsupportedOperationException(); }

    /** Effective branch labels after propagation (§5.4), sorted for stable display. */
    public Set<String> branchLabels(Revision r) { throw new UnsupportedOperationException(); }

    public boolean isHead(Revision r) { throw new UnsupportedOperationException(); }

    public boolean isRealHead(Revision r) { throw new UnsupportedOperationException(); }

    public boolean isBranchPoint(Revision r) { throw new UnsupportedOperationException(); }

    public boolean isMergePoint(Revision r) { throw new UnsupportedOperationException(); }

    /**
     * Alembic's {@code get_revisions(id)}: {@code heads}, {@code head}, {@code base} (empty),
     * full or partial ids, labels, {@code label@head}, {@code label@heads}, {@code X@rev},
     * relative forms. CLI-level error texts.
     */
    public List<Revision> resolve(String identifier) { throw new UnsupportedOperationException(); }

    /** Alembic's {@code get_revision(id)}: at most one revision; empty for {@code base}. */
    public Optional<Revision> resolveOne(String identifier) { throw new UnsupportedOperationException(); }

    /**
     * Steps of {@code upgrade destination} from the database's current heads (in the order the
     * database stores them), in execution order (reference §7.2, implicit base). Range errors
     * say {@code Destination X is not a valid upgrade target from current head(s)}.
     */
    public List<Step> upgradeSteps(String destination, List<String> currentHeads) {
        throw new UnsupportedOperationException();
    }

    /** Steps of {@code downgrade destination}, execution order (reference §7.3). */
    public List<Step> downgradeSteps(String destination, List<String> currentHeads) {
        throw new UnsupportedOperationException();
    }

    /** Steps of {@code stamp destinations...} (reference §9); purge is the caller's business. */
    public List<Step> stampSteps(List<String> destinations, List<String> currentHeads) {
        throw new UnsupportedOperationException();
    }

    /**
     * {@code history -r base:head}: Alembic's {@code walk_revisions} (inclusive, no implicit
     * base), newest first. {@code base}/{@code head} are as typed (may be relative, a label,
     * {@code heads}); the caller has replaced {@code current} already.
     */
    public List<Revision> walk(String base, String head) { throw new UnsupportedOperationException(); }

    /**
     * The database's current branch heads for {@code current}: the rows plus every revision they
     * imply, keeping those with no selected descendant (reference §8.4).
     */
    public List<Revision> currentBranchHeads(List<String> databaseRows) {
        throw new UnsupportedOperationException();
    }
}
