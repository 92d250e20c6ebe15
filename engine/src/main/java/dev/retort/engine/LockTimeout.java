package dev.retort.engine;

import dev.retort.engine.api.LockHolder;
import java.util.Optional;

/**
 * Another runner held the migration lock for longer than {@code lock_timeout}. Nothing ran.
 * {@link #holder()} names it when it could be read.
 */
public final class LockTimeout extends RetortException {
    private static final long serialVersionUID = 1L;
    private final transient LockHolder holder;

    public LockTimeout(String message, LockHolder holder) {
        super(message);
        this.holder = holder;
    }

    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }
}
