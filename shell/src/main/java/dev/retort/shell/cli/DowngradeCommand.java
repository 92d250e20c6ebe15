package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "downgrade", description = "(not yet available)")
final class DowngradeCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'downgrade' is not available in this build yet");
    }
}
