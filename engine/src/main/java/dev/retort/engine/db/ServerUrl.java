package dev.retort.engine.db;

import java.util.Objects;
import java.util.Optional;

/**
 * A database on a server. The password is a {@link Secret}, so even this record's components
 * print masked. Immutable.
 *
 * @param family   the family that parsed it
 * @param jdbcUrl  the driver's URL, without the password
 * @param host     the (first) host; {@code localhost} when the URL names none
 * @param port     the port (the family's default when the URL names none)
 * @param database the database name, possibly empty
 * @param username the user, or null for the driver's default
 * @param secret   the resolved password, or null
 * @param masked   the URL as written, password replaced by {@code ***}
 */
public record ServerUrl(DatabaseFamily family, String jdbcUrl, String host, int port, String database,
        String username, Secret secret, String masked) implements DatabaseUrl {

    public ServerUrl {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(masked, "masked");
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(username);
    }

    @Override
    public Optional<String> password() {
        return secret == null ? Optional.empty() : Optional.of(secret.reveal());
    }

    @Override
    public String toString() {
        return masked;
    }
}
