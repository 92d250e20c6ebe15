package dev.retort.engine.dialect;

import java.util.regex.Pattern;

/** Database URL helpers that are safe to print. */
public final class Urls {

    /** {@code password=...}, {@code sslpassword=...} and the like in a query string. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][a-z_.]*password=)[^&;#]*");

    private Urls() {}

    /**
     * The URL with every password replaced by {@code ***}: the user-info password of
     * {@code scheme://user:secret@host/db} ({@code user:***@host}) and {@code password=} (or
     * {@code sslpassword=}, ...) query parameters of JDBC URLs. When in doubt it masks more,
     * never less: a password holding an unescaped {@code @} is masked up to the last {@code @}.
     * Null gives the empty string.
     */
    public static String mask(String url) {
        if (url == null) {
            return "";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        int scheme = masked.indexOf("://");
        if (scheme < 0) {
            return masked;
        }
        int authorityStart = scheme + 3;
        int queryStart = indexOfAny(masked, authorityStart, '?', '#');
        int at = masked.lastIndexOf('@', queryStart - 1);
        if (at < authorityStart) {
            return masked;
        }
        int colon = masked.indexOf(':', authorityStart);
        if (colon < 0 || colon > at) {
            return masked;
        }
        return masked.substring(0, colon + 1) + "***" + masked.substring(at);
    }

    private static int indexOfAny(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return s.length();
    }
}
