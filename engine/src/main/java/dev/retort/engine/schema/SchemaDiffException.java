package dev.retort.engine.schema;

import dev.retort.engine.RetortException;

/** A schema Retort cannot read or a change it cannot render: the message names the object. */
public final class SchemaDiffException extends RetortException {
    private static final long serialVersionUID = 1L;

    public SchemaDiffException(String message) {
        super(message);
    }

    public SchemaDiffException(String message, Throwable cause) {
        super(message, cause);
    }
}
