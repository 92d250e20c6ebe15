package dev.retort.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.dialect.Statement;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline SQL for mysql:// URLs as Alembic prints it, and the online preview's implicit-commit marks. */
class MySqlOfflineSqlTest {

    private static final Dialect MYSQL = Dialects.forUrl("mysql://u:p@h/db");

    private static Plan plan() {
        Revision r = new Revision("a1", List.of(), List.of(), List.of(), "", Path.of("versions", "a1_x.sql"));
        VersionChange ch = new VersionChange.Insert("a1");
        PlannedStep step = new PlannedStep(new Step.Migration(r, true, List.of()), r.path(),
                List.of(new Statement("CREATE TABLE `order` (id INT)", 8), new Statement("INSERT INTO `order` VALUES (1)", 9)),
                false, true, List.of(ch), List.of(MYSQL.versionChangeSql(ch, "alembic_version", null)), List.of("a1"));
        return new Plan(MYSQL, "alembic_version", null, false, List.of(), List.of(step));
    }

    @Test
    void offlineSqlHasAlembicsMysqlShapeWithoutTransactionStatements() {
        assertEquals("CREATE TABLE alembic_version (\n"
                + "    version_num VARCHAR(32) NOT NULL, \n"
                + "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                + ");\n\n"
                + "-- Running upgrade  -> a1\n\n"
                + "CREATE TABLE `order` (id INT);\n\n"
                + "INSERT INTO `order` VALUES (1);\n\n"
                + "INSERT INTO alembic_version (version_num) VALUES ('a1');\n\n", OfflineSql.render(plan()));
    }

    @Test
    void previewMarksTheStatementsThatCommitImplicitly() {
        String preview = OfflineSql.preview(plan(), dev.retort.engine.lint.LintReport.EMPTY);
        assertEquals(OfflineSql.render(plan()).replace("CREATE TABLE `order`",
                OfflineSql.IMPLICIT_COMMIT_NOTE + "\nCREATE TABLE `order`"), preview);
    }
}
