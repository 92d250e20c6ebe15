package dev.retort.shell.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one serialiser of {@code --json} output: view records through Jackson with snake_case
 * names, wrapped in the versioned envelope. Thread-safe (the mapper is configured once).
 */
public final class JsonReport {

    /** The shape's version, {@code "retort_json"} in every object. */
    public static final int VERSION = 1;

    /** Where the schemas live on the class path (and in the repository under {@code shell/src/main/resources/}). */
    public static final String SCHEMA_DIRECTORY = "dev/retort/shell/json/schemas/";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {}

    /** The object for a successful run of {@code command}. */
    public static String render(String command, JsonView view) {
        return write(tree(command, view, null));
    }

    /** The object for a failed run: the view reported before failing (or null) and the error. */
    public static String failure(String command, JsonView view, ErrorView error) {
        return write(tree(command, view, error));
    }

    /** The class-path resource of {@code command}'s schema. */
    public static String schemaResource(String command) {
        return SCHEMA_DIRECTORY + command + ".schema.json";
    }

    private static ObjectNode tree(String command, JsonView view, ErrorView error) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("retort_json", VERSION);
        root.put("command", command);
        if (view != null) {
            root.setAll((ObjectNode) MAPPER.valueToTree(view));
        }
        if (error != null) {
            root.set("error", MAPPER.valueToTree(error));
        }
        return root;
    }

    private static String write(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view record did not serialise: " + e.getMessage(), e);
        }
    }
}
