package dev.retort.shell.json;

import java.util.List;

/**
 * {@code verify}: whether every applied script is unchanged. With {@code ok: false} the object
 * also has the {@code error} member and the exit status is 1.
 */
public record VerifyView(boolean ok, List<ChangedScriptView> changedScripts, List<PartialStepView> partialSteps)
        implements JsonView {}
