package dev.retort.shell.json;

/**
 * A command's whole {@code --json} output, less the envelope ({@code retort_json}, {@code command},
 * {@code error}) that {@link JsonReport} adds. Implemented by records of JSON values only.
 */
public interface JsonView {}
