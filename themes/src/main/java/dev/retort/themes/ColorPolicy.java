package dev.retort.themes;

import java.util.Locale;
import java.util.Map;

/**
 * Whether output is coloured, and how deeply: the one switch every front end consults.
 *
 * <p>Rules, first match wins:
 * <ol>
 *   <li>{@code --color=never}: off. {@code --color=always}: on (the user asked, so this beats
 *       {@code NO_COLOR}, as no-color.org allows).</li>
 *   <li>{@code NO_COLOR} set and not empty: off.</li>
 *   <li>{@code CLICOLOR_FORCE} set, not empty and not {@code 0}: on, even when piped.</li>
 *   <li>Output not a terminal, {@code TERM=dumb} (or a JLine dumb terminal), or
 *       {@code CLICOLOR=0}: off.</li>
 *   <li>Otherwise on.</li>
 * </ol>
 * Depth comes from the terminal's {@code max_colors} where known, else from
 * {@code COLORTERM=truecolor|24bit} and a {@code TERM} containing {@code 256color}; forced
 * colour on an unknown terminal gets 256 colours.
 *
 * @param depth {@link ColorDepth#NONE} when colour is off
 */
public record ColorPolicy(ColorDepth depth) {

    /** Plain output: no escape codes at all. */
    public static final ColorPolicy OFF = new ColorPolicy(ColorDepth.NONE);

    public boolean enabled() {
        return depth != ColorDepth.NONE;
    }

    /**
     * Resolves the policy for output going to a stream.
     *
     * @param isTerminal whether the output is a terminal ({@code System.console() != null})
     */
    public static ColorPolicy resolve(ColorMode mode, Map<String, String> env, boolean isTerminal) {
        return resolve(mode, env, isTerminal, env.get("TERM"), -1);
    }

    /**
     * Resolves the policy for a JLine terminal.
     *
     * @param terminalType  {@code Terminal.getType()} ({@code dumb}, {@code dumb-color},
     *                      {@code xterm-256color}...), or null
     * @param maxColors     the terminal's {@code max_colors} capability, or -1 when unknown
     */
    public static ColorPolicy resolve(ColorMode mode, Map<String, String> env, boolean isTerminal,
            String terminalType, int maxColors) {
        boolean on = switch (mode) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> autoEnabled(env, isTerminal, terminalType);
        };
        if (!on) {
            return OFF;
        }
        return new ColorPolicy(depth(env, terminalType, maxColors));
    }

    private static boolean autoEnabled(Map<String, String> env, boolean isTerminal, String terminalType) {
        if (isSet(env.get("NO_COLOR"))) {
            return false;
        }
        String force = env.get("CLICOLOR_FORCE");
        if (isSet(force) && !force.strip().equals("0")) {
            return true;
        }
        if (!isTerminal || isDumb(terminalType)) {
            return false;
        }
        return !"0".equals(strip(env.get("CLICOLOR")));
    }

    private static ColorDepth depth(Map<String, String> env, String terminalType, int maxColors) {
        String colorterm = strip(env.get("COLORTERM")).toLowerCase(Locale.ROOT);
        if (colorterm.equals("truecolor") || colorterm.equals("24bit")) {
            return ColorDepth.TRUECOLOR;
        }
        if (maxColors > 0) {
            return ColorDepth.ofColors(maxColors) == ColorDepth.NONE ? ColorDepth.ANSI_16 : ColorDepth.ofColors(maxColors);
        }
        String term = strip(terminalType != null ? terminalType : env.get("TERM")).toLowerCase(Locale.ROOT);
        if (term.contains("truecolor") || term.contains("direct")) {
            return ColorDepth.TRUECOLOR;
        }
        if (term.contains("256") || term.isEmpty() || isDumb(term)) {
            return ColorDepth.ANSI_256;
        }
        return ColorDepth.ANSI_16;
    }

    /** {@code dumb} and JLine's {@code dumb-color}: terminals without cursor control. */
    public static boolean isDumb(String terminalType) {
        String t = strip(terminalType).toLowerCase(Locale.ROOT);
        return t.equals("dumb") || t.startsWith("dumb-");
    }

    private static boolean isSet(String v) {
        return v != null && !v.isEmpty();
    }

    private static String strip(String v) {
        return v == null ? "" : v.strip();
    }
}
