package dev.retort.shell.json;

/**
 * {@code revision --autogenerate --json}: the revision written (null with {@code --sql}, or
 * when the schema has no changes) and the candidate sections (null when there are no changes).
 */
public record AutogenerateView(RevisionView revision, Candidate candidate) implements JsonView {

    /** The upgrade and downgrade sections, marked for {@code dialect}. */
    public record Candidate(String dialect, String upgrade, String downgrade) {}
}
