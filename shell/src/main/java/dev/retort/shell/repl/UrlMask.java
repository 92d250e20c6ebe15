package dev.retort.shell.repl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in database URLs and in lines that contain them, for the status line and
 * the history file: {@code postgresql://ann:secret@db/shop} becomes
 * {@code postgresql://ann:***@db/shop}, {@code ?password=secret} becomes {@code ?password=***}.
 */
public final class UrlMask {
    private UrlMask() {}

    private static final Pattern USERINFO = Pattern.compile("(://[^/\\s:@]*:)([^@\\s/]*)(@)");
    private static final Pattern PARAM = Pattern.compile("((?:[?&;]|^|\\s)password=)([^&;\\s]*)", Pattern.CASE_INSENSITIVE);

    public static String mask(String text) {
        String s = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***" + m.group(3)));
        return PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
    }

    public static boolean hasPassword(String text) {
        return !mask(text).equals(text);
    }
}
