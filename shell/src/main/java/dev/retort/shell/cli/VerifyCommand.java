package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.PartialStep;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "verify", description = "Exit 1 when a script changed after it was applied (for CI).")
final class VerifyCommand extends BaseCommand {

    @Override
    int run() {
        var migrator = new Online(this).migrator();
        List<ChangedScript> changed = migrator.changedScripts();
        List<PartialStep> partial = migrator.partialSteps();
        for (PartialStep p : partial) {
            out().println(p.revision() + ": partly applied (" + p.describe() + ")");
        }
        if (changed.isEmpty() && partial.isEmpty()) {
            out().println("OK: every applied script is unchanged");
            return 0;
        }
        if (changed.isEmpty()) {
            throw new RetortException(partial.size() + " step(s) partly applied; `upgrade` resumes them");
        }
        for (ChangedScript c : changed) {
            out().println(c.revision() + ": " + (c.currentChecksum() == null ? "script is gone"
                    : "changed since applied (checksum " + c.appliedChecksum().substring(0, 12) + " -> "
                            + c.currentChecksum().substring(0, 12) + ")"));
        }
        throw new RetortException(changed.size() + " applied script(s) changed since they ran");
    }
}
