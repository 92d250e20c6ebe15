package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a new revision script, as Alembic's {@code ScriptDirectory.generate_revision}:
 * names it by {@code file_template}, renders {@code <script_location>/script.sql.tmpl},
 * runs the post-write hooks, then reads the header back to check it. Resolving parents,
 * {@code --depends-on} and the version directory is the caller's job (see
 * {@link #versionDirectory}).
 *
 * <p>Template placeholders: {@code ${message}}, {@code ${up_revision}},
 * {@code ${down_revision}}, {@code ${create_date}}, {@code ${branch_labels}},
 * {@code ${depends_on}} (lists joined by {@code ", "}); any other {@code ${name}} is an error.
 * A line holding {@code ${branch_labels}} or {@code ${depends_on}} whose placeholders all
 * render empty is left out, so optional header keys appear only when set. A multi-line
 * message continues with the comment prefix of its line. Lines starting with {@code ##} are
 * template comments, not copied.
 *
 * <p>Refuses to overwrite an existing file (Alembic would). Not thread-safe across writers
 * of the same directory, like any file generator.
 */
public final class ScriptWriter {

    /** What to write. Lists may be empty; {@code message} null means no {@code -m}. */
    public record Request(String revisionId, String message, List<String> downRevisions, List<String> branchLabels,
            List<String> dependsOn, Path versionDirectory) {
        public Request {
            downRevisions = List.copyOf(downRevisions);
            branchLabels = List.copyOf(branchLabels);
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /** The file written (absolute), its header as read back, and the lines to print. */
    public record Written(Path path, Revision revision, List<String> output) {
        public Written {
            output = List.copyOf(output);
        }
    }

    public static final String EMPTY_MESSAGE = "empty message";

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern COMMENT_PREFIX = Pattern.compile("^\\s*--\\s?");
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter AWARE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private final RetortConfig config;
    private final ScriptDirectory scripts;
    private final Clock clock;

    public ScriptWriter(RetortConfig config, ScriptDirectory scripts) {
        this(config, scripts, Clock.systemDefaultZone());
    }

    /** {@code clock} gives the create date: its zone is the local zone when no {@code timezone}. */
    public ScriptWriter(RetortConfig config, ScriptDirectory scripts, Clock clock) {
        this.config = config;
        this.scripts = scripts;
        this.clock = clock;
    }

    /** A new revision id as Alembic makes one: the last 12 hex digits of a random UUID. */
    public static String newRevisionId() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return hex.substring(hex.length() - 12);
    }

    /**
     * Alembic's slug: the {@code \w+} runs of the message joined by {@code _}, lower-cased;
     * longer than {@code truncate} → cut to {@code truncate} characters, the last (partial)
     * word dropped, {@code _} appended.
     */
    public static String slug(String message, int truncate) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(message == null ? "" : message);
        while (m.find()) {
            words.add(m.group());
        }
        String slug = String.join("_", words).toLowerCase(Locale.ROOT);
        if (slug.codePointCount(0, slug.length()) > truncate) {
            String cut = slug.substring(0, slug.offsetByCodePoints(0, truncate));
            int last = cut.lastIndexOf('_');
            slug = (last < 0 ? cut : cut.substring(0, last)) + "_";
        }
        return slug;
    }

    /**
     * The directory for a new revision, as Alembic chooses it: {@code versionPath} when it is
     * one of the version locations; else the only location; else the directory of the first
     * parent's file.
     */
    public static Path versionDirectory(ScriptDirectory scripts, Path versionPath, List<Revision> parents) {
        List<Path> locations = scripts.versionLocations();
        if (versionPath != null) {
            Path p = versionPath.toAbsolutePath().normalize();
            if (!locations.contains(p)) {
                throw new RetortException("Path " + p + " is not represented in current version locations");
            }
            return p;
        }
        if (locations.size() == 1) {
            return locations.get(0);
        }
        for (Revision parent : parents) {
            if (parent != null && parent.path() != null) {
                return parent.path().getParent();
            }
        }
        throw new RetortException("Multiple version locations present, please specify --version-path");
    }

    public Written write(Request request) {
        return write(request, line -> { });
    }

    /** Writes the script; {@code listener} gets each output line as it happens. */
    public Written write(Request request, Consumer<String> listener) {
        List<String> output = new ArrayList<>();
        Consumer<String> out = line -> {
            output.add(line);
            listener.accept(line);
        };
        String rev = request.revisionId();
        String problem = RevisionIds.problem(rev == null ? "" : rev, config.versionNumLength());
        if (problem != null) {
            throw new RetortException(problem);
        }
        for (String label : request.branchLabels()) {
            String bad = RevisionIds.labelProblem(label);
            if (bad != null) {
                throw new RetortException(bad);
            }
        }
        TemporalAccessor date = createDate();
        String createDate = (date instanceof ZonedDateTime ? AWARE : NAIVE).format(date);
        Path path = request.versionDirectory().resolve(fileName(rev, request.message(), date))
                .toAbsolutePath().normalize();
        String content = render(Map.of(
                "message", MessageText.write(request.message() == null ? EMPTY_MESSAGE : request.message()),
                "up_revision", rev,
                "down_revision", String.join(", ", request.downRevisions()),
                "create_date", createDate,
                "branch_labels", String.join(", ", request.branchLabels()),
                "depends_on", String.join(", ", request.dependsOn())));
        if (!path.startsWith(request.versionDirectory().toAbsolutePath().normalize())) {
            throw new RetortException("file_template puts revision " + rev + " at " + path + ", outside its version"
                    + " directory " + request.versionDirectory());
        }
        try (DirectoryLock lock = DirectoryLock.take(scripts.scriptLocation())) {
            // under the lock, so that racing 'revision --rev-id X' commands can't both pass this check
            ScriptDirectory.fileDeclaring(config, rev).ifPresent(existing -> {
                throw new RetortException("Revision " + rev + " already exists: " + existing);
            });
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new RetortException("File " + path + " already exists");
        } catch (IOException e) {
            throw new RetortException("Cannot write " + path + ": " + e.getMessage(), e);
        }
        out.accept("Generating " + path + " ...  done");
        PostWriteHooks.run(config.section(PostWriteHooks.SECTION), path, out);
        Revision written = HeaderReader.read(path);
        if (!written.id().equals(rev)) {
            throw new RetortException("The migration file " + path + " declares revision " + written.id()
                    + " instead of " + rev + "; check the 'Revision ID' line of " + scripts.templateFile());
        }
        if (!request.branchLabels().isEmpty() && written.branchLabels().isEmpty()) {
            throw new RetortException("Version " + rev + " specified branch_labels "
                    + String.join(", ", request.branchLabels()) + ", however the migration file " + path
                    + " does not have them; have you upgraded your script.sql.tmpl to include the"
                    + " 'Branch Labels' line?");
        }
        return new Written(path, written, output);
    }

    /** Now, in {@code timezone} (a {@link ZonedDateTime}) or local time (a {@link LocalDateTime}). */
    TemporalAccessor createDate() {
        if (config.timezone().isEmpty()) {
            return LocalDateTime.now(clock);
        }
        String tz = config.timezone().get().strip();
        ZoneId zone;
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            try {
                zone = ZoneId.of(tz.toUpperCase(Locale.ROOT));
            } catch (DateTimeException e2) {
                throw new RetortException("Can't locate timezone: " + tz);
            }
        }
        return ZonedDateTime.now(clock.withZone(zone));
    }

    private String fileName(String rev, String message, TemporalAccessor date) {
        String template = config.fileTemplate();
        if (template.contains("/") && !config.recursiveVersionLocations()) {
            throw new RetortException(config.origin("file_template") + ": file_template '" + template
                    + "' puts revisions in subdirectories; set recursive_version_locations = true so that they load");
        }
        LocalDateTime local = date instanceof ZonedDateTime z ? z.toLocalDateTime() : (LocalDateTime) date;
        long epoch = date instanceof ZonedDateTime z ? z.toEpochSecond()
                : local.atZone(clock.getZone()).toEpochSecond();
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("rev", rev);
        tokens.put("slug", slug(message, config.truncateSlugLength()));
        tokens.put("epoch", epoch);
        tokens.put("year", local.getYear());
        tokens.put("month", local.getMonthValue());
        tokens.put("day", local.getDayOfMonth());
        tokens.put("hour", local.getHour());
        tokens.put("minute", local.getMinute());
        tokens.put("second", local.getSecond());
        try {
            return PyFormat.format(template, tokens) + ".sql";
        } catch (PyFormat.FormatException e) {
            throw new RetortException(config.origin("file_template") + ": file_template '" + template + "': "
                    + e.getMessage());
        }
    }

    private String render(Map<String, String> values) {
        Path templateFile = scripts.templateFile();
        String template;
        try {
            template = Files.readString(templateFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // an environment without its own template (e.g. one converted from Alembic) uses the
            // generic template's, as 'init' would have written it
            template = Templates.bundledScriptTemplate();
        } catch (IOException e) {
            throw new RetortException("Cannot read " + templateFile + ": " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder();
        String[] lines = template.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("##")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder rendered = new StringBuilder();
            boolean optional = false;
            boolean allEmpty = true;
            int last = 0;
            while (m.find()) {
                String name = m.group(1).strip();
                String value = values.get(name);
                if (value == null) {
                    throw new RetortException(templateFile + ":" + (i + 1) + ": unknown placeholder '${" + name
                            + "}' (known: " + String.join(", ", values.keySet().stream().sorted().toList()) + ")");
                }
                optional |= name.equals("branch_labels") || name.equals("depends_on");
                allEmpty &= value.isEmpty();
                rendered.append(line, last, m.start());
                if (value.contains("\n")) {
                    Matcher prefix = COMMENT_PREFIX.matcher(line);
                    String cont = prefix.find() ? prefix.group() : "";
                    value = value.replaceAll("\r\n|\r|\n", "\n" + cont.replace("$", "\\$"));
                }
                rendered.append(value);
                last = m.end();
            }
            if (optional && allEmpty) {
                continue;
            }
            rendered.append(line.substring(last));
            String text = rendered.toString();
            out.append(text.strip().startsWith("--") ? stripTrailingPerLine(text) : text);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String stripTrailingPerLine(String text) {
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].stripTrailing();
        }
        return String.join("\n", parts);
    }
}
