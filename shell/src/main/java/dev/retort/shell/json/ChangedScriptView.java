package dev.retort.shell.json;

import dev.retort.engine.api.ChangedScript;
import java.util.List;

/**
 * An applied revision whose script changed since it ran ({@code status}, {@code verify}).
 *
 * @param currentChecksum null when the script is gone
 * @param appliedAt       ISO-8601 instant, or null when unknown
 */
public record ChangedScriptView(String revision, String appliedChecksum, String currentChecksum, boolean missing,
        String appliedAt) {

    public static List<ChangedScriptView> of(List<ChangedScript> changed) {
        return changed.stream().map(c -> new ChangedScriptView(c.revision(), c.appliedChecksum(), c.currentChecksum(),
                c.missing(), c.appliedAt() == null ? null : c.appliedAt().toString())).toList();
    }
}
