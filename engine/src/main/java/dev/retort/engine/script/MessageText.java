package dev.retort.engine.script;

import java.util.ArrayList;
import java.util.List;

/**
 * How a revision's message is written in the header's first paragraph and read back, so that
 * any text survives the round trip: an empty message is an empty first line; a message line
 * that is empty, starts with a backslash, or reads like a header key ({@code Revision ID: ...})
 * is written with a leading backslash, which reading removes. Headers written before this
 * rule read as before: their message lines start with no backslash.
 */
final class MessageText {
    private MessageText() {}

    /** The message's lines as they go into the header (without the comment marker). */
    static String write(String message) {
        if (message.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String line : message.split("\r\n|\r|\n", -1)) {
            String l = line.stripTrailing();
            out.add(l.isEmpty() || l.startsWith("\\") || HeaderReader.isKeyLine(l) ? "\\" + l : l);
        }
        return String.join("\n", out);
    }

    /** The message of a header's first paragraph, {@code lines} without comment markers. */
    static String read(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.startsWith("\\") ? l.substring(1) : l);
        }
        return String.join("\n", out).strip();
    }
}
