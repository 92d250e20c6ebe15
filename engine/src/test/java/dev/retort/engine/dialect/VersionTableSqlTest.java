package dev.retort.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.engine.revision.VersionChange;
import org.junit.jupiter.api.Test;

class VersionTableSqlTest {

    private final Dialect sqlite = new SqliteDialect();
    private final Dialect pg = new PostgresDialect();

    @Test
    void createTableIsSqlAlchemysTextWithTrailingSpace() {
        String expected = "CREATE TABLE alembic_version (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                + ")";
        assertEquals(expected, sqlite.versionTableDdl("alembic_version", null));
        assertEquals(expected, pg.versionTableDdl("alembic_version", null));
    }

    @Test
    void sqliteInsertUpdateDelete() {
        assertEquals("INSERT INTO alembic_version (version_num) VALUES ('aaaa1111')",
                sqlite.versionChangeSql(new VersionChange.Insert("aaaa1111"), "alembic_version", null));
        assertEquals("UPDATE alembic_version SET version_num='bbbb2222' WHERE alembic_version.version_num = 'aaaa1111'",
                sqlite.versionChangeSql(new VersionChange.Update("aaaa1111", "bbbb2222"), "alembic_version", null));
        assertEquals("DELETE FROM alembic_version WHERE alembic_version.version_num = 'aaaa1111'",
                sqlite.versionChangeSql(new VersionChange.Delete("aaaa1111"), "alembic_version", null));
    }

    @Test
    void postgresInsertReturnsTheKeyAsRecordedFromAlembic() {
        // conformance e07/seed_003, dialect=postgresql: SQLAlchemy 1.4's implicit RETURNING
        assertEquals("INSERT INTO alembic_version (version_num) VALUES ('aaaa0001') RETURNING alembic_version.version_num",
                pg.versionChangeSql(new VersionChange.Insert("aaaa0001"), "alembic_version", null));
        assertEquals("UPDATE alembic_version SET version_num='bbbb0002' WHERE alembic_version.version_num = 'aaaa0001'",
                pg.versionChangeSql(new VersionChange.Update("aaaa0001", "bbbb0002"), "alembic_version", null));
        assertEquals("DELETE FROM alembic_version WHERE alembic_version.version_num = 'aaaa0001'",
                pg.versionChangeSql(new VersionChange.Delete("aaaa0001"), "alembic_version", null));
    }

    @Test
    void schemaQualifiesTableAndColumnButNotConstraint() {
        assertEquals("CREATE TABLE ops.retort_version (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)\n"
                + ")", pg.versionTableDdl("retort_version", "ops"));
        assertEquals("UPDATE ops.retort_version SET version_num='b' WHERE ops.retort_version.version_num = 'a'",
                pg.versionChangeSql(new VersionChange.Update("a", "b"), "retort_version", "ops"));
        assertEquals("INSERT INTO ops.retort_version (version_num) VALUES ('a') RETURNING ops.retort_version.version_num",
                pg.versionChangeSql(new VersionChange.Insert("a"), "retort_version", "ops"));
        assertEquals("DELETE FROM main.v WHERE main.v.version_num = 'a'",
                sqlite.versionChangeSql(new VersionChange.Delete("a"), "v", "main"));
    }

    @Test
    void emptySchemaMeansNone() {
        assertEquals("DELETE FROM v WHERE v.version_num = 'a'", sqlite.versionChangeSql(new VersionChange.Delete("a"), "v", ""));
    }

    @Test
    void identifiersAreQuotedOnlyWhenNeeded() {
        assertEquals("DELETE FROM \"Versions\" WHERE \"Versions\".version_num = 'a'",
                sqlite.versionChangeSql(new VersionChange.Delete("a"), "Versions", null));
        assertEquals("DELETE FROM \"my-app\".\"order\" WHERE \"my-app\".\"order\".version_num = 'a'",
                pg.versionChangeSql(new VersionChange.Delete("a"), "order", "my-app"));
        assertEquals("CREATE TABLE \"Versions\" (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT \"Versions_pkc\" PRIMARY KEY (version_num)\n"
                + ")", pg.versionTableDdl("Versions", null));
    }

    @Test
    void quotingRulesFollowSqlAlchemy() {
        assertEquals("alembic_version", pg.quoteIdentifier("alembic_version"));
        assertEquals("tbl$1", pg.quoteIdentifier("tbl$1"));
        assertEquals("\"_private\"", pg.quoteIdentifier("_private"));
        assertEquals("\"1st\"", pg.quoteIdentifier("1st"));
        assertEquals("\"user\"", pg.quoteIdentifier("user"));
        assertEquals("user", sqlite.quoteIdentifier("user")); // reserved in PostgreSQL only
        assertEquals("\"pragma\"", sqlite.quoteIdentifier("pragma"));
        assertEquals("\"a\"\"b\"", sqlite.quoteIdentifier("a\"b"));
        assertEquals("\"versión\"", sqlite.quoteIdentifier("versión"));
    }

    @Test
    void literalQuotesAreDoubled() {
        assertEquals("UPDATE v SET version_num='o''k' WHERE v.version_num = 'it''s'",
                sqlite.versionChangeSql(new VersionChange.Update("it's", "o'k"), "v", null));
    }
}
