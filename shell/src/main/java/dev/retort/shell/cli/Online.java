package dev.retort.shell.cli;

import dev.retort.engine.revision.Step;
import java.util.List;
import java.util.function.Function;

/** The commands' access to the database: current rows, plans and runs. */
final class Online {
    private final BaseCommand command;

    Online(BaseCommand command) {
        this.command = command;
    }

    /** The version table's rows in storage order (empty when the table does not exist). */
    List<String> currentRows() {
        throw new dev.retort.engine.RetortException("online commands are not available in this build yet");
    }

    int move(String verb, Function<List<String>, List<Step>> steps) {
        throw new dev.retort.engine.RetortException("online commands are not available in this build yet");
    }

    int stamp(List<String> destinations, boolean purge) {
        throw new dev.retort.engine.RetortException("online commands are not available in this build yet");
    }
}
