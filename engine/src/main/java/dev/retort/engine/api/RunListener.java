package dev.retort.engine.api;

import dev.retort.engine.plan.PlannedStep;
import java.time.Duration;

/**
 * Progress of a run, for a front end to show. Called on the running thread; keep it quick.
 * Every method has an empty default.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {};

    /** Another runner holds the lock; called once, before waiting. */
    default void waitingForLock(LockHolder holder) {}

    /** Step {@code index} (0-based) of {@code total} starts. */
    default void stepStarted(int index, int total, PlannedStep step) {}

    /** Step {@code index} committed after {@code elapsed}. */
    default void stepFinished(int index, int total, PlannedStep step, Duration elapsed) {}

    /** Applied scripts changed since they ran, and {@code on_changed_script = warn} lets the upgrade go on. */
    default void changedScripts(java.util.List<ChangedScript> changed) {}
}
