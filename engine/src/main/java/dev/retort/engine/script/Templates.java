package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled environment templates ({@code init}, {@code list-templates}), read from the
 * classpath under {@code dev/retort/engine/templates/}: {@code templates.list} names them;
 * each holds {@code README} (first line: the synopsis), {@code script.sql.tmpl} (copied) and
 * {@code retort.ini.tmpl} (rendered to the config file, {@code ${script_location}}
 * replaced). Stateless.
 */
public final class Templates {

    private static final String ROOT = "/dev/retort/engine/templates/";
    private static final String INI_TEMPLATE = "retort.ini.tmpl";
    private static final List<String> COPIED = List.of("README", "script.sql.tmpl");

    private Templates() {}

    /** Template names, in bundle order. */
    public static List<String> names() {
        return lines(resource(ROOT + "templates.list")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** {@code <name> - <synopsis>} per template, as {@code list_templates} prints them. */
    public static List<String> list() {
        List<String> out = new ArrayList<>();
        for (String name : names()) {
            out.add(name + " - " + synopsis(name));
        }
        return out;
    }

    /** The first line of template {@code name}'s README ({@code Generic single-database configuration.}). */
    public static String synopsis(String name) {
        List<String> readme = lines(resource(ROOT + name + "/README"));
        return readme.isEmpty() ? "" : readme.get(0).strip();
    }

    /**
     * What {@link #create} did.
     *
     * @param created           directories and files created, in order (absolute)
     * @param configFile        the ini file (absolute)
     * @param configFileExisted whether it was there already and left alone
     * @param lines             what Alembic's {@code init} prints for it
     */
    public record Initialized(List<Path> created, Path configFile, boolean configFileExisted, List<String> lines) {
        public Initialized {
            created = List.copyOf(created);
            lines = List.copyOf(lines);
        }
    }

    /**
     * Creates an environment: {@code directory}, {@code directory/versions}, the template's
     * files, and {@code iniFile} (left alone when it exists). Returns the lines Alembic's
     * {@code init} prints. Refuses a non-empty {@code directory} and an unknown template.
     */
    public static List<String> init(Path directory, String template, Path iniFile) {
        return create(directory, template, iniFile).lines();
    }

    /** {@link #init}, saying what it created. */
    public static Initialized create(Path directory, String template, Path iniFile) {
        if (!names().contains(template)) {
            throw new RetortException("No such template '" + template + "'");
        }
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RetortException(directory + " exists and is not a directory");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new RetortException("Directory " + directory + " already exists and is not empty");
        }
        Path ini = iniFile.toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        List<Path> created = new ArrayList<>();
        boolean iniExisted = Files.exists(ini);
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                created.add(dir);
                out.add("Creating directory " + dir + " ...  done");
            }
            Path versions = dir.resolve("versions");
            Files.createDirectories(versions);
            created.add(versions);
            out.add("Creating directory " + versions + " ...  done");
            for (String file : COPIED) {
                Path target = dir.resolve(file);
                try (InputStream in = resource(ROOT + template + "/" + file)) {
                    Files.copy(in, target);
                }
                created.add(target);
                out.add("Generating " + target + " ...  done");
            }
            if (iniExisted) {
                out.add("File " + ini + " already exists, skipping");
            } else {
                String text = new String(resource(ROOT + template + "/" + INI_TEMPLATE).readAllBytes(),
                        StandardCharsets.UTF_8);
                text = text.replace("${script_location}", scriptLocation(directory, ini));
                Files.createDirectories(ini.getParent());
                Files.writeString(ini, text, StandardCharsets.UTF_8);
                created.add(ini);
                out.add("Generating " + ini + " ...  done");
            }
        } catch (IOException e) {
            throw new RetortException("init failed: " + e.getMessage(), e);
        }
        out.add("Please set the database url (and any other keys) in " + ini + " before proceeding.");
        return new Initialized(created, ini, iniExisted, out);
    }

    /**
     * As Alembic 1.16+: a directory given relative, or lying under the ini's directory, becomes
     * {@code %(here)s/<path relative to the ini's directory>}, so the environment can be moved
     * or cloned elsewhere; any other absolute one stays absolute. {@code %} is escaped as {@code %%}.
     */
    static String scriptLocation(Path directory, Path ini) {
        Path iniDir = ini.toAbsolutePath().normalize().getParent();
        if (directory.isAbsolute() && !directory.normalize().startsWith(iniDir)) {
            return directory.normalize().toString().replace("%", "%%");
        }
        String rel = ini.getParent().relativize(directory.toAbsolutePath().normalize()).toString()
                .replace('\\', '/').replace("%", "%%");
        return rel.isEmpty() ? "%(here)s" : "%(here)s/" + rel;
    }

    /** The generic template's {@code script.sql.tmpl}, for environments that have none. */
    static String bundledScriptTemplate() {
        return String.join("\n", lines(resource(ROOT + "generic/script.sql.tmpl"))) + "\n";
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Templates.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + name);
        }
        return in;
    }

    private static List<String> lines(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
