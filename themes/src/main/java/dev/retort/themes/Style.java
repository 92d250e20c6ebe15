package dev.retort.themes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one role looks: optional foreground and background colours plus text attributes.
 * Immutable. A style is data; only {@link JLineStyles} and {@link LanternaStyles} turn it into
 * terminal attributes.
 *
 * <p>Theme-file syntax: words separated by spaces, in any order: attributes ({@code bold},
 * {@code faint}, {@code italic}, {@code underline}, {@code inverse}), a foreground colour
 * (bare, or {@code fg:COLOR}) and a background colour ({@code bg:COLOR}); {@code none} is the
 * terminal's default look. Colours are as {@link Color#parse}.
 *
 * @param foreground null for the terminal's default
 * @param background null for the terminal's default
 */
public record Style(Color foreground, Color background, Set<Attribute> attributes) {

    /** Text attributes every adapter can express (Lanterna renders {@code FAINT} as plain). */
    public enum Attribute { BOLD, FAINT, ITALIC, UNDERLINE, INVERSE }

    /** The terminal's default look. */
    public static final Style NONE = new Style(null, null, Set.of());

    public Style {
        attributes = attributes.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(attributes));
    }

    public boolean isPlain() {
        return foreground == null && background == null && attributes.isEmpty();
    }

    public boolean has(Attribute a) {
        return attributes.contains(a);
    }

    /** A style with only a foreground colour. */
    public static Style fg(Color color) {
        return new Style(color, null, Set.of());
    }

    /** This style with {@code a} added. */
    public Style with(Attribute a) {
        EnumSet<Attribute> set = attributes.isEmpty() ? EnumSet.noneOf(Attribute.class) : EnumSet.copyOf(attributes);
        set.add(a);
        return new Style(foreground, background, set);
    }

    /** Only the attributes, colours dropped: what a style becomes on a monochrome screen. */
    public Style withoutColors() {
        return new Style(null, null, attributes);
    }

    /**
     * Parses the theme-file syntax.
     *
     * @throws IllegalArgumentException naming the word it does not understand
     */
    public static Style parse(String text) {
        Color fg = null;
        Color bg = null;
        EnumSet<Attribute> attrs = EnumSet.noneOf(Attribute.class);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty style (write 'none' for the default look)");
        }
        for (String word : trimmed.split("[\\s,]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            switch (w) {
                case "none", "default", "plain" -> { }
                case "bold" -> attrs.add(Attribute.BOLD);
                case "faint", "dim" -> attrs.add(Attribute.FAINT);
                case "italic" -> attrs.add(Attribute.ITALIC);
                case "underline" -> attrs.add(Attribute.UNDERLINE);
                case "inverse", "reverse" -> attrs.add(Attribute.INVERSE);
                default -> {
                    if (w.startsWith("bg:")) {
                        bg = Color.parse(w.substring(3));
                    } else if (w.startsWith("fg:")) {
                        fg = Color.parse(w.substring(3));
                    } else {
                        try {
                            fg = Color.parse(w);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("unknown style word '" + word + "'");
                        }
                    }
                }
            }
        }
        return new Style(fg, bg, attrs);
    }

    /** The theme-file spelling; {@code parse(s.spec())} equals {@code s}. */
    public String spec() {
        List<String> words = new ArrayList<>();
        for (Attribute a : attributes) {
            words.add(a.name().toLowerCase(Locale.ROOT));
        }
        if (foreground != null) {
            words.add("fg:" + foreground.spec());
        }
        if (background != null) {
            words.add("bg:" + background.spec());
        }
        return words.isEmpty() ? "none" : String.join(" ", words);
    }

    @Override
    public String toString() {
        return spec();
    }
}
