package dev.retort.shell.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.retort.engine.RetortException;
import dev.retort.engine.config.RetortConfig;
import dev.retort.engine.revision.RevisionMap;
import dev.retort.engine.script.ScriptDirectory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every command has: the session, the global options, and the output. */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand root;

    Session session() {
        return root.session;
    }

    GlobalOptions options() {
        return root.options;
    }

    RetortConfig config() {
        return session().config(options());
    }

    ScriptDirectory scripts() {
        return session().scripts(options());
    }

    RevisionMap map() {
        return session().map(options());
    }

    PrintWriter out() {
        return session().out();
    }

    PrintWriter err() {
        return session().err();
    }

    /** The theme's styles for this command's output (plain unless colour is on). */
    dev.retort.themes.Styler styler() {
        return session().styler(options());
    }

    void printJson(Object value) {
        out().println(JsonWriter.write(value));
    }

    /** Jackson, loaded only by a command that prints JSON (it is most of a cold start's classes). */
    private static final class JsonWriter {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        static String write(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A warning for the user, on standard error (Alembic's warnings go there too). */
    void warn(String message) {
        err().println(styler().paint(dev.retort.themes.Role.WARNING, "WARNING: " + message));
        err().flush();
    }

    /** A usage error (exit 2) found after parsing, e.g. an option that is not a revision. */
    static RetortException usage(String message) {
        return new RetortException(message, 2, null);
    }

    @Override
    public final Integer call() {
        return run();
    }

    abstract int run();
}
