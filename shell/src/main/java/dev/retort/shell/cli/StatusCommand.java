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
                out().println("          " + s.step().describe() + doc + partlyApplied(s, status.partial()));
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
            String dir = p.direction();
            if (p.inDoubt()) {
                out().println("          check whether it did; then `" + dir + " --restart-step` runs the step from its first"
                        + " statement, or complete it by hand and `stamp` it");
                continue;
            }
            lastAttempt(retort, p).ifPresent(e -> out().println("          last run " + e.outcome() + ": "
                    + e.error().lines().findFirst().orElse("")));
            String next = PartialStep.ordinal(p.applied() + 1);
            out().println("          `" + dir + " " + p.revision() + "` resumes at the " + next + " statement: fix it in"
                    + " the script first if it failed (statements already applied do not run again)");
            out().println("          `" + dir + " " + p.revision() + " --restart-step` runs the step from its 1st statement"
                    + " instead, for statements that are safe to repeat");
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

    /** {@code  (partly applied: resumes at the 3rd statement)} for a pending step an earlier run left part-way. */
    private static String partlyApplied(PlannedStep s, List<PartialStep> partial) {
        if (!(s.step() instanceof dev.retort.engine.revision.Step.Migration m)) {
            return "";
        }
        for (PartialStep p : partial) {
            if (p.revision().equals(m.revision().id()) && p.direction().equals(s.direction())) {
                return p.inDoubt() ? "  (partly applied; the " + PartialStep.ordinal(p.applied() + 1) + " statement in doubt)"
                        : "  (partly applied: resumes at the " + PartialStep.ordinal(p.applied() + 1) + " statement)";
            }
        }
        return "";
    }

    /** The run that left {@code p} part-way, when it recorded its end: the newest history row of the step, if not a success. */
    private static java.util.Optional<dev.retort.engine.api.HistoryEntry> lastAttempt(
            Retort retort, PartialStep p) {
        try {
            List<dev.retort.engine.api.HistoryEntry> all = retort.history();
            for (int i = all.size() - 1; i >= 0; i--) {
                dev.retort.engine.api.HistoryEntry e = all.get(i);
                if (e.revision().equals(p.revision()) && e.direction().equals(p.direction())) {
                    return e.succeeded() || e.error() == null ? java.util.Optional.empty() : java.util.Optional.of(e);
                }
            }
        } catch (RuntimeException unreadable) {
            // the audit table is extra: status reports without it
        }
        return java.util.Optional.empty();
    }
}
