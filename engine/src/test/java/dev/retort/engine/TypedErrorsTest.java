package dev.retort.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.engine.api.LockHolder;
import dev.retort.engine.db.Database;
import dev.retort.engine.db.LockWaiter;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Applications react to errors by type, not by parsing messages: each type carries Alembic's
 * text and the facts behind it.
 */
class TypedErrorsTest {

    private static Revision rev(String id, String... down) {
        return Revision.of(id, List.of(down), List.of(), List.of());
    }

    private static RevisionMap forked() {
        return RevisionMap.of(List.of(rev("aaaa0000"), rev("bbbb1111", "aaaa0000"), rev("bbbb2222", "aaaa0000")));
    }

    @Test
    void unknownRevisionIsRevisionNotFound() {
        RevisionNotFound e = assertThrows(RevisionNotFound.class, () -> forked().resolve("zz"));
        assertEquals("Can't locate revision identified by 'zz'", e.getMessage());
        assertEquals("zz", e.identifier());
    }

    @Test
    void ambiguousPrefixAndHeadAreAmbiguousRevision() {
        AmbiguousRevision prefix = assertThrows(AmbiguousRevision.class, () -> forked().resolve("bbbb"));
        assertEquals("Can't locate revision identified by 'bbbb'", prefix.getMessage().lines().findFirst().orElseThrow(),
                "Alembic's line first, then the hint");
        assertEquals("bbbb", prefix.identifier());
        AmbiguousRevision head = assertThrows(AmbiguousRevision.class, () -> forked().resolve("head"));
        assertTrue(head.getMessage().startsWith("Multiple head revisions are present for given argument 'head'"),
                head.getMessage());
        assertEquals(List.of("bbbb1111", "bbbb2222"), head.candidates().stream().sorted().toList());
    }

    @Test
    void lockTimeoutNamesTheHolder() {
        try (Database db = Database.open("sqlite://")) {
            LockHolder h = new LockHolder(42, "box", Instant.EPOCH);
            LockTimeout e = LockWaiter.timeout(db, Duration.ofSeconds(3), Optional.of(h));
            assertEquals(Optional.of(h), e.holder());
            assertTrue(e.getMessage().startsWith("Timed out after 3s waiting for the migration lock on sqlite://"),
                    e.getMessage());
        }
    }
}
