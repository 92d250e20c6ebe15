package dev.retort.shell.cli;

import dev.retort.engine.RetortException;
import dev.retort.shell.json.JsonReport;
import dev.retort.shell.json.JsonView;
import picocli.CommandLine.Option;

/**
 * A command that reports, and so has {@code --json}: one object per run, in the shape of
 * {@code dev.retort.shell.json} (see its package documentation for adding a command).
 */
abstract class ReportingCommand extends BaseCommand {

    @Option(names = "--json", description = "Print one JSON object (\"retort_json\": 1, snake_case; schemas in the jar "
            + "under " + JsonReport.SCHEMA_DIRECTORY + ").")
    boolean json;

    @Override
    boolean jsonRequested() {
        return json;
    }

    /** Prints {@code view} as this command's JSON object. */
    void report(JsonView view) {
        out().println(JsonReport.render(name(), view));
    }

    /**
     * The failure to throw after building {@code view}: under {@code --json} the one object
     * printed holds the view and the error; otherwise it is {@code failure} itself (the text
     * was printed already).
     */
    RetortException failure(RetortException failure, JsonView view) {
        return json ? new ReportedFailure(failure, view) : failure;
    }

    /** A failure that carries what the command reported before failing, for the JSON object. */
    static final class ReportedFailure extends RetortException {
        private static final long serialVersionUID = 1L;
        private final transient JsonView view;

        ReportedFailure(RetortException failure, JsonView view) {
            super(failure.getMessage(), failure.exitCode(), failure);
            this.view = view;
        }

        JsonView view() {
            return view;
        }
    }
}
