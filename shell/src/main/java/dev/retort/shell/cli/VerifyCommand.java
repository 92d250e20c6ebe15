package dev.retort.shell.cli;

import picocli.CommandLine.Command;

@Command(name = "verify", description = "(not yet available)")
final class VerifyCommand extends BaseCommand {
    @Override
    int run() {
        throw new dev.retort.engine.RetortException("'verify' is not available in this build yet");
    }
}
