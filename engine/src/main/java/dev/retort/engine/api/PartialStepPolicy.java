package dev.retort.engine.api;

/** What a run does about a step that an earlier run left partly applied ({@link PartialStep}). */
public enum PartialStepPolicy {
    /** Resume at the first statement that did not complete; refuse when that is in doubt or an applied statement changed. */
    RESUME,
    /** {@code --restart-step}: run the step again from its first statement (its statements must be safe to repeat). */
    RESTART_STEP,
    /** {@code stamp}: run nothing of it and forget the record (the user has completed or undone it by hand). */
    FORGET
}
