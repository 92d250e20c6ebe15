package dev.retort.shell.json;

import java.util.List;

/**
 * {@code current}: the database's version rows and the revisions they denote.
 *
 * @param database    the database, password masked ({@code sqlite:///path} for a SQLite file)
 * @param versionRows the version table's rows in storage order (empty: nothing applied)
 * @param current     the current branch heads, as revisions (each with {@code current: true})
 */
public record CurrentView(String database, List<String> versionRows, List<RevisionView> current) implements JsonView {}
