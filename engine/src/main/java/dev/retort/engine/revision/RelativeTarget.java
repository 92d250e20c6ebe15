package dev.retort.engine.revision;

import dev.retort.engine.RetortException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relative revision identifier, {@code [branch@][symbol](+|-)N} (reference §6.4): the one
 * parser of that form, for the engine's resolver and for front ends that must judge a target
 * before the scripts are read. Immutable.
 *
 * @param branch the part before {@code @}, or null
 * @param symbol the revision or symbol walked from ({@code head}, an id, {@code base}), or null
 *               for a walk from the database's current revisions
 * @param text   the signed number as written ({@code +2}, {@code -05})
 * @param value  the signed number, exact
 */
public record RelativeTarget(String branch, String symbol, String text, BigInteger value) {

    /** Alembic's {@code _relative_destination}, matched at the start only ({@code re.match}). */
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * The relative form {@code target} starts with, or empty when it is not relative.
     *
     * @throws RetortException when the number of steps does not fit in 64 bits:
     *         {@code Relative revision +999999999999999999999 is out of range (at most 9223372036854775807 steps)}
     */
    public static Optional<RelativeTarget> parse(String target) {
        if (target == null) {
            return Optional.empty();
        }
        Matcher m = RELATIVE.matcher(target);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String digits = m.group(3);
        BigInteger value = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
        if (value.abs().compareTo(MAX) > 0) {
            throw new RetortException("Relative revision " + digits + " is out of range (at most " + Long.MAX_VALUE
                    + " steps)");
        }
        return Optional.of(new RelativeTarget(m.group(1), m.group(2), digits, value));
    }

    /** The signed number of steps (it fits: {@link #parse} refuses what does not). */
    public long steps() {
        return value.longValueExact();
    }

    /** Whether this walks down ({@code -N}). */
    public boolean downward() {
        return value.signum() < 0;
    }

    /** Whether this is a walk from the current revisions: no symbol ({@code -2}, {@code br@+1}). */
    public boolean fromCurrent() {
        return symbol == null;
    }

    /** {@code Relative revision <text> didn't produce <N> migrations}, the number as written. */
    public String didNotProduce() {
        return didNotProduce(text);
    }

    /**
     * The same with the parsed number where Alembic formats the integer rather than the text
     * ({@code -05} reads {@code -5}).
     */
    public String didNotProduceParsed() {
        return didNotProduce(value.toString());
    }

    private String didNotProduce(String shown) {
        return "Relative revision " + shown + " didn't produce " + value.abs() + " migrations";
    }
}
