package dev.retort.engine.db;

import java.util.Objects;

/**
 * A password: printing it (string concatenation, {@code toString}, a record's generated
 * {@code toString}, a debugger's summary) shows {@code ***}. Only {@link #reveal()} gives the
 * value, for handing to a driver. Immutable.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The password itself. Never print it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
