package dev.retort.shell.json;

import java.util.List;

/** {@code heads}, {@code history} and {@code show}: revisions in the order the text output lists them. */
public record RevisionsView(List<RevisionView> revisions) implements JsonView {}
