package dev.retort.shell.cli;

import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.PartialStep;
import dev.retort.engine.api.Status;
import dev.retort.engine.MissingScripts;
import dev.retort.engine.Retort;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.shell.json.ChangedScriptView;
import dev.retort.shell.json.PartialStepView;
import dev.retort.shell.json.RevisionView;
import dev.retort.shell.json.StatusView;
import dev.retort.shell.json.StepView;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@CommandHelp(group = CommandHelp.Group.INSPECT, examples = {
        "status",
        "current heads, pending steps, lock holder, changed scripts",
        "status --json",
        "the same as JSON, for scripts"})
@Command(name = "status", description = "Where the database stands: current heads, pending steps, lock holder, changed scripts.")
final class StatusCommand extends ReportingCommand {

    @Override
    int run() {
        Retort retort = retort();
        RevisionMap map = retort.map();
        Status status = retort.status();
        List<String> missing = status.missingScripts();
        Plan pendingPlan = status.pendingPlan();
        List<Revision> current = map.currentBranchHeads(status.currentHeads().stream()
                .filter(r -> !missing.contains(r)).toList());
        LintReport lint = retort.lintLive(pendingPlan);
        String database = retort.databaseDisplay();
        if (json) {
            report(new StatusView(database, status.currentHeads(),
                    RevisionView.of(map, current, new HashSet<>(status.currentHeads())),
                    map.resolve("heads").stream().map(Revision::id).toList(), StepView.of(pendingPlan, status.pending(), lint),
                    status.lockHolder().map(StatusView.Holder::of).orElse(null),
                    ChangedScriptView.of(status.changedScripts()), PartialStepView.of(status.partial())));
            return 0;
        }
        Formats f = new Formats(map, styler());
        out().println("Database: " + database);
        if (current.isEmpty() && missing.isEmpty()) {
            out().println("Current:  (none: no revision applied)");
        } else {
            for (int i = 0; i < current.size(); i++) {
                out().println((i == 0 ? "Current:  " : "          ") + f.line(current.get(i), Formats.Line.HEADS, false)
                        + ", " + current.get(i).doc());
            }
        }
        for (String id : missing) {
            boolean first = current.isEmpty() && id.equals(missing.get(0));
            out().println((first ? "Current:  " : "          ") + id + " (missing script)");
        }
        if (!missing.isEmpty()) {
            out().println("Pending:  unknown: " + String.join(", ", missing) + " has no script here; "
                    + MissingScripts.advice(missing));
        } else if (status.pending().isEmpty()) {
            out().println("Pending:  none (up to date with heads)");
        } else {
            out().println("Pending:  " + status.pending().size() + " step(s) to heads");
            for (int i = 0; i < status.pending().size(); i++) {
                PlannedStep s = status.pending().get(i);
                String doc = s.step() instanceof dev.retort.engine.revision.Step.Migration m ? ", " + m.revision().doc() : "";
                out().println("          " + s.step().describe() + doc);
                for (Finding finding : lint.findings()) {
                    if (finding.stepIndex() == i) {
                        out().println("            " + styler().paint(Lints.role(finding.level()), finding.oneLine())
                                + " (line " + finding.line() + ")");
                    }
                }
            }
        }
        for (PartialStep p : status.partial()) {
            out().println("Partial:  " + p.describe());
            out().println("          " + (p.inDoubt()
                    ? "check whether it did; then `" + p.direction() + " --restart-step` runs the step from its first"
                            + " statement, or complete it by hand and `stamp` it"
                    : "`" + p.direction() + " " + p.revision() + "` resumes at the " + PartialStep.ordinal(p.applied() + 1)
                            + " statement (fix it in the script first if it failed); `--restart-step` runs the step"
                            + " from its first"));
        }
        out().println("Lock:     " + status.lockHolder().map(h -> "held by " + h.describe()).orElse("free"));
        if (status.changedScripts().isEmpty()) {
            out().println("Scripts:  no applied script changed");
        } else {
            out().println("Scripts:  " + status.changedScripts().size() + " applied script(s) changed since they ran:");
            for (ChangedScript c : status.changedScripts()) {
                out().println("          " + c.revision() + (c.currentChecksum() == null ? " (script is gone)" : ""));
            }
        }
        return 0;
    }
}
