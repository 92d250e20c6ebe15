package dev.retort.engine.api;

import java.time.Duration;

/**
 * One step that ran and was committed.
 *
 * @param index       0-based position in the plan
 * @param revision    the revision run, or for a stamp its destination ids joined by {@code ", "}
 * @param description Alembic's text, e.g. {@code upgrade a -> b}
 * @param elapsed     time the step took, from its first statement to its commit
 */
public record StepResult(int index, String revision, String description, Duration elapsed) {}
