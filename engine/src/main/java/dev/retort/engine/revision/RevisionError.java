package dev.retort.engine.revision;

import java.util.List;

/**
 * Alembic's internal {@code RevisionError} family, kept inside the package: the public methods
 * of {@link RevisionMap} translate them into {@link dev.retort.engine.RetortException}s with the
 * CLI-level texts of reference §6.5 ({@link ErrorTexts}), because the same internal error reads
 * differently depending on the command that met it.
 */
class RevisionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A second line saying how to get out (candidates, the command that works); null for none. */
    final String hint;

    RevisionError(String message) {
        this(message, null);
    }

    RevisionError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    /** {@code RangeNotAncestorError}: {@code lower} is not below {@code upper}. */
    static final class RangeNotAncestor extends RevisionError {
        private static final long serialVersionUID = 1L;
        final String lower;
        final String upper;

        RangeNotAncestor(String lower, String upper) {
            super("Revision " + (lower == null ? "base" : lower) + " is not an ancestor of revision "
                    + (upper == null ? "base" : upper));
            this.lower = lower;
            this.upper = upper;
        }
    }

    /** {@code MultipleHeads}: a symbol meaning one revision resolved to several. */
    static final class MultipleHeads extends RevisionError {
        private static final long serialVersionUID = 1L;
        final List<String> heads;
        final String argument;

        MultipleHeads(List<String> heads, String argument) {
            super("Multiple heads are present for given argument '" + argument + "'; "
                    + String.join(", ", heads));
            this.heads = List.copyOf(heads);
            this.argument = argument;
        }
    }

    /** {@code ResolutionError}: an identifier names nothing (or too much). */
    static final class Resolution extends RevisionError {
        private static final long serialVersionUID = 1L;
        final String argument;

        Resolution(String message, String argument) {
            this(message, argument, null);
        }

        Resolution(String message, String argument, String hint) {
            super(message, hint);
            this.argument = argument;
        }
    }
}
