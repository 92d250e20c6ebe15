package dev.retort.engine.script;

import dev.retort.engine.RetortException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Alembic's post-write hooks (reference §3.4) from section {@code [post_write_hooks]}:
 * {@code hooks = a, b}, then per hook {@code a.type = exec}, {@code a.executable},
 * {@code a.options} (shlex-split; the token {@code REVISION_SCRIPT_FILENAME} is replaced by
 * the new file's path and prepended when absent) and {@code a.cwd}.
 *
 * <p>Unlike Alembic, the hook's output is captured and reported as lines (the engine owns no
 * terminal), and a hook that exits non-zero or cannot start is an error; the revision file
 * stays written either way.
 */
final class PostWriteHooks {

    static final String SECTION = "post_write_hooks";
    static final String TOKEN = "REVISION_SCRIPT_FILENAME";

    private PostWriteHooks() {}

    static void run(Map<String, String> section, Path file, Consumer<String> out) {
        String hooks = section.getOrDefault("hooks", "");
        for (String name : hooks.split("[\\s,]+")) {
            if (name.isEmpty()) {
                continue;
            }
            String key = name.toLowerCase(Locale.ROOT);
            String type = section.get(key + ".type");
            if (type == null) {
                throw new RetortException("Key " + name + ".type is required for post write hook '" + name + "'");
            }
            out.accept("Running post write hook '" + name + "' ...");
            try {
                invoke(name, key, type.strip(), section, file, out);
            } catch (RuntimeException e) {
                out.accept("  FAILED");
                throw e;
            }
            out.accept("  done");
        }
    }

    private static void invoke(String name, String key, String type, Map<String, String> section, Path file,
            Consumer<String> out) {
        switch (type) {
            case "exec" -> exec(name, key, section, file, out);
            case "console_scripts", "module" -> throw new RetortException("Post write hook '" + name + "' has type '"
                    + type + "', which runs Python code and is Python-only; use type = exec with an executable");
            default -> throw new RetortException("No formatter with name '" + type + "' registered");
        }
    }

    private static void exec(String name, String key, Map<String, String> section, Path file,
            Consumer<String> out) {
        String executable = section.get(key + ".executable");
        if (executable == null || executable.isBlank()) {
            throw new RetortException("Key " + name + ".executable is required for post write hook '" + name + "'");
        }
        String options = section.getOrDefault(key + ".options", "");
        if (!options.contains(TOKEN)) {
            options = TOKEN + " " + options;
        }
        List<String> command = new ArrayList<>();
        command.add(executable.strip());
        try {
            for (String option : Shlex.split(options)) {
                command.add(option.replace(TOKEN, file.toString()));
            }
        } catch (IllegalArgumentException e) {
            throw new RetortException("Post write hook '" + name + "': bad " + key + ".options: " + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        String cwd = section.get(key + ".cwd");
        if (cwd != null && !cwd.isBlank()) {
            pb.directory(Path.of(cwd.strip()).toFile());
        }
        int status;
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.accept(line);
                }
            }
            status = p.waitFor();
        } catch (IOException e) {
            throw new RetortException("Post write hook '" + name + "' could not run '" + executable.strip() + "': "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException("Post write hook '" + name + "' interrupted", 130, e);
        }
        if (status != 0) {
            throw new RetortException("Post write hook '" + name + "' (" + executable.strip() + ") exited with status "
                    + status);
        }
    }
}
