package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.ChangedScript;
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
        List<ChangedScript> changed = new Online(this).migrator().changedScripts();
        if (json) {
            VerifyView view = new VerifyView(changed.isEmpty(), ChangedScriptView.of(changed));
            if (!changed.isEmpty()) {
                throw failure(changedScripts(changed), view);
            }
            report(view);
            return 0;
        }
        if (changed.isEmpty()) {
            out().println("OK: every applied script is unchanged");
            return 0;
        }
        for (ChangedScript c : changed) {
            out().println(c.revision() + ": " + (c.currentChecksum() == null ? "script is gone"
                    : "changed since applied (checksum " + c.appliedChecksum().substring(0, 12) + " -> "
                            + c.currentChecksum().substring(0, 12) + ")"));
        }
        throw changedScripts(changed);
    }

    private static RetortException changedScripts(List<ChangedScript> changed) {
        return new RetortException(changed.size() + " applied script(s) changed since they ran");
    }
}
