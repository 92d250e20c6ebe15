package dev.retort.shell.cli;

import java.util.List;

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
}
