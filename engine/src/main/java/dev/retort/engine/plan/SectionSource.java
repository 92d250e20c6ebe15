package dev.retort.engine.plan;

import dev.retort.engine.revision.Revision;
import dev.retort.engine.script.Section;
import java.util.Optional;

/**
 * Where the planner finds a revision's script section: in the application,
 * {@code ScriptDirectory.body(r).upgrade(dialect)} / {@code .downgrade(dialect)}; in tests, a map.
 */
@FunctionalInterface
public interface SectionSource {

    /**
     * The section {@code dialect} runs for {@code revision} in that direction (its own section
     * where one exists, else the unqualified one), or empty when the script has none.
     */
    Optional<Section> section(Revision revision, boolean upgrade, String dialect);
}
