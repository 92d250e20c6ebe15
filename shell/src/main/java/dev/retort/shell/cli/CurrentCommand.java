package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "current", description = "(not yet available)")
final class CurrentCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'current' is not available in this build yet");
    }
}
