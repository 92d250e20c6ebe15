package dev.retort.themes;

import java.util.EnumMap;
import java.util.Map;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * A theme bound to a colour policy: what the CLI, the REPL and the panel hold to style text.
 * When the policy is off, every role looks plain and {@link #ansi} yields text without a single
 * escape code. Immutable and thread-safe; styles are computed once, so the highlighter can ask
 * for them on every keystroke.
 */
public final class Styler {

    private final Theme theme;
    private final ColorPolicy policy;
    /**
     * The JLine and Lanterna forms of every role, made on first use: a one-shot command with
     * colour off prints plain strings and must not load a terminal library's classes at all
     * (bench/startup measures what each library costs at start-up).
     */
    private volatile Map<Role, AttributedStyle> jline;
    private volatile Map<Role, LanternaStyles.LanternaStyle> lanterna;

    public Styler(Theme theme, ColorPolicy policy) {
        this.theme = theme;
        this.policy = policy;
    }

    private Map<Role, AttributedStyle> jline() {
        Map<Role, AttributedStyle> m = jline;
        if (m == null) {
            m = new EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                m.put(r, policy.enabled() ? JLineStyles.toAttributedStyle(theme.style(r), policy.depth()) : AttributedStyle.DEFAULT);
            }
            jline = m;
        }
        return m;
    }

    private Map<Role, LanternaStyles.LanternaStyle> lanterna() {
        Map<Role, LanternaStyles.LanternaStyle> m = lanterna;
        if (m == null) {
            Theme attributesOnly = policy.enabled() ? theme : ThemeCatalog.bundled("mono");
            m = new EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                m.put(r, LanternaStyles.toLanterna(attributesOnly.style(r), policy.depth()));
            }
            lanterna = m;
        }
        return m;
    }

    /** Plain text, no colour: for tests and piped output. */
    public static Styler plain() {
        return new Styler(Theme.plain(), ColorPolicy.OFF);
    }

    public Theme theme() {
        return theme;
    }

    public ColorPolicy policy() {
        return policy;
    }

    /** The same policy with another theme. */
    public Styler withTheme(Theme other) {
        return new Styler(other, policy);
    }

    /** JLine style of {@code role}; {@link AttributedStyle#DEFAULT} when colour is off. */
    public AttributedStyle style(Role role) {
        return jline().get(role);
    }

    public AttributedString text(Role role, String text) {
        return new AttributedString(text, style(role));
    }

    /** Appends {@code text} in {@code role}'s style; returns {@code sb}. */
    public AttributedStringBuilder append(AttributedStringBuilder sb, Role role, CharSequence text) {
        return sb.styled(style(role), text);
    }

    /** {@code text} in {@code role}'s style, as a string for a plain stream. */
    public String paint(Role role, String text) {
        if (!policy.enabled()) {
            return text;
        }
        return Painter.paint(this, role, text);
    }

    /**
     * The coloured path of {@link #paint}, in its own class: verifying {@code paint} itself
     * would load JLine's text classes even when colour is off.
     */
    private static final class Painter {
        static String paint(Styler styler, Role role, String text) {
            return styler.ansi(styler.text(role, text));
        }
    }

    /**
     * Styled text as a string for a plain stream (stdout, stderr, picocli output): escape codes
     * at the policy's depth, or none at all when colour is off.
     */
    public String ansi(AttributedCharSequence text) {
        if (!policy.enabled()) {
            return text.toString();
        }
        AttributedCharSequence.ForceMode force = switch (policy.depth()) {
            case TRUECOLOR -> AttributedCharSequence.ForceMode.ForceTrueColors;
            case ANSI_256 -> AttributedCharSequence.ForceMode.Force256Colors;
            default -> AttributedCharSequence.ForceMode.None;
        };
        return text.toAnsi(policy.depth().colors(), force);
    }

    /**
     * {@code role} as a JLine style spec (see {@link JLineStyles#toStyleSpec}); {@code fg:default} when colour
     * is off, so that JLine's own widgets (the completion list) add no escape codes either.
     */
    public String styleSpec(Role role) {
        return policy.enabled() ? JLineStyles.toStyleSpec(theme.style(role), policy.depth()) : "fg:default";
    }

    /**
     * Lanterna style of {@code role}. With colour off the panel still needs a visible selection,
     * so it gets the {@code mono} theme's attributes (bold, reverse) without colours.
     */
    public LanternaStyles.LanternaStyle lanterna(Role role) {
        return lanterna().get(role);
    }
}
