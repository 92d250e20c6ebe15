package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.Verification;
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

    @picocli.CommandLine.Option(names = "--diff", description = "Show a unified diff between the statements that ran and the script now.")
    boolean diff;

    @picocli.CommandLine.Option(names = "--accept", paramLabel = "REV",
            description = "Accept REV's changed script as it is now: recorded in the history with who and why.")
    String accept;

    @picocli.CommandLine.Option(names = "--reason", paramLabel = "TEXT", description = "Why the change is accepted (with --accept).")
    String reason;

    @Override
    int run() {
        if (accept != null) {
            return accept();
        }
        Verification verification = retort().verification();
        List<ChangedScript> changed = verification.changed();
        List<PartialStep> partial = verification.partial();
        boolean ok = verification.ok();
        if (diff && !json) {
            for (ChangedScript c : changed) {
                out().print(diff(c.revision()));
            }
        }
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

    private int accept() {
        var r = retort().accept(accept, reason);
        out().println("Accepted the changed script of " + r.id() + (reason == null ? "" : ": " + reason));
        return 0;
    }

    /** A unified diff, {@code --- REV (applied)} / {@code +++ REV (now)}, or a note when the applied text was not stored. */
    private String diff(String revision) {
        var retort = retort();
        var applied = retort.appliedText(revision);
        var r = retort.map().get(revision);
        if (applied.isEmpty() || r.isEmpty()) {
            return revision + ": " + (r.isEmpty() ? "script is gone" : "no applied text stored (applied by an older Retort)") + "\n";
        }
        List<String> before = applied.get().lines().toList();
        List<String> after = retort.currentText(r.get()).lines().toList();
        var patch = com.github.difflib.DiffUtils.diff(before, after);
        List<String> lines = com.github.difflib.UnifiedDiffUtils.generateUnifiedDiff(revision + " (applied)",
                revision + " (now: " + Formats.path(r.get()) + ")", before, patch, 2);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            var role = l.startsWith("+") && !l.startsWith("+++") ? dev.retort.themes.Role.SUCCESS
                    : l.startsWith("-") && !l.startsWith("---") ? dev.retort.themes.Role.ERROR : null;
            out.append(role == null ? l : styler().paint(role, l)).append('\n');
        }
        return out.toString();
    }

    private static RetortException changedScripts(List<ChangedScript> changed) {
        return new RetortException(changed.size() + " applied script(s) changed since they ran");
    }
}
