package dev.retort.shell.json;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.nio.file.Path;

/**
 * {@code revision} and {@code merge}: the revision just written, as the graph now has it
 * (its {@code path} is the new script). The {@code Generating ...} lines go to standard error.
 */
public record NewRevisionView(RevisionView revision) implements JsonView {

    /** The revision of the script written to {@code written}, read back from the reloaded graph. */
    public static NewRevisionView of(RevisionMap map, Path written) {
        Path file = written.toAbsolutePath().normalize();
        Revision r = map.revisions().stream()
                .filter(x -> x.path() != null && x.path().toAbsolutePath().normalize().equals(file)).findFirst()
                .orElseThrow(() -> new RetortException("The new script " + file + " is not in the revision graph"));
        return new NewRevisionView(RevisionView.of(map, r, false));
    }
}
