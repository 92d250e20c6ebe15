package dev.retort.engine.plan;

import static dev.retort.engine.plan.Fixtures.rev;
import static dev.retort.engine.plan.Fixtures.up;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.engine.dialect.PostgresDialect;
import dev.retort.engine.plan.Fixtures.LinearTracker;
import dev.retort.engine.plan.Fixtures.Scripts;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

    @Test
    void planBecomesPlainJson() throws Exception {
        Revision a = rev("aaaa0001");
        Scripts scripts = new Scripts().upNoTransaction("aaaa0001", "\nCREATE TABLE t (id INT);\nSELECT 1;", 4);
        Step stamp = new Step.Stamp(List.of("aaaa0001"), List.of("bbbb0002"), true, true);
        Plan plan = new Planner(new PostgresDialect(), scripts, "alembic_version", null, false)
                .plan(List.of(up(a), stamp), new LinearTracker());

        Map<String, Object> tree = PlanJson.tree(plan);
        String json = new ObjectMapper().writeValueAsString(tree);

        String expected = "{\"dialect\":\"postgresql\",\"versionTable\":\"alembic_version\",\"versionTableSchema\":null,"
                + "\"transactionalDdl\":true,\"transactionPerMigration\":false,\"startHeads\":[],\"endHeads\":[\"bbbb0002\"],"
                + "\"steps\":["
                + "{\"kind\":\"migration\",\"direction\":\"upgrade\",\"describe\":\"upgrade  -> aaaa0001\",\"revision\":\"aaaa0001\","
                + "\"from\":[],\"to\":[\"aaaa0001\"],\"file\":\"/env/versions/aaaa0001_x.sql\",\"noTransaction\":true,"
                + "\"createVersionTable\":true,\"versionTableDdl\":\"CREATE TABLE alembic_version (\\n    version_num VARCHAR(32) NOT NULL, \\n"
                + "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\\n)\","
                + "\"statements\":[{\"line\":5,\"sql\":\"CREATE TABLE t (id INT)\"},{\"line\":6,\"sql\":\"SELECT 1\"}],"
                + "\"versionChanges\":[{\"op\":\"insert\",\"revision\":\"aaaa0001\"}],"
                + "\"versionSql\":[\"INSERT INTO alembic_version (version_num) VALUES ('aaaa0001') RETURNING alembic_version.version_num\"],"
                + "\"headsAfter\":[\"aaaa0001\"]},"
                + "{\"kind\":\"stamp\",\"direction\":\"upgrade\",\"describe\":\"stamp_revision aaaa0001 -> bbbb0002\",\"revision\":null,"
                + "\"from\":[\"aaaa0001\"],\"to\":[\"bbbb0002\"],\"file\":null,\"noTransaction\":false,"
                + "\"createVersionTable\":false,\"versionTableDdl\":null,\"statements\":[],"
                + "\"versionChanges\":[{\"op\":\"update\",\"from\":\"aaaa0001\",\"to\":\"bbbb0002\"}],"
                + "\"versionSql\":[\"UPDATE alembic_version SET version_num='bbbb0002' WHERE alembic_version.version_num = 'aaaa0001'\"],"
                + "\"headsAfter\":[\"bbbb0002\"]}]}";
        assertEquals(expected, json);
    }
}
