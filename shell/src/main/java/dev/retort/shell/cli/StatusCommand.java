package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "status", description = "(not yet available)")
final class StatusCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'status' is not available in this build yet");
    }
}
