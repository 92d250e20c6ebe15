package dev.retort.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.shell.repl.RevisionIndex.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionIndexTest {

    private final RevisionIndex index = SampleGraph.index();

    @Test
    void fourCharactersSharedByTwoIdsAreAmbiguousAndFiveAreNot() {
        assertEquals(Kind.AMBIGUOUS, index.classify("a1f3"));
        assertEquals(Kind.REVISION, index.classify("a1f37"));
        assertEquals(Kind.REVISION, index.classify("a1f3c09e7b2d"));
    }

    @Test
    void unknownIdsLabelsAndSymbolsAreToldApart() {
        assertEquals(Kind.UNKNOWN, index.classify("ffff"));
        assertEquals(Kind.LABEL, index.classify("payments"));
        assertEquals(Kind.LABEL, index.classify("shipping@head"));
        assertEquals(Kind.UNKNOWN, index.classify("nolabel@head"));
        assertEquals(Kind.REVISION, index.classify("9d0c@+2"));
        for (String s : List.of("head", "heads", "base", "+1", "-2")) {
            assertEquals(Kind.SYMBOL, index.classify(s), s);
        }
    }

    @Test
    void prefixLookupReturnsMatchesInIdOrder() {
        assertEquals(List.of("f05e2b8c4d19", "f05e8a1c2b37"),
                index.withPrefix("f05e").stream().map(RevisionEntry::id).toList());
        assertEquals(List.of(), index.withPrefix("zz"));
        assertEquals(10, index.withPrefix("").size());
    }

    @Test
    void headsCurrentAndLabelsAreListed() {
        assertEquals(List.of("b26e0d4f8a31", "f05e8a1c2b37"), index.heads().stream().map(RevisionEntry::id).toList());
        assertEquals(List.of("9d0c6e3a21f7"), index.current().stream().map(RevisionEntry::id).toList());
        assertEquals(List.of("payments", "shipping"), List.copyOf(index.labels()));
    }
}
