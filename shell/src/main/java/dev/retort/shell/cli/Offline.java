package dev.retort.shell.cli;

import dev.retort.engine.lint.LintReport;
import dev.retort.engine.plan.OfflineSql;
import dev.retort.engine.plan.Plan;
import dev.retort.engine.revision.Step;
import dev.retort.shell.json.MoveView;
import java.util.List;

/** {@code --sql}: the plan from the given starting heads, printed as a script; nothing connects. */
final class Offline {
    private Offline() {}

    static int print(MoveCommand command, List<Step> steps, List<String> startHeads) {
        var config = command.config();
        Plan plan = Plans.build(config, command.scripts(), command.map(), Plans.dialect(config), steps, startHeads);
        LintReport lint = Lints.offline(command, plan);
        if (command.json) {
            command.report(MoveView.offline(plan, lint));
        } else {
            command.printSql(OfflineSql.render(plan, lint), plan.dialect());
        }
        return 0;
    }
}
