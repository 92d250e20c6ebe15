package dev.retort.shell.cli;

import dev.retort.engine.lint.Finding;
import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.api.ChangedScript;
import dev.retort.engine.api.Status;
import dev.retort.engine.db.Database;
import dev.retort.engine.dialect.Dialects;
import dev.retort.engine.plan.PlannedStep;
import dev.retort.engine.revision.Revision;
import dev.retort.engine.revision.RevisionMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Where the database stands: current heads, pending steps, lock holder, changed scripts.")
final class StatusCommand extends BaseCommand {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    int run() {
        Online online = new Online(this);
        var migrator = online.migrator();
        Database db = migrator.database();
        RevisionMap map = map();
        var config = config();
        Status status = migrator.status(heads -> Plans.build(config, scripts(), map,
                Dialects.forName(db.kind().dialectName()), map.upgradeSteps("heads", heads), heads));
        List<Revision> current = map.currentBranchHeads(status.currentHeads());
        Plan pendingPlan = new Plan(Dialects.forName(db.kind().dialectName()), config.versionTable(),
                config.versionTableSchema().orElse(null), config.transactionPerMigration(), status.currentHeads(),
                status.pending());
        LintReport lint = Lints.online(this, db, pendingPlan);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("database", Online.display(db));
            m.put("version_rows", status.currentHeads());
            m.put("current", current.stream().map(Revision::id).toList());
            m.put("heads", map.resolve("heads").stream().map(Revision::id).toList());
            List<Map<String, Object>> pending = new ArrayList<>();
            for (PlannedStep s : status.pending()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("step", s.step().describe());
                p.put("script", s.script() == null ? null : s.script().toString());
                pending.add(p);
            }
            m.put("pending", pending);
            m.put("lint", Lints.json(lint));
            m.put("lock_holder", status.lockHolder().map(h -> h.describe()).orElse(null));
            List<Map<String, Object>> changed = new ArrayList<>();
            for (ChangedScript c : status.changedScripts()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("revision", c.revision());
                x.put("applied_checksum", c.appliedChecksum());
                x.put("current_checksum", c.currentChecksum());
                changed.add(x);
            }
            m.put("changed_scripts", changed);
            printJson(m);
            return 0;
        }
        Formats f = new Formats(map, styler());
        out().println("Database: " + Online.display(db));
        if (current.isEmpty()) {
            out().println("Current:  (none: no revision applied)");
        } else {
            for (int i = 0; i < current.size(); i++) {
                out().println((i == 0 ? "Current:  " : "          ") + f.line(current.get(i), Formats.Line.HEADS, false)
                        + ", " + current.get(i).doc());
            }
        }
        if (status.pending().isEmpty()) {
            out().println("Pending:  none (up to date with heads)");
        } else {
            out().println("Pending:  " + status.pending().size() + " step(s) to heads");
            for (int i = 0; i < status.pending().size(); i++) {
                PlannedStep s = status.pending().get(i);
                String doc = s.step() instanceof dev.retort.engine.revision.Step.Migration m ? ", " + m.revision().doc() : "";
                out().println("          " + s.step().describe() + doc);
                for (Finding finding : lint.findings()) {
                    if (finding.stepIndex() == i) {
                        out().println("            " + styler().paint(Lints.role(finding.level()), finding.oneLine())
                                + " (line " + finding.line() + ")");
                    }
                }
            }
        }
        out().println("Lock:     " + status.lockHolder().map(h -> "held by " + h.describe()).orElse("free"));
        if (status.changedScripts().isEmpty()) {
            out().println("Scripts:  no applied script changed");
        } else {
            out().println("Scripts:  " + status.changedScripts().size() + " applied script(s) changed since they ran:");
            for (ChangedScript c : status.changedScripts()) {
                out().println("          " + c.revision() + (c.currentChecksum() == null ? " (script is gone)" : ""));
            }
        }
        return 0;
    }
}
