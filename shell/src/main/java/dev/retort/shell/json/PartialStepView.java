package dev.retort.shell.json;

import dev.retort.engine.api.PartialStep;
import java.util.List;

/**
 * A step an earlier run left partly applied: its self-committing statements (a no-transaction
 * section) committed one by one up to {@code statementsApplied}; the next {@code upgrade}
 * resumes there unless {@code nextInDoubt} (that statement was running when the run stopped).
 */
public record PartialStepView(String revision, String direction, String mode, int statementsApplied,
        int statementsTotal, boolean nextInDoubt, String description) {

    public static List<PartialStepView> of(List<PartialStep> steps) {
        return steps.stream().map(p -> new PartialStepView(p.revision(), p.direction(), p.mode(), p.applied(),
                p.total(), p.inDoubt(), p.describe())).toList();
    }
}
