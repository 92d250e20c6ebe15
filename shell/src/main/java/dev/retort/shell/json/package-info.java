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
 *       building the view, {@code throw failure(new RetortException(...), view)} so that the one
 *       object holds the view and the error. Other failures need nothing: {@code Cli} prints
 *       the error object for any command run with {@code --json}. Progress lines go to standard
 *       error under {@code --json}.</li>
 *   <li>Add a record {@code XxxView implements JsonView} here, built by {@code XxxView.of(...)};
 *       reuse {@link dev.retort.shell.json.RevisionView}, {@link dev.retort.shell.json.StepView}
 *       and the other shared pieces rather than inventing new shapes for the same things.</li>
 *   <li>Add {@code schemas/<command>.schema.json} beside the others in
 *       {@code shell/src/main/resources/dev/retort/shell/json/schemas/}: copy {@code heads.schema.json}
 *       (its {@code anyOf}: the view's fields with {@code "additionalProperties": false}, or the
 *       shared failure object), and take shared shapes from {@code common.schema.json#/$defs/...}
 *       ({@code revision}, {@code step}, {@code plan}, {@code finding}, {@code error}, ...).</li>
 *   <li>Add the command's success and failure runs to {@code JsonContractTest}; it fails for a
 *       registered command that has {@code --json} but no schema or no case.</li>
 * </ol>
 */
package dev.retort.shell.json;
