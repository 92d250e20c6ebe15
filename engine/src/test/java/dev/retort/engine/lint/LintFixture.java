package dev.retort.engine.lint;

import dev.retort.engine.dialect.Dialect;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.plan.Planner;
import dev.retort.engine.plan.VersionTracker;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.Step;
import dev.retort.engine.revision.VersionChange;
import dev.retort.engine.script.ScriptBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One-revision scripts written to a real file, planned for a dialect and linted. */
final class LintFixture {

    private LintFixture() {}

    /** Lints the upgrade of a script whose body is {@code body} (section markers included). */
    static LintReport upgrade(Path dir, String dialect, String body) {
        return lint(dir, dialect, body, true, LintSettings.DEFAULTS, CatalogFacts.NONE);
    }

    static LintReport lint(Path dir, String dialect, String body, boolean upgrade, LintSettings settings,
            CatalogFacts facts) {
        Plan plan = plan(dir, dialect, body, upgrade);
        ScriptBody parsed = parsed(plan);
        return new Linter(settings, facts, (r, up, d) -> up ? parsed.upgrade(d) : parsed.downgrade(d)).lint(plan);
    }

    static Plan plan(Path dir, String dialect, String body, boolean upgrade) {
        Path file = dir.resolve("a1_x.sql");
        String text = "-- x\n--\n-- Revision ID: a1\n-- Revises:\n\n" + body;
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ScriptBody parsed = ScriptBody.parse(file, text);
        Revision r = new Revision("a1", List.of(), List.of(), List.of(), "x", file);
        Step step = new Step.Migration(r, upgrade, List.of());
        List<String> heads = new ArrayList<>(upgrade ? List.of() : List.of("a1"));
        Planner planner = new Planner(dialect(dialect),
                (rev, up, d) -> up ? parsed.upgrade(d) : parsed.downgrade(d), "retort_version", null, false);
        return planner.plan(List.of(step), VersionTracker.of(s -> {
            if (upgrade) {
                heads.add("a1");
                return List.of(new VersionChange.Insert("a1"));
            }
            heads.clear();
            return List.of(new VersionChange.Delete("a1"));
        }, () -> List.copyOf(heads)));
    }

    /**
     * The dialect; MySQL/MariaDB (until their family is on main) as SQLite's splitter under the
     * family's name, which is all the rules read.
     */
    static Dialect dialect(String name) {
        if (Dialects.names().contains(name)) {
            return Dialects.forName(name);
        }
        Dialect sqlite = Dialects.forName("sqlite");
        return new Dialect() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean transactionalDdl() {
                return false;
            }

            @Override
            public String quoteIdentifier(String identifier) {
                return sqlite.quoteIdentifier(identifier);
            }

            @Override
            public List<dev.retort.engine.dialect.Statement> split(String sql, int firstLine) {
                return sqlite.split(sql, firstLine);
            }

            @Override
            public String versionTableDdl(String table, String schema) {
                return sqlite.versionTableDdl(table, schema);
            }

            @Override
            public String versionChangeSql(VersionChange change, String table, String schema) {
                return sqlite.versionChangeSql(change, table, schema);
            }
        };
    }

    private static ScriptBody parsed(Plan plan) {
        Path file = plan.steps().get(0).script();
        try {
            return ScriptBody.parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule ids found, in order, excused ones too. */
    static List<String> ids(LintReport report) {
        return report.findings().stream().map(f -> f.rule().id()).toList();
    }
}
