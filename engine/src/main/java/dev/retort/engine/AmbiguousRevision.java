package dev.retort.engine;

import java.util.List;

/**
 * An identifier that must mean one revision means several: a prefix several ids start with,
 * {@code head} with several heads, an ambiguous relative walk. The message is Alembic's;
 * {@link #candidates()} lists the revisions it could mean, where known (empty otherwise).
 */
public final class AmbiguousRevision extends RevisionNotFound {
    private static final long serialVersionUID = 1L;
    private final List<String> candidates;

    public AmbiguousRevision(String message, String identifier, List<String> candidates, Throwable cause) {
        super(message, identifier, cause);
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }
}
