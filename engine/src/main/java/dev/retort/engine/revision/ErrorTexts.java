package dev.retort.engine.revision;

import dev.retort.engine.AmbiguousRevision;
import dev.retort.engine.InvalidRange;
import dev.retort.engine.RetortException;
import dev.retort.engine.RevisionNotFound;

/**
 * Alembic's {@code _catch_revision_errors} (reference §6.5): the same internal error reads
 * differently per command, so each public entry point names its context.
 *
 * @param ancestor      template for a range error, with {@code %(start)s}/{@code %(end)s};
 *                      null for the default {@code Requested range ...} text
 * @param start         the range start as typed, or null to use the error's own
 * @param end           the range end (or destination) as typed, or null to use the error's own
 * @param multipleHeads replacement text for a multiple-heads error, or null for the default
 */
record ErrorTexts(String ancestor, String start, String end, String multipleHeads) {

    static final ErrorTexts DEFAULT = new ErrorTexts(null, null, null, null);

    static ErrorTexts upgrade(String destination) {
        return new ErrorTexts("Destination %(end)s is not a valid upgrade target from current head(s)",
                null, destination, null);
    }

    static ErrorTexts downgrade(String destination) {
        return new ErrorTexts("Destination %(end)s is not a valid downgrade target from current head(s)",
                null, destination, null);
    }

    static ErrorTexts stamp() {
        return new ErrorTexts(null, null, null, "Multiple heads are present; please specify a single target revision");
    }

    static ErrorTexts range(String start, String end) {
        return new ErrorTexts(null, start, end, null);
    }

    RetortException translate(RevisionError e) {
        String message;
        if (e instanceof RevisionError.RangeNotAncestor rna) {
            String s = start != null ? start : String.valueOf(rna.lower);
            String t = end != null ? end : String.valueOf(rna.upper);
            String template = ancestor != null ? ancestor
                    : "Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along "
                            + "the same branch";
            return new InvalidRange(withHint(template.replace("%(start)s", s).replace("%(end)s", t), e), s, t, e);
        } else if (e instanceof RevisionError.MultipleHeads mh) {
            String arg = end != null && !end.isEmpty() ? end : mh.argument;
            message = multipleHeads != null ? multipleHeads
                    : "Multiple head revisions are present for given argument '" + arg + "'; please specify a "
                            + "specific target revision, '<branchname>@" + arg + "' to narrow to a specific head, "
                            + "or 'heads' for all heads";
            return new AmbiguousRevision(withHint(message, e), arg, mh.heads, e);
        } else if (e instanceof RevisionError.Resolution re) {
            message = RevisionNotFound.message(re.argument);
            return re.getMessage() != null && re.getMessage().startsWith("Multiple revisions start with")
                    ? new AmbiguousRevision(withHint(message, e), re.argument, java.util.List.of(), e)
                    : new RevisionNotFound(withHint(message, e), re.argument, e);
        } else if (e.getMessage() != null && e.getMessage().startsWith("Ambiguous")) {
            return new AmbiguousRevision(withHint(e.getMessage(), e), end, java.util.List.of(), e);
        } else {
            message = e.getMessage();
        }
        return new RetortException(withHint(message, e), e);
    }

    /** Alembic's line first (conformance compares it), then how to get out, when known. */
    private static String withHint(String message, RevisionError e) {
        return e.hint == null ? message : message + "\n" + e.hint;
    }
}
