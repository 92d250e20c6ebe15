package dev.retort.engine.plan;

import static dev.retort.engine.plan.Fixtures.down;
import static dev.retort.engine.plan.Fixtures.rev;
import static dev.retort.engine.plan.Fixtures.up;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.PostgresDialect;
import dev.retort.engine.dialect.SqliteDialect;
import dev.retort.engine.plan.Fixtures.LinearTracker;
import dev.retort.engine.plan.Fixtures.Scripts;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline output compared with Alembic's, byte for byte ({@code \s} keeps SQLAlchemy's trailing space). */
class OfflineSqlTest {

    private static String render(Dialect dialect, boolean tpm, Scripts scripts, List<Step> steps, String... rows) {
        Plan plan = new Planner(dialect, scripts, "alembic_version", null, tpm).plan(steps, new LinearTracker(rows));
        return OfflineSql.render(plan);
    }

    /** Reference §10.1: SQLite, {@code upgrade heads --sql} from base. */
    @Test
    void sqliteUpgradeFromBaseIsTheReferenceExample() {
        Revision a = rev("aaaa1111");
        Revision b = rev("bbbb2222", "aaaa1111");
        Scripts scripts = new Scripts()
                .up("aaaa1111", "CREATE TABLE t_a (\n    id INTEGER\n);\n", 10)
                .up("bbbb2222", "CREATE TABLE t_b (\n    id INTEGER\n);\n", 10);
        String expected = """
                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> aaaa1111

                CREATE TABLE t_a (
                    id INTEGER
                );

                INSERT INTO alembic_version (version_num) VALUES ('aaaa1111');

                -- Running upgrade aaaa1111 -> bbbb2222

                CREATE TABLE t_b (
                    id INTEGER
                );

                UPDATE alembic_version SET version_num='bbbb2222' WHERE alembic_version.version_num = 'aaaa1111';

                """;
        assertEquals(expected, render(new SqliteDialect(), false, scripts, List.of(up(a), up(b))));
        // SQLite DDL is not transactional: transaction_per_migration changes nothing offline
        assertEquals(expected, render(new SqliteDialect(), true, scripts, List.of(up(a), up(b))));
    }

    private final Revision a1 = rev("aaaa0001");
    private final Revision b2 = rev("bbbb0002", "aaaa0001");
    private final Revision c3 = rev("cccc0003", "bbbb0002");

    private Scripts e07Scripts() {
        Scripts s = new Scripts();
        for (String id : List.of("aaaa0001", "bbbb0002", "cccc0003")) {
            s.up(id, "CREATE TABLE IF NOT EXISTS t_" + id + " (id INTEGER);", 12);
            s.down(id, "DROP TABLE IF EXISTS t_" + id + ";", 15);
        }
        return s;
    }

    /** Conformance e07, {@code -x dialect=postgresql upgrade heads --sql}. */
    @Test
    void postgresOneTransactionForTheRun() {
        String expected = """
                BEGIN;

                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> aaaa0001

                CREATE TABLE IF NOT EXISTS t_aaaa0001 (id INTEGER);

                INSERT INTO alembic_version (version_num) VALUES ('aaaa0001') RETURNING alembic_version.version_num;

                -- Running upgrade aaaa0001 -> bbbb0002

                CREATE TABLE IF NOT EXISTS t_bbbb0002 (id INTEGER);

                UPDATE alembic_version SET version_num='bbbb0002' WHERE alembic_version.version_num = 'aaaa0001';

                -- Running upgrade bbbb0002 -> cccc0003

                CREATE TABLE IF NOT EXISTS t_cccc0003 (id INTEGER);

                UPDATE alembic_version SET version_num='cccc0003' WHERE alembic_version.version_num = 'bbbb0002';

                COMMIT;

                """;
        assertEquals(expected, render(new PostgresDialect(), false, e07Scripts(), List.of(up(a1), up(b2), up(c3))));
    }

    /** Conformance e07, {@code -x dialect=postgresql -x tpm=1 upgrade heads --sql}. */
    @Test
    void postgresOneTransactionPerMigration() {
        String expected = """
                BEGIN;

                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> aaaa0001

                CREATE TABLE IF NOT EXISTS t_aaaa0001 (id INTEGER);

                INSERT INTO alembic_version (version_num) VALUES ('aaaa0001') RETURNING alembic_version.version_num;

                COMMIT;

                BEGIN;

                -- Running upgrade aaaa0001 -> bbbb0002

                CREATE TABLE IF NOT EXISTS t_bbbb0002 (id INTEGER);

                UPDATE alembic_version SET version_num='bbbb0002' WHERE alembic_version.version_num = 'aaaa0001';

                COMMIT;

                BEGIN;

                -- Running upgrade bbbb0002 -> cccc0003

                CREATE TABLE IF NOT EXISTS t_cccc0003 (id INTEGER);

                UPDATE alembic_version SET version_num='cccc0003' WHERE alembic_version.version_num = 'bbbb0002';

                COMMIT;

                """;
        assertEquals(expected, render(new PostgresDialect(), true, e07Scripts(), List.of(up(a1), up(b2), up(c3))));
    }

    /** Conformance e07, {@code -x dialect=postgresql downgrade cccc0003:base --sql}: no CREATE, no final DROP. */
    @Test
    void postgresDowngradeToBaseEndsWithDeleteAndNoDrop() {
        String expected = """
                BEGIN;

                -- Running downgrade cccc0003 -> bbbb0002

                DROP TABLE IF EXISTS t_cccc0003;

                UPDATE alembic_version SET version_num='bbbb0002' WHERE alembic_version.version_num = 'cccc0003';

                -- Running downgrade bbbb0002 -> aaaa0001

                DROP TABLE IF EXISTS t_bbbb0002;

                UPDATE alembic_version SET version_num='aaaa0001' WHERE alembic_version.version_num = 'bbbb0002';

                -- Running downgrade aaaa0001 ->\s

                DROP TABLE IF EXISTS t_aaaa0001;

                DELETE FROM alembic_version WHERE alembic_version.version_num = 'aaaa0001';

                COMMIT;

                """;
        String actual = render(new PostgresDialect(), false, e07Scripts(), List.of(down(c3), down(b2), down(a1)), "cccc0003");
        assertEquals(expected, actual);
    }

    /** Conformance e06 (empty history): the run's transaction is still opened and closed. */
    @Test
    void emptyPlanOnPostgresIsAnEmptyTransactionAndNothingPerMigration() {
        assertEquals("BEGIN;\n\nCOMMIT;\n\n", render(new PostgresDialect(), false, new Scripts(), List.of()));
        assertEquals("", render(new PostgresDialect(), true, new Scripts(), List.of()));
        assertEquals("", render(new SqliteDialect(), false, new Scripts(), List.of()));
    }

    @Test
    void versionTableIsCreatedAgainAfterTheLastRowWasDeleted() {
        Revision other = rev("ffff0000");
        Scripts scripts = e07Scripts().up("ffff0000", "SELECT 1", 1);
        String expected = """
                -- Running downgrade aaaa0001 ->\s

                DROP TABLE IF EXISTS t_aaaa0001;

                DELETE FROM alembic_version WHERE alembic_version.version_num = 'aaaa0001';

                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> ffff0000

                SELECT 1;

                INSERT INTO alembic_version (version_num) VALUES ('ffff0000');

                """;
        assertEquals(expected, render(new SqliteDialect(), false, scripts, List.of(down(a1), up(other)), "aaaa0001"));
    }

    @Test
    void stampFromBaseCreatesTheTableAndInserts() {
        String expected = """
                CREATE TABLE alembic_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                );

                -- Running stamp_revision  -> bbbb0002

                INSERT INTO alembic_version (version_num) VALUES ('bbbb0002');

                """;
        Step stamp = new Step.Stamp(List.of(), List.of("bbbb0002"), true, false);
        assertEquals(expected, render(new SqliteDialect(), false, new Scripts(), List.of(stamp)));
    }

    /** Alembic's autocommit_block() offline: COMMIT; before the section, BEGIN; after it. */
    @Test
    void noTransactionSectionLeavesTheRunTransactionOnPostgres() {
        Revision idx = rev("dddd0004", "aaaa0001");
        Scripts scripts = e07Scripts().upNoTransaction("dddd0004",
                "CREATE INDEX CONCURRENTLY ix_a ON t_aaaa0001 (id);\nVACUUM t_aaaa0001;", 3);
        String expected = """
                BEGIN;

                -- Running upgrade aaaa0001 -> dddd0004

                COMMIT;

                CREATE INDEX CONCURRENTLY ix_a ON t_aaaa0001 (id);

                VACUUM t_aaaa0001;

                BEGIN;

                UPDATE alembic_version SET version_num='dddd0004' WHERE alembic_version.version_num = 'aaaa0001';

                COMMIT;

                """;
        assertEquals(expected, render(new PostgresDialect(), false, scripts, List.of(up(idx)), "aaaa0001"));
        String perMigration = render(new PostgresDialect(), true, scripts, List.of(up(idx)), "aaaa0001");
        assertEquals(expected, perMigration, "inside a per-migration transaction the frame is the same");
    }

    @Test
    void noTransactionSectionOnSqliteRendersNoTransactionControl() {
        Revision idx = rev("dddd0004", "aaaa0001");
        Scripts scripts = e07Scripts().upNoTransaction("dddd0004", "VACUUM;", 3);
        String expected = """
                -- Running upgrade aaaa0001 -> dddd0004

                VACUUM;

                UPDATE alembic_version SET version_num='dddd0004' WHERE alembic_version.version_num = 'aaaa0001';

                """;
        assertEquals(expected, render(new SqliteDialect(), false, scripts, List.of(up(idx)), "aaaa0001"));
    }

    @Test
    void schemaQualifiedVersionTableOffline() {
        Plan plan = new Planner(new PostgresDialect(), e07Scripts(), "retort_version", "ops", false)
                .plan(List.of(up(a1)), new LinearTracker());
        String expected = """
                BEGIN;

                CREATE TABLE ops.retort_version (
                    version_num VARCHAR(32) NOT NULL,\s
                    CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
                );

                -- Running upgrade  -> aaaa0001

                CREATE TABLE IF NOT EXISTS t_aaaa0001 (id INTEGER);

                INSERT INTO ops.retort_version (version_num) VALUES ('aaaa0001') RETURNING ops.retort_version.version_num;

                COMMIT;

                """;
        assertEquals(expected, OfflineSql.render(plan));
    }
}
