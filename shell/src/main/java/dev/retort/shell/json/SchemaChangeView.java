package dev.retort.shell.json;

import dev.retort.engine.schema.Change;
import java.util.List;

/** One operation of a schema diff: Alembic's operation name, the object, whether it may lose data, its statements. */
public record SchemaChangeView(String op, String object, boolean destructive, List<String> statements) {
    public static List<SchemaChangeView> of(List<Change> changes) {
        return changes.stream().map(c -> new SchemaChangeView(c.op(), c.object(), c.destructive(), c.statements())).toList();
    }
}
