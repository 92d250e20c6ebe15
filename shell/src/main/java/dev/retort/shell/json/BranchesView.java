package dev.retort.shell.json;

import java.util.List;

/** {@code branches}: each branch point, oldest first, with the revisions it branches into. */
public record BranchesView(List<BranchPoint> branchpoints) implements JsonView {

    public record BranchPoint(RevisionView revision, List<RevisionView> branchesInto) {}
}
