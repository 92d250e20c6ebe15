package dev.retort.shell.json;

import java.util.List;

/** {@code diff}: the dialect the statements are for and the changes in the order they run (empty: the schemas match). */
public record DiffView(String dialect, List<SchemaChangeView> changes) implements JsonView {}
