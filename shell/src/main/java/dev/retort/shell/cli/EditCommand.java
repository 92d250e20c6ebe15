package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "edit", description = "(not yet available)")
final class EditCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'edit' is not available in this build yet");
    }
}
