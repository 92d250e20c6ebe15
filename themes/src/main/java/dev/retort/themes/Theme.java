package dev.retort.themes;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named mapping from every {@link Role} to a {@link Style}: picocli's {@code ColorScheme}
 * idea, as data. Immutable and thread-safe. Roles a theme does not mention look plain.
 *
 * <p>Get themes from a {@link ThemeCatalog}; build them in code with {@link #builder}.
 */
public final class Theme {

    private final String name;
    private final Map<Role, Style> styles;

    private Theme(String name, Map<Role, Style> styles) {
        this.name = Objects.requireNonNull(name);
        EnumMap<Role, Style> copy = new EnumMap<>(Role.class);
        copy.putAll(styles);
        this.styles = Collections.unmodifiableMap(copy);
    }

    public String name() {
        return name;
    }

    /** The style of {@code role}; {@link Style#NONE} when the theme leaves it out. */
    public Style style(Role role) {
        return styles.getOrDefault(role, Style.NONE);
    }

    /** True when the theme gives {@code role} a style of its own (possibly {@code none}). */
    public boolean defines(Role role) {
        return styles.containsKey(role);
    }

    /** Every role this theme defines, in role order. */
    public Map<Role, Style> styles() {
        return styles;
    }

    /** A theme in which everything looks plain: what colour-off output uses. */
    public static Theme plain() {
        return new Theme("plain", Map.of());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts from this theme's styles under a new name (how {@code extends} works). */
    public Builder derive(String newName) {
        Builder b = new Builder(newName);
        b.styles.putAll(styles);
        return b;
    }

    @Override
    public String toString() {
        return "Theme[" + name + "]";
    }

    /** Builds a {@link Theme}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final EnumMap<Role, Style> styles = new EnumMap<>(Role.class);

        private Builder(String name) {
            this.name = name;
        }

        public Builder style(Role role, Style style) {
            styles.put(role, Objects.requireNonNull(style));
            return this;
        }

        public Builder style(Role role, String spec) {
            return style(role, Style.parse(spec));
        }

        public Theme build() {
            return new Theme(name, styles);
        }
    }
}
