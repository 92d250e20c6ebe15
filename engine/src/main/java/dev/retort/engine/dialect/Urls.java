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
     * {@code scheme://user:secret@host/db} ({@code user:***@host}), found as {@link #userinfoEnd}
     * finds it, and {@code password=} (or {@code sslpassword=}, ...) query parameters of JDBC
     * URLs. When in doubt it masks more, never less: when no {@code @} can be told apart from
     * the password, everything after the user name up to the last {@code @} is masked.
     * Null gives the empty string.
     */
    public static String mask(String url) {
        if (url == null) {
            return "";
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        }
        String head = url.substring(0, scheme + 3);
        String rest = url.substring(scheme + 3);
        int at = userinfoEnd(rest);
        if (at == AMBIGUOUS) {
            at = rest.lastIndexOf('@');
        }
        if (at < 0) {
            return head + PASSWORD_PARAMETER.matcher(rest).replaceAll("$1***");
        }
        String userinfo = rest.substring(0, at);
        int colon = userinfo.indexOf(':');
        String shown = colon < 0 ? userinfo : userinfo.substring(0, colon + 1) + "***";
        return head + shown + "@" + PASSWORD_PARAMETER.matcher(rest.substring(at + 1)).replaceAll("$1***");
    }

    /** {@link #userinfoEnd} when the text has an {@code @} but none of them can end the user info. */
    public static final int AMBIGUOUS = -2;

    /** One host of an authority: {@code [v6]} or a name, then an optional {@code :port}. */
    private static final String HOST = "(?:\\[[0-9A-Za-z:.%]*\\]|[A-Za-z0-9._~%!$'()*+;=-]*)(?::[^/?@,\\[\\]]*)?";

    /** What may follow the user info: hosts, one path segment, a {@code key[=value]&...} query. */
    private static final Pattern AFTER_USERINFO = Pattern.compile(
            HOST + "(?:," + HOST + ")*(?:/[^/?@]*)?(?:\\?(?:[A-Za-z_][A-Za-z0-9_.-]*(?:=[^&]*)?(?:&|$))*)?",
            Pattern.DOTALL);

    /**
     * Where the user info of a server URL ends, given the text after {@code scheme://}: the
     * index of the first {@code @} after which a well-formed {@code host[:port][,host...][/db][?k=v&...]}
     * follows, so that a password may hold {@code @ / ? # :} and spaces unescaped (percent
     * encoding works too), while an {@code @} inside the query ({@code ?email=a@b}) is not
     * mistaken for one. Returns -1 when the text has no {@code @}, {@link #AMBIGUOUS} when it has
     * some but none is followed by a well-formed rest.
     */
    public static int userinfoEnd(String afterScheme) {
        int at = afterScheme.indexOf('@');
        if (at < 0) {
            return -1;
        }
        for (; at >= 0; at = afterScheme.indexOf('@', at + 1)) {
            if (AFTER_USERINFO.matcher(afterScheme.substring(at + 1)).matches()) {
                return at;
            }
        }
        return AMBIGUOUS;
    }
}
