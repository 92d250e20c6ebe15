package dev.retort.engine.plan;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import dev.retort.engine.script.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made revisions, scripts and a version tracker for linear histories. */
final class Fixtures {

    private Fixtures() {}

    static Revision rev(String id, String... down) {
        return new Revision(id, List.of(down), List.of(), List.of(), "", Path.of("/env/versions/" + id + "_x.sql"));
    }

    static Step.Migration up(Revision r) {
        return new Step.Migration(r, true, r.downRevisions());
    }

    static Step.Migration down(Revision r) {
        return new Step.Migration(r, false, r.downRevisions());
    }

    /** Scripts keyed by revision id; a missing key means no such section. */
    static final class Scripts implements SectionSource {
        final Map<String, Section> upgrades = new HashMap<>();
        final Map<String, Section> downgrades = new HashMap<>();
        final List<String> dialectsAsked = new ArrayList<>();

        Scripts up(String id, String sql, int firstLine) {
            upgrades.put(id, new Section(true, null, sql, firstLine, false));
            return this;
        }

        Scripts upNoTransaction(String id, String sql, int firstLine) {
            upgrades.put(id, new Section(true, null, sql, firstLine, true));
            return this;
        }

        Scripts down(String id, String sql, int firstLine) {
            downgrades.put(id, new Section(false, null, sql, firstLine, false));
            return this;
        }

        @Override
        public Optional<Section> section(Revision revision, boolean upgrade, String dialect) {
            dialectsAsked.add(dialect);
            return Optional.ofNullable((upgrade ? upgrades : downgrades).get(revision.id()));
        }
    }

    /**
     * Version rows for linear histories: an upgrade from nothing (or from rows not present)
     * inserts, one to nothing deletes, otherwise the single row is updated. Records each step.
     */
    static final class LinearTracker implements VersionTracker {
        final List<String> rows;
        final List<Step> applied = new ArrayList<>();

        LinearTracker(String... start) {
            rows = new ArrayList<>(List.of(start));
        }

        @Override
        public List<VersionChange> apply(Step step) {
            applied.add(step);
            List<String> from = step.from().stream().filter(rows::contains).toList();
            List<String> to = step.to();
            if (from.isEmpty()) {
                rows.add(to.get(0));
                return List.of(new VersionChange.Insert(to.get(0)));
            }
            if (to.isEmpty()) {
                rows.remove(from.get(0));
                return List.of(new VersionChange.Delete(from.get(0)));
            }
            rows.set(rows.indexOf(from.get(0)), to.get(0));
            return List.of(new VersionChange.Update(from.get(0), to.get(0)));
        }

        @Override
        public List<String> heads() {
            return List.copyOf(rows);
        }
    }
}
