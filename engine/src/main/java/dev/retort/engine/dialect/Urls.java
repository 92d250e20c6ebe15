package dev.retort.engine.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Database URL helpers that are safe to print. */
public final class Urls {

    /** {@code password=...}, {@code sslpassword=...} and the like in a query string. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][a-z_.]*password=)[^&;#]*");

    /** {@code scheme://user:secret@} anywhere in a text. */
    private static final Pattern TEXT_USERINFO = Pattern.compile("(://[^/\\s:@?#]*:)([^@\\s/?#]*)(@)");

    /** {@code password=}, {@code pass=}, {@code pwd=} parameters, and {@code password=} words in a text. */
    private static final Pattern TEXT_PARAMETER =
            Pattern.compile("(?i)((?:[?&;]|^|\\s)(?:[a-z_.]*password|pass|pwd)=)([^&;\\s]*)");

    private Urls() {}

    /**
     * Any text (a driver's error message, a line typed in the shell, a history entry) with the
     * password of every URL in it, and every {@code password=} setting, replaced by {@code ***}.
     * Null stays null.
     */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String s = TEXT_USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***" + m.group(3)));
        return TEXT_PARAMETER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
    }

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
