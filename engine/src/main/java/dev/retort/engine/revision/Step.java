package dev.retort.engine.revision;

import java.util.List;

/**
 * One step of a run, in execution order: a migration (run a revision's upgrade or downgrade
 * section) or a stamp (move the version table without running anything). Steps come from
 * {@link RevisionMap#upgradeSteps}, {@link RevisionMap#downgradeSteps} and
 * {@link RevisionMap#stampSteps}; {@link HeadMaintainer} turns each into version-table changes.
 */
public sealed interface Step permits Step.Migration, Step.Stamp {

    boolean upgrade();

    /** Revision ids the version table moves from (normalised, dependencies included). */
    List<String> from();

    /** Revision ids the version table moves to. */
    List<String> to();

    /**
     * Alembic's short log text, after {@code Running }: {@code upgrade a, b -> m},
     * {@code downgrade m -> a, b}, {@code stamp_revision a -> b}. Ids are the declared down
     * revisions (dependencies left out); empty for a base, hence {@code upgrade  -> abc}.
     */
    String describe();

    /**
     * Run {@code revision}'s upgrade or downgrade.
     *
     * @param normalizedDown the revision's normalised down revisions (declared parents plus
     *                       dependencies not already implied by an ancestor)
     */
    record Migration(Revision revision, boolean upgrade, List<String> normalizedDown) implements Step {
        public Migration {
            normalizedDown = List.copyOf(normalizedDown);
        }

        @Override
        public List<String> from() {
            return upgrade ? normalizedDown : List.of(revision.id());
        }

        @Override
        public List<String> to() {
            return upgrade ? List.of(revision.id()) : normalizedDown;
        }

        @Override
        public String describe() {
            String down = String.join(", ", revision.downRevisions());
            return upgrade
                    ? "upgrade " + down + " -> " + revision.id()
                    : "downgrade " + revision.id() + " -> " + down;
        }
    }

    /**
     * Move the version table from {@code from} to {@code to} without running scripts.
     *
     * @param branchMove true when the stamp moves within one branch (UPDATE) rather than
     *                   creating or deleting a branch row; see reference §9
     */
    record Stamp(List<String> from, List<String> to, boolean upgrade, boolean branchMove) implements Step {
        public Stamp {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }

        @Override
        public String describe() {
            return "stamp_revision " + String.join(", ", from) + " -> " + String.join(", ", to);
        }
    }
}
