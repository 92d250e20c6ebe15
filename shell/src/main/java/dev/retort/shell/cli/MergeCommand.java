package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "merge", description = "(not yet available)")
final class MergeCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'merge' is not available in this build yet");
    }
}
