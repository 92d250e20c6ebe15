package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "stamp", description = "(not yet available)")
final class StampCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'stamp' is not available in this build yet");
    }
}
