package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.PartialStep;
import dev.retort.shell.json.PartialStepView;
import dev.retort.shell.json.ChangedScriptView;
import dev.retort.shell.json.VerifyView;
import java.util.List;
import picocli.CommandLine.Command;

@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "verify",
        "exit 1 when an applied script changed since it ran",
        "-c ci/retort.ini verify",
        "the same against another environment's configuration"})
@Command(name = "verify", description = "Exit 1 when a script changed after it was applied (for CI).")
final class VerifyCommand extends ReportingCommand {

    @Override
    int run() {
        var migrator = new Online(this).migrator();
        List<ChangedScript> changed = migrator.changedScripts();
        List<PartialStep> partial = migrator.partialSteps();
        boolean ok = changed.isEmpty() && partial.isEmpty();
        if (json) {
            VerifyView view = new VerifyView(ok, ChangedScriptView.of(changed), PartialStepView.of(partial));
            if (!ok) {
                throw failure(changed.isEmpty() ? partlyApplied(partial) : changedScripts(changed), view);
            }
            report(view);
            return 0;
        }
        if (ok) {
            out().println("OK: every applied script is unchanged");
            return 0;
        }
        for (PartialStep p : partial) {
            out().println(p.revision() + ": partly applied (" + p.describe() + ")");
        }
        for (ChangedScript c : changed) {
            out().println(c.revision() + ": " + (c.currentChecksum() == null ? "script is gone"
                    : "changed since applied (checksum " + c.appliedChecksum().substring(0, 12) + " -> "
                            + c.currentChecksum().substring(0, 12) + ")"));
        }
        throw changed.isEmpty() ? partlyApplied(partial) : changedScripts(changed);
    }

    /** A step left half done is not a database in a verified state: the next upgrade resumes it. */
    private static RetortException partlyApplied(List<PartialStep> partial) {
        return new RetortException(partial.size() + " step(s) partly applied; `upgrade` resumes them");
    }

    private static RetortException changedScripts(List<ChangedScript> changed) {
        return new RetortException(changed.size() + " applied script(s) changed since they ran");
    }
}
