package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import dev.retort.engine.revision.Revision;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the header of a SQL revision script: the leading block of {@code --} comment lines
 * (blank lines before it are skipped), ending at the first line that is not a comment or at
 * a {@code -- retort:} marker. Past the header only the marker lines are looked at (their
 * names and dialects, {@link ScriptBody#checkMarkers}), so loading thousands of scripts stays
 * fast and a misspelt marker is found by every command.
 *
 * <p>Header lines of the form {@code Key: value} with a known key (case-insensitive) are
 * authoritative, except in the first paragraph (the message) unless that paragraph holds the
 * {@code Revision ID} line (a header without a message): {@code Revision ID}, {@code Revises}, {@code Create Date},
 * {@code Branch Labels}, {@code Depends On}. Each may appear once.
 */
final class HeaderReader {

    static final String MARKER_PREFIX = "retort:";

    private static final Set<String> KEYS = Set.of("revision id", "revises", "create date", "branch labels",
            "depends on");
    private static final Set<Character> ILLEGAL = Set.of('@', '-', '+', ':');

    private HeaderReader() {}

    /** Bytes read at once; a header longer than this is read on through a reader. */
    private static final int CHUNK = 8192;

    /** Reads {@code file}'s header into a revision whose path is {@code file}. */
    static Revision read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(CHUNK);
            if (head.length < CHUNK) {
                // the whole file: decode it at once, strictly
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head)).toString();
                Revision r = parse(file, new BufferedReader(new StringReader(text)));
                ScriptBody.checkMarkers(file, text);
                return r;
            }
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(all, StandardCharsets.UTF_8.newDecoder()))) {
                char[] buf = new char[CHUNK];
                for (int n; (n = reader.read(buf)) > 0; ) {
                    text.append(buf, 0, n);
                }
            }
            String whole = text.toString();
            Revision r = parse(file, new BufferedReader(new StringReader(whole)));
            ScriptBody.checkMarkers(file, whole);
            return r;
        } catch (CharacterCodingException e) {
            throw new RetortException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new RetortException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static Revision parse(Path file, BufferedReader in) throws IOException {
        List<String> doc = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        boolean started = false;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String s = line.strip();
            if (!started && s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("--") || isMarker(s)) {
                break;
            }
            started = true;
            String text = s.substring(2);
            if (text.startsWith(" ")) {
                text = text.substring(1);
            }
            doc.add(text.stripTrailing());
            lineNos.add(lineNo);
        }
        // The first paragraph is the message (never keys), unless it holds the Revision ID or the
        // first line is empty: then the message is empty. Message lines are unescaped
        // (MessageText), so a message may look like a key or hold blank lines.
        int firstBlank = doc.indexOf("");
        int messageEnd = firstBlank < 0 ? doc.size() : firstBlank;
        int from = messageEnd;
        for (int i = 0; i < messageEnd; i++) {
            KeyLine k = keyLine(doc.get(i));
            if (k != null && "revision id".equals(k.key())) {
                from = 0;
            }
        }
        String message = from == 0 ? "" : MessageText.read(doc.subList(0, messageEnd));
        String id = null;
        List<String> down = List.of();
        List<String> dependsOn = List.of();
        List<String> labels = List.of();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = from; i < doc.size(); i++) {
            KeyLine k = keyLine(doc.get(i));
            if (k == null) {
                continue;
            }
            String key = k.key();
            lineNo = lineNos.get(i);
            if (!seen.add(key)) {
                throw new RetortException(file + ":" + lineNo + ": '" + k.rawKey()
                        + ":' appears twice in the script header");
            }
            String value = k.value().strip();
            switch (key) {
                case "revision id" -> {
                    if (value.isEmpty()) {
                        throw new RetortException(file + ":" + lineNo + ": empty 'Revision ID:'");
                    }
                    checkId(file, lineNo, value);
                    id = value;
                }
                case "revises" -> {
                    down = list(file, lineNo, "Revises", value);
                    for (String d : down) {
                        checkId(file, lineNo, d);
                    }
                }
                case "branch labels" -> labels = list(file, lineNo, "Branch Labels", value);
                case "depends on" -> dependsOn = list(file, lineNo, "Depends On", value);
                default -> { } // create date: informational
            }
        }
        if (id == null) {
            throw new RetortException(file + ": no 'Revision ID:' line in the script header");
        }
        List<String> rest = doc.subList(Math.min(from == 0 ? 0 : messageEnd, doc.size()), doc.size());
        String docstring = (message + "\n\n" + String.join("\n", rest).strip()).strip();
        return new Revision(id, down, dependsOn, labels, docstring, file, message);
    }

    /** True when {@code text} reads as a header key line (a message line like it is escaped when written). */
    static boolean isKeyLine(String text) {
        return keyLine(text) != null;
    }

    /** A {@code Key: value} header line with a known key (lower-cased, single-spaced). */
    private record KeyLine(String key, String rawKey, String value) {}

    /**
     * Parses {@code Key: value}, where the key starts with a letter and holds letters and
     * spaces; null when the line is no such line or the key is not one Retort reads. Written
     * out rather than as a regular expression: it runs for every header line of every script
     * at start-up, before the JIT has compiled anything.
     */
    private static KeyLine keyLine(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || !isAsciiLetter(text.charAt(0))) {
            return null;
        }
        int end = colon;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder key = new StringBuilder(end);
        boolean space = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                space = true;
                continue;
            }
            if (!isAsciiLetter(c)) {
                return null;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(Character.toLowerCase(c));
        }
        String k = key.toString();
        return KEYS.contains(k) ? new KeyLine(k, text.substring(0, end), text.substring(colon + 1)) : null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** True for a {@code -- retort:...} marker line (already stripped). */
    static boolean isMarker(String stripped) {
        return stripped.startsWith("--") && stripped.substring(2).stripLeading().startsWith(MARKER_PREFIX);
    }

    /** Comma separated values; {@code None} (Alembic's repr) and an empty value mean none. */
    private static List<String> list(Path file, int lineNo, String key, String value) {
        if (value.isEmpty() || value.equals("None")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new RetortException(file + ":" + lineNo + ": empty entry in '" + key + ": " + value + "'");
            }
            if (out.contains(p)) {
                throw new RetortException(file + ":" + lineNo + ": '" + p + "' listed twice in '" + key + ":'");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private static void checkId(Path file, int lineNo, String id) {
        String problem = idProblem(id);
        if (problem != null) {
            throw new RetortException(file + ":" + lineNo + ": " + problem);
        }
    }

    /**
     * Why {@code id} cannot be a revision id, or null when it can: Alembic's text for the
     * characters {@code @ - + :}; whitespace is refused too (it would not survive a
     * {@code Revises:} line).
     */
    static String idProblem(String id) {
        if (id.isEmpty()) {
            return "empty revision identifier";
        }
        // one pass over a good id (every loaded revision's, at every start) before any set is made
        boolean illegal = false;
        boolean spaced = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            illegal |= c == '@' || c == '-' || c == '+' || c == ':';
            spaced |= c == ',' || Character.isWhitespace(c);
        }
        if (!illegal && !spaced) {
            return null;
        }
        Set<Character> bad = new TreeSet<>();
        for (int i = 0; i < id.length(); i++) {
            if (ILLEGAL.contains(id.charAt(i))) {
                bad.add(id.charAt(i));
            }
        }
        if (!bad.isEmpty()) {
            StringBuilder chars = new StringBuilder();
            for (char c : bad) {
                chars.append(chars.length() == 0 ? "" : ", ").append(c);
            }
            return "Character(s) '" + chars + "' not allowed in revision identifier '" + id + "'";
        }
        if (id.chars().anyMatch(Character::isWhitespace) || id.contains(",")) {
            return "Whitespace and commas are not allowed in revision identifier '" + id + "'";
        }
        return null;
    }
}
