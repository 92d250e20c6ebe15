package dev.retort.shell.cli;

import java.util.List;

/**
 * Extra sections a command adds to its help page after the examples, for reference material
 * that belongs with the command (the lint rules under {@code help lint}).
 */
interface HelpSections {

    /** @param items each a title line followed by its indented lines */
    record Section(String heading, List<String[]> items) {}

    List<Section> helpSections();
}
