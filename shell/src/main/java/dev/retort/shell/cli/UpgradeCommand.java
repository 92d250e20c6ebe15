package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "upgrade", description = "(not yet available)")
final class UpgradeCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'upgrade' is not available in this build yet");
    }
}
