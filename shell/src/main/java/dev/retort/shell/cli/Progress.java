package dev.retort.shell.cli;

import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.LockHolder;
import dev.retort.engine.api.RunListener;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Step;
import dev.retort.themes.Role;
import dev.retort.themes.Styler;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** A run's progress on standard error: lock waits, changed scripts, one line per step. */
final class Progress implements RunListener {
    private final PrintWriter err;
    private final Styler styler;

    Progress(PrintWriter err, Styler styler) {
        this.err = err;
        this.styler = styler;
    }

    @Override
    public void waitingForLock(LockHolder holder) {
        err.println("Waiting for the migration lock, held by " + holder.describe() + " ...");
        err.flush();
    }

    @Override
    public void changedScripts(List<ChangedScript> changed) {
        err.println(styler.paint(Role.WARNING, "WARNING: applied script(s) changed since they ran: "
                + String.join(", ", changed.stream().map(ChangedScript::revision).toList())
                + " (on_changed_script = warn)"));
        err.flush();
    }

    @Override
    public void stepStarted(int index, int total, PlannedStep step) {
        String doc = step.step() instanceof Step.Migration m ? m.revision().doc() : "";
        err.println("Running " + step.step().describe() + (doc.isEmpty() ? "" : ", " + doc));
        err.flush();
    }

    @Override
    public void stepFinished(int index, int total, PlannedStep step, Duration elapsed) {}
}
