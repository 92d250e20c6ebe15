package dev.retort.shell.json;

import java.util.List;

/** {@code list-templates}: the templates {@code init} can use. */
public record TemplatesView(List<Template> templates) implements JsonView {

    /** A template's name (what {@code init -t} takes) and the first line of its README. */
    public record Template(String name, String description) {}
}
