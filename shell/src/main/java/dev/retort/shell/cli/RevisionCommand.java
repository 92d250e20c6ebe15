package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "revision", description = "(not yet available)")
final class RevisionCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'revision' is not available in this build yet");
    }
}
