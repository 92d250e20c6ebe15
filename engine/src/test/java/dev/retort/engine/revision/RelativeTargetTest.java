package dev.retort.engine.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.RetortException;
import org.junit.jupiter.api.Test;

/** The one parser of {@code [branch@][symbol](+|-)N} (issue 8 item 8). */
class RelativeTargetTest {

    @Test
    void partsOfEveryForm() {
        RelativeTarget t = RelativeTarget.parse("c2branch@head-1").orElseThrow();
        assertEquals("c2branch", t.branch());
        assertEquals("head", t.symbol());
        assertEquals(-1, t.steps());
        assertTrue(t.downward());
        RelativeTarget plain = RelativeTarget.parse("+2").orElseThrow();
        assertNull(plain.branch());
        assertTrue(plain.fromCurrent());
        assertFalse(plain.downward());
        assertEquals(2, plain.steps());
        assertTrue(RelativeTarget.parse("heads").isEmpty());
        assertTrue(RelativeTarget.parse("a1b2c3").isEmpty());
    }

    @Test
    void messagesKeepTheNumberAsWrittenOrParsed() {
        RelativeTarget t = RelativeTarget.parse("-05").orElseThrow();
        assertEquals("Relative revision -05 didn't produce 5 migrations", t.didNotProduce());
        assertEquals("Relative revision -5 didn't produce 5 migrations", t.didNotProduceParsed());
    }

    @Test
    void largestStepCountIsAccepted() {
        assertEquals(Long.MAX_VALUE, RelativeTarget.parse("+9223372036854775807").orElseThrow().steps());
        assertEquals(-Long.MAX_VALUE, RelativeTarget.parse("-9223372036854775807").orElseThrow().steps());
    }

    @Test
    void numbersBeyondSixtyFourBitsAreOneLineErrors() {
        for (String s : new String[] {"-999999999999999999999", "+999999999999999999999", "-9223372036854775808",
            "+9223372036854775808", "br@head+99999999999999999999999999"}) {
            RetortException e = assertThrows(RetortException.class, () -> RelativeTarget.parse(s), s);
            String digits = s.substring(s.lastIndexOf(s.contains("+") ? '+' : '-'));
            assertEquals("Relative revision " + digits + " is out of range (at most 9223372036854775807 steps)",
                    e.getMessage());
        }
    }
}
