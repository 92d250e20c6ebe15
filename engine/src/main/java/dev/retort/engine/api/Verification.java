package dev.retort.engine.api;

import java.util.List;

/**
 * What {@code verify} finds: applied scripts that changed since they ran, and steps an earlier
 * run left partly applied. A database is verified when both are empty.
 */
public record Verification(List<ChangedScript> changed, List<PartialStep> partial) {
    public Verification {
        changed = List.copyOf(changed);
        partial = List.copyOf(partial);
    }

    public boolean ok() {
        return changed.isEmpty() && partial.isEmpty();
    }
}
