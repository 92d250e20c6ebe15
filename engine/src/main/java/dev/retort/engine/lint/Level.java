package dev.retort.engine.lint;

import java.util.Locale;

/** How serious a finding is; {@code lint} exits 1 when any finding is an {@link #ERROR}. */
public enum Level {
    INFO, WARNING, ERROR;

    /** {@code error}, {@code warning}, {@code info}: as written in {@code [lint]} and output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
