package dev.retort.shell.json;

import java.util.List;

/** {@code check}: whether the database matches the desired schema, and the operations a new revision would need. */
public record CheckView(boolean upToDate, List<SchemaChangeView> changes) implements JsonView {}
