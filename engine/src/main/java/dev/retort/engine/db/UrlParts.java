package dev.retort.engine.db;

import dev.retort.engine.RetortException;
import dev.retort.engine.dialect.Urls;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces of a server URL {@code scheme://[user[:password]@]hosts[/database][?query]},
 * split once for the families that parse server URLs, with the masked text built from the
 * split. The user info runs up to the {@code @} that {@link Urls#userinfoEnd} finds, so
 * passwords holding {@code @ / ? # :} or spaces work unescaped; percent-encoding is honoured
 * in user, password, database and query (a {@code %} not followed by two hex digits stays
 * itself). Immutable.
 *
 * @param prefix   everything up to and including {@code ://}
 * @param user     the decoded user, or null when there is no user info
 * @param password the decoded password, or null when the user info has no {@code :}
 * @param hosts    the host list as written ({@code h1:5432,h2}), possibly empty
 * @param path     the raw path after the hosts without its {@code /}, or null when there is none
 * @param query    the raw query without its {@code ?}, empty when there is none
 * @param masked   the URL with the password and any {@code *password=} parameter as {@code ***}
 */
public record UrlParts(String prefix, String user, Secret password, String hosts, String path, String query,
        String masked) {

    /**
     * Splits {@code url} (which contains {@code ://}).
     *
     * @throws RetortException when no {@code @} can be told apart from the password; the message
     *                         names the scheme only
     */
    public static UrlParts split(String url) {
        int s = url.indexOf("://");
        String prefix = url.substring(0, s + 3);
        String rest = url.substring(s + 3);
        int at = Urls.userinfoEnd(rest);
        if (at == Urls.AMBIGUOUS) {
            // an '@' the rest can't follow: a host written wrong is likelier than a password holding '@'
            String after = rest.substring(rest.lastIndexOf('@') + 1);
            requireClosedBrackets(url, after.split("[/?]", 2)[0]);
            throw new RetortException("Bad database URL " + prefix + "***: can't tell where the password ends;"
                    + " percent-encode '@', '/', '?' and '#' in it (%40, %2F, %3F, %23)");
        }
        String user = null;
        Secret password = null;
        String shownUserinfo = "";
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            int colon = userinfo.indexOf(':');
            user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
            password = colon < 0 ? null : new Secret(decode(userinfo.substring(colon + 1)));
            shownUserinfo = (colon < 0 ? userinfo : userinfo.substring(0, colon + 1) + "***") + "@";
            rest = rest.substring(at + 1);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? null : rest.substring(slash + 1);
        requireClosedBrackets(url, hosts);
        String masked = prefix + shownUserinfo + hosts + (path == null ? "" : "/" + path)
                + (q < 0 ? "" : "?" + maskQuery(query));
        return new UrlParts(prefix, user, password, hosts, path, query, masked);
    }

    /**
     * Refuses a host whose IPv6 {@code [} is not closed ({@code [::1:3306}): drivers fail on it
     * with an index error, and the URL is not what the user meant.
     *
     * @throws RetortException naming the URL (masked) and the host
     */
    private static void requireClosedBrackets(String url, String hosts) {
        for (String host : hosts.split(",", -1)) {
            int open = host.indexOf('[');
            if (open >= 0 && host.indexOf(']', open) < 0) {
                throw new RetortException("Bad database URL " + Urls.mask(url) + ": unclosed '[' in host '" + host
                        + "' (an IPv6 address is written in brackets, then the port: [::1]:3306)");
            }
        }
    }

    /** The query with the value of every {@code *password} parameter replaced by {@code ***}. */
    public static String maskQuery(String query) {
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            sb.append(eq >= 0 && decode(key).toLowerCase(Locale.ROOT).endsWith("password") ? key + "=***" : pair);
        }
        return sb.toString();
    }

    /** The decoded query parameters in order ({@code key} alone gives an empty value). */
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** The first host without its port ({@code localhost} when none; brackets of IPv6 kept). */
    public String firstHost() {
        String first = hosts.split(",", -1)[0];
        int colon = first.lastIndexOf(':');
        String h = colon > 0 && !first.endsWith("]") ? first.substring(0, colon) : first;
        return h.isEmpty() ? "localhost" : decode(h);
    }

    /**
     * The first host's port, or {@code defaultPort} when it names none.
     *
     * @throws RetortException {@code Bad port 'x' in database URL <masked>}
     */
    public int firstPort(int defaultPort) {
        String first = hosts.split(",", -1)[0];
        int colon = first.lastIndexOf(':');
        if (colon < 0 || first.endsWith("]")) {
            return defaultPort;
        }
        String p = first.substring(colon + 1);
        try {
            int port = Integer.parseInt(p);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new RetortException("Bad port '" + p + "' in database URL " + masked);
        }
    }

    /** Lenient percent-decoding: {@code %XX} sequences become bytes (UTF-8); anything else stays. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** Percent-encodes for a URL component (space as {@code %20}). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code k=v&...}, each side encoded. */
    public static String joinQuery(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(k)).append('=').append(encode(v));
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return masked;
    }
}
