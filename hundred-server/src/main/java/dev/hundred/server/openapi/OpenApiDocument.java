package dev.hundred.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of everything Hundred serves, written by hand once in the resource
 * {@code openapi/openapi.yaml} (docs/openapi.md): /v2, /emulator/v1 and the server's own paths. The JSON form is
 * converted from it, so the two cannot differ. The tests validate every request and response against it (test
 * {@code support/OpenApiContract}). {@link #withoutEmulator} is the copy a server run with --emulator false serves.
 */
public final class OpenApiDocument {
    public static final String RESOURCE = "openapi/openapi.yaml";
    /** The prefix of the emulator's paths: 404 with --emulator false, so not in that server's copy. */
    public static final String EMULATOR_PREFIX = "/emulator/";
    private static final Pattern REF = Pattern.compile("^#/components/([^/]+)/([^/]+)$");

    private final String yaml;
    private final String json;

    private OpenApiDocument(String yaml, String json) {
        this.yaml = yaml;
        this.json = json;
    }

    /** The document as written. */
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new OpenApiDocument(yaml, json(new YAMLMapper().readTree(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document without the /emulator paths and the components only they use (what a ref reaches from
     * anything else is kept). Its YAML is written from the tree, so the hand-written comments are not in it.
     */
    public OpenApiDocument withoutEmulator() {
        try {
            ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(json);
            ((ObjectNode) tree.path("paths")).properties().removeIf(path -> path.getKey().startsWith(EMULATOR_PREFIX));
            tree.withArray("tags").removeIf(tag -> tag.path("name").asText().startsWith("Emulator "));
            keepReachable(tree);
            return new OpenApiDocument(new YAMLMapper().writeValueAsString(tree), json(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every component no $ref reaches from outside components (the paths, the security requirements). */
    private static void keepReachable(ObjectNode tree) {
        ObjectNode components = (ObjectNode) tree.path("components");
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        tree.properties().forEach(e -> {
            if (!e.getKey().equals("components")) {
                todo.add(e.getValue());
            }
        });
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                Matcher m = ref == null ? null : REF.matcher(ref.asText());
                if (m != null && m.matches() && reached.add(m.group(1) + "/" + m.group(2))) {
                    todo.add(components.path(m.group(1)).path(m.group(2)));
                }
            }
            node.forEach(todo::add);
        }
        components.properties().forEach(section -> {
            if (!section.getKey().equals("securitySchemes") && section.getValue() instanceof ObjectNode members) {
                members.properties().removeIf(member -> !reached.contains(section.getKey() + "/" + member.getKey()));
            }
        });
    }

    private static String json(JsonNode tree) throws IOException {
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    public String yaml() {
        return yaml;
    }

    public String json() {
        return json;
    }
}
