package dev.retort.engine.revision;

import dev.retort.engine.RetortException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The revision graph with Alembic's semantics (reference §5–§9): built once from the
 * revisions in load order, immutable and thread-safe afterwards.
 *
 * <p>PUBLIC CONTRACT (the CLI, planner, shell and panel code against these signatures;
 * internals are organised in package-private classes: {@link GraphBuilder} builds the
 * indexed {@link Graph}, {@link Resolver} reads identifiers, {@link Traversal} orders,
 * {@link StepPlanner} makes steps, {@link ErrorTexts} words errors). Errors are
 * {@link dev.retort.engine.RetortException}s whose message is the text the CLI prints after
 * {@code FAILED: } (Alembic's CLI-level text, reference §6.5).
 *
 * <p>Warnings (Alembic's Python warnings, e.g. {@code downgrade -1 from multiple heads is
 * ambiguous; ...}) go to the {@code Consumer<String>} of the overloads that take one; the
 * CLI prints them to stderr. The overloads without one drop them.
 */
public final class RevisionMap {

    private final Graph g;
    private final Resolver resolver;
    private final Traversal traversal;
    private final StepPlanner planner;

    private RevisionMap(Graph g) {
        this.g = g;
        this.resolver = new Resolver(g);
        this.traversal = new Traversal(g, resolver);
        this.planner = new StepPlanner(g, resolver, traversal);
    }

    /**
     * Builds the map. Throws for self-loops, dependency self-loops, duplicate ids (naming the
     * two files), unknown down revisions or dependencies, branch-label clashes, cycles and
     * dependency cycles, with Alembic's texts (reference §5.2).
     */
    public static RevisionMap of(List<Revision> revisionsInLoadOrder) {
        return new RevisionMap(GraphBuilder.build(revisionsInLoadOrder));
    }

    Graph graph() {
        return g;
    }

    private int index(Revision r) {
        Integer i = g.byId.get(r.id());
        if (i == null) {
            throw new IllegalArgumentException("Revision " + r.id() + " is not in this map");
        }
        return i;
    }

    /** All revisions in load (map) order. */
    public List<Revision> revisions() {
        return g.revisions;
    }

    /** The revision with exactly this id. */
    public Optional<Revision> get(String id) {
        Integer i = g.byId.get(id);
        return i == null ? Optional.empty() : Optional.of(g.revisions.get(i));
    }

    /** Versioned heads (no child through down_revision), map order: what {@code heads} prints. */
    public List<Revision> heads() {
        return g.revs(g.heads);
    }

    /** Real heads (nothing revises or depends on them), map order: the symbol {@code heads}. */
    public List<Revision> realHeads() {
        return g.revs(g.realHeads);
    }

    /** Revisions without a down revision, map order. */
    public List<Revision> bases() {
        return g.revs(g.bases);
    }

    /** Bases that declare no dependency either, map order. */
    public List<Revision> realBases() {
        return g.revs(g.realBases);
    }

    /** Children through down_revision (nextrev), map order. */
    public List<Revision> children(Revision r) {
        return g.revs(g.nextrev[index(r)]);
    }

    /** Children through down_revision or depends_on (Alembic's {@code _all_nextrev}), map order. */
    public List<Revision> allChildren(Revision r) {
        return g.revs(g.allNextrev[index(r)]);
    }

    /** Declared dependencies resolved to revisions (labels to the declaring revision). */
    public List<Revision> dependencies(Revision r) {
        return g.revs(g.resolvedDeps[index(r)]);
    }

    /** Resolved dependencies not already declared by an ancestor (reference §5.1). */
    public List<Revision> normalizedDependencies(Revision r) {
        return g.revs(g.normalizedDeps[index(r)]);
    }

    /** Normalised down revisions (reference §5.1): what traversal and the version table use. */
    public List<String> normalizedDown(Revision r) {
        return g.ids(g.normalizedDown[index(r)]);
    }

    /** Effective branch labels after propagation (§5.4), sorted for stable display. */
    public Set<String> branchLabels(Revision r) {
        return Collections.unmodifiableSet(new TreeSet<>(g.labels.get(index(r))));
    }

    public boolean isHead(Revision r) {
        return g.nextrev[index(r)].length == 0;
    }

    public boolean isRealHead(Revision r) {
        return g.allNextrev[index(r)].length == 0;
    }

    public boolean isBase(Revision r) {
        return g.versionedDown[index(r)].length == 0;
    }

    public boolean isRealBase(Revision r) {
        return isBase(r) && r.dependsOn().isEmpty();
    }

    public boolean isBranchPoint(Revision r) {
        return g.nextrev[index(r)].length > 1;
    }

    /** More than one child through down_revision or depends_on. */
    public boolean isRealBranchPoint(Revision r) {
        return g.allNextrev[index(r)].length > 1;
    }

    public boolean isMergePoint(Revision r) {
        return g.versionedDown[index(r)].length > 1;
    }

    /**
     * Alembic's {@code get_revisions(id)}: {@code heads}, {@code head}, {@code base} (empty),
     * full or partial ids, labels, {@code label@head}, {@code label@heads}, {@code X@rev},
     * relative forms. CLI-level error texts.
     */
    public List<Revision> resolve(String identifier) {
        try {
            return revs(resolver.getRevisions(identifier));
        } catch (RevisionError e) {
            throw ErrorTexts.DEFAULT.translate(e);
        }
    }

    /** Alembic's {@code get_revision(id)}: at most one revision; empty for {@code base}. */
    public Optional<Revision> resolveOne(String identifier) {
        try {
            int r = resolver.getRevision(identifier);
            return r < 0 ? Optional.empty() : Optional.of(g.revisions.get(r));
        } catch (RevisionError e) {
            throw ErrorTexts.DEFAULT.translate(e);
        }
    }

    /**
     * {@link #resolveOne} for commands that need a revision: exactly one, else
     * {@link dev.retort.engine.RevisionNotFound} ({@code base} names none).
     */
    public Revision require(String identifier) {
        return resolveOne(identifier).orElseThrow(() -> new dev.retort.engine.RevisionNotFound(
                dev.retort.engine.RevisionNotFound.message(identifier), identifier, null));
    }

    /**
     * The version-table rows an offline run starts from, for the {@code start} of
     * {@code start:end} (Alembic's MigrationContext: {@code base} is none, otherwise
     * {@code get_revision(start)}); a start resolving to nothing ({@code br@base}, or
     * {@code heads} of an empty map, where Alembic crashes) is an error.
     */
    public List<String> startingHeads(String start) {
        if (start == null || start.isEmpty() || "base".equals(start)) {
            return List.of();
        }
        Optional<Revision> r = resolveOne(start);
        if (r.isEmpty()) {
            // Alembic: None.revision -> AttributeError
            throw new RetortException("Starting revision '" + start + "' names no revision; use 'base' to start "
                    + "from an empty database");
        }
        return List.of(r.get().id());
    }

    /**
     * Steps of {@code upgrade destination} from the database's current heads (in the order the
     * database stores them), in execution order (reference §7.2, implicit base). Range errors
     * say {@code Destination X is not a valid upgrade target from current head(s)}.
     */
    public List<Step> upgradeSteps(String destination, List<String> currentHeads) {
        return upgradeSteps(destination, currentHeads, w -> { });
    }

    /** As {@link #upgradeSteps(String, List)}, reporting warnings to {@code warnings}. */
    public List<Step> upgradeSteps(String destination, List<String> currentHeads, Consumer<String> warnings) {
        try {
            return planner.upgrade(destination, currentHeads);
        } catch (RevisionError e) {
            throw ErrorTexts.upgrade(destination).translate(e);
        }
    }

    /** Steps of {@code downgrade destination}, execution order (reference §7.3). */
    public List<Step> downgradeSteps(String destination, List<String> currentHeads) {
        return downgradeSteps(destination, currentHeads, w -> { });
    }

    /**
     * As {@link #downgradeSteps(String, List)}, reporting warnings (e.g. {@code downgrade -1
     * from multiple heads is ambiguous; this usage will be disallowed in a future release.})
     * to {@code warnings} before returning.
     */
    public List<Step> downgradeSteps(String destination, List<String> currentHeads, Consumer<String> warnings) {
        try {
            return planner.downgrade(destination, currentHeads, warnings);
        } catch (RevisionError e) {
            throw ErrorTexts.downgrade(destination).translate(e);
        }
    }

    /** Steps of {@code stamp destinations...} (reference §9); purge is the caller's business. */
    public List<Step> stampSteps(List<String> destinations, List<String> currentHeads) {
        try {
            return planner.stamp(destinations, currentHeads);
        } catch (RevisionError e) {
            throw ErrorTexts.stamp().translate(e);
        }
    }

    /**
     * {@code history -r base:head}: Alembic's {@code walk_revisions} (inclusive, no implicit
     * base), newest first. {@code base}/{@code head} are as typed (may be relative, a label,
     * {@code heads}); the caller has replaced {@code current} already. Null or empty means
     * {@code base} / {@code heads}.
     */
    public List<Revision> walk(String base, String head) {
        String lower = base == null || base.isEmpty() ? "base" : base;
        String upper = head == null || head.isEmpty() ? "heads" : head;
        return walk(Traversal.Spec.of(lower), Traversal.Spec.of(upper), lower, upper);
    }

    /**
     * {@code walk} where either end is {@code current}, already replaced by the database rows:
     * a list stands for the tuple of ids, a single-element list for that one id.
     */
    public List<Revision> walk(List<String> base, List<String> head) {
        Traversal.Spec lower = Traversal.Spec.of(base);
        Traversal.Spec upper = Traversal.Spec.of(head);
        return walk(lower, upper, String.valueOf(lower.display()), String.valueOf(upper.display()));
    }

    private List<Revision> walk(Traversal.Spec lower, Traversal.Spec upper, String start, String end) {
        try {
            return revs(traversal.iterateUpgrade(upper, lower, true, false, false));
        } catch (RevisionError e) {
            throw ErrorTexts.range(start, end).translate(e);
        }
    }

    /**
     * The database's current branch heads for {@code current}: the rows plus every revision they
     * imply, keeping those with no selected descendant (reference §8.4), in map order.
     */
    public List<Revision> currentBranchHeads(List<String> databaseRows) {
        try {
            return revs(resolver.allCurrent(databaseRows));
        } catch (RevisionError e) {
            throw ErrorTexts.DEFAULT.translate(e);
        }
    }

    private List<Revision> revs(List<Integer> indexes) {
        List<Revision> out = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            if (i >= 0) {
                out.add(g.revisions.get(i));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
