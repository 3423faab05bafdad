package dev.hundred.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An OpenAPI 3.1 document written by hand once in a resource (docs/openapi.md): {@code openapi/openapi.yaml}
 * for /v2, {@code openapi/emulator.yaml} for /emulator/v1. The JSON form is converted from it, so the two
 * cannot differ. The tests validate every request and response against them (test {@code support/OpenApiContract}).
 */
public final class OpenApiDocument {
    public static final String RESOURCE = "openapi/openapi.yaml";
    public static final String EMULATOR_RESOURCE = "openapi/emulator.yaml";

    private final String yaml;
    private final String json;

    private OpenApiDocument(String yaml, String json) {
        this.yaml = yaml;
        this.json = json;
    }

    /** The /v2 document. */
    public static OpenApiDocument load() {
        return load(RESOURCE);
    }

    /** The document in {@code resource} (one of {@link #RESOURCE}, {@link #EMULATOR_RESOURCE}). */
    public static OpenApiDocument load(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
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
