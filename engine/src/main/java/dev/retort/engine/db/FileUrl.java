package dev.retort.engine.db;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedded database in a file, or in memory when {@code path} is null. No user, no
 * password. Immutable.
 *
 * @param family  the family that parsed it
 * @param jdbcUrl the driver's URL
 * @param path    the database file, absolute and normalised; null for an in-memory database
 * @param masked  the URL as written, any password-like parameter masked
 */
public record FileUrl(DatabaseFamily family, String jdbcUrl, Path path, String masked) implements DatabaseUrl {

    public FileUrl {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(masked, "masked");
    }

    /** The database file, or empty for an in-memory database. */
    public Optional<Path> file() {
        return Optional.ofNullable(path);
    }

    @Override
    public Optional<String> user() {
        return Optional.empty();
    }

    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public String database() {
        return path == null ? ":memory:" : path.toString();
    }

    @Override
    public String toString() {
        return masked;
    }
}
