package dev.retort.engine.script;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code template % mapping} for the conversions a {@code file_template} uses:
 * {@code %(name)s}, {@code %(name)d} / {@code i} with flags {@code -0}, width and precision
 * ({@code %(month).2d} and {@code %(month)02d} both give {@code 03}), {@code %%}.
 */
final class PyFormat {

    private static final Pattern SPEC = Pattern.compile("%\\((?<key>[^)]*)\\)(?<flags>[-0 +#]*)(?<width>\\d*)"
            + "(?:\\.(?<prec>\\d+))?(?<conv>[a-zA-Z%])");

    private PyFormat() {}

    /** Thrown for a bad template; the message is for the user. */
    static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    static String format(String template, Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (template.startsWith("%%", i)) {
                out.append('%');
                i += 2;
                continue;
            }
            Matcher m = SPEC.matcher(template);
            if (!m.find(i) || m.start() != i) {
                throw new FormatException("bad format at '" + template.substring(i) + "'");
            }
            String key = m.group("key");
            if (!values.containsKey(key)) {
                throw new FormatException("unknown token '%(" + key + ")'; known: " + String.join(", ", values.keySet()));
            }
            out.append(convert(key, values.get(key), m.group("flags"), m.group("width"), m.group("prec"),
                    m.group("conv").charAt(0)));
            i = m.end();
        }
        return out.toString();
    }

    private static String convert(String key, Object value, String flags, String width, String prec, char conv) {
        String body;
        switch (conv) {
            case 's' -> {
                body = String.valueOf(value);
                if (prec != null) {
                    body = body.substring(0, Math.min(body.length(), Integer.parseInt(prec)));
                }
            }
            case 'd', 'i' -> {
                if (!(value instanceof Number n)) {
                    throw new FormatException("%(" + key + ")" + conv + " needs a number, but " + key + " is text");
                }
                long v = n.longValue();
                String digits = Long.toString(Math.abs(v));
                if (prec != null) {
                    digits = "0".repeat(Math.max(0, Integer.parseInt(prec) - digits.length())) + digits;
                }
                String sign = v < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
                int w = width.isEmpty() ? 0 : Integer.parseInt(width);
                if (flags.contains("0") && !flags.contains("-") && sign.length() + digits.length() < w) {
                    digits = "0".repeat(w - sign.length() - digits.length()) + digits;
                }
                body = sign + digits;
            }
            default -> throw new FormatException("unsupported conversion '%(" + key + ")" + conv + "'");
        }
        int w = width.isEmpty() ? 0 : Integer.parseInt(width);
        if (body.length() < w) {
            String pad = " ".repeat(w - body.length());
            body = flags.contains("-") ? body + pad : pad + body;
        }
        return body;
    }
}
