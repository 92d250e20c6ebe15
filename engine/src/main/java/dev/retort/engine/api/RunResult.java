package dev.retort.engine.api;

import java.time.Duration;
import java.util.List;

/**
 * What an online run did.
 *
 * @param headsBefore version-table rows before the run, storage order
 * @param headsAfter  version-table rows after it, storage order
 * @param steps       the steps that ran and were committed, in order
 * @param elapsed     wall time of the run (without waiting for the lock)
 */
public record RunResult(List<String> headsBefore, List<String> headsAfter, List<StepResult> steps, Duration elapsed) {
    public RunResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
    }
}
