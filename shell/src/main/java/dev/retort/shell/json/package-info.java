/**
 * The {@code --json} contract: what scripts and CI read from Retort, one JSON object per run.
 *
 * <p>Every object has {@code "retort_json": 1} (the shape's version; it changes only when a
 * field is removed or changes meaning, never for an added field) and {@code "command"} first,
 * then the fields of the command's view record, all in snake_case. A failed run prints an object
 * with an {@code "error"} member on standard output (see {@link dev.retort.shell.json.ErrorView})
 * and its one-line {@code FAILED:} on standard error; a command that fails after reporting (for
 * example {@code verify} finding a changed script) prints its view and the error in one object.
 *
 * <p>Views are records that hold only JSON values (strings, numbers, booleans, lists, other
 * views, null); they are built from engine values by a static {@code of(...)} factory, and
 * {@link dev.retort.shell.json.JsonReport} is the one place that serialises them (Jackson, one
 * naming strategy). The engine never formats JSON.
 *
 * <h2>Adding {@code --json} to a command</h2>
 * <ol>
 *   <li>Let the command extend {@code ReportingCommand} (it brings the {@code --json} option) and
 *       call {@code report(view)} instead of printing when {@code json} is set; to fail after
 *       reporting, throw {@code reportedFailure(message, view)}.</li>
 *   <li>Add a record {@code XxxView implements JsonView} here, built by {@code XxxView.of(...)};
 *       reuse {@link dev.retort.shell.json.RevisionView}, {@link dev.retort.shell.json.StepView}
 *       and the other shared pieces rather than inventing new shapes for the same things.</li>
 *   <li>Add {@code schemas/<command>.schema.json} beside the others in
 *       {@code shell/src/main/resources/dev/retort/shell/json/schemas/}: copy {@code heads.schema.json},
 *       list the view's fields with {@code "additionalProperties": false}, and take shared shapes
 *       from {@code common.schema.json#/$defs/...}.</li>
 *   <li>Add the command's success and failure runs to {@code JsonContractTest}; it fails for a
 *       registered command that has {@code --json} but no schema or no case.</li>
 * </ol>
 */
package dev.retort.shell.json;
