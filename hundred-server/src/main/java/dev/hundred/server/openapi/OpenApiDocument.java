package dev.hundred.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 document of /v2, written by hand once in {@code openapi/openapi.yaml} (docs/openapi.md);
 * the JSON form is converted from it, so the two cannot differ. The API tests validate every request and
 * response against it (test {@code support/OpenApiContract}).
 */
public final class OpenApiDocument {
    public static final String RESOURCE = "openapi/openapi.yaml";

    private final String yaml;
    private final String json;

    private OpenApiDocument(String yaml, String json) {
        this.yaml = yaml;
        this.json = json;
    }

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode tree = new YAMLMapper().readTree(yaml);
            return new OpenApiDocument(yaml, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml() {
        return yaml;
    }

    public String json() {
        return json;
    }
}
