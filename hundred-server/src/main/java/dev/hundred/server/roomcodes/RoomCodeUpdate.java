package dev.hundred.server.roomcodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.http.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code POST /v2/room-codes/code}: {@code {"code", "enabled"}}, both required. This is the
 * one endpoint where an unknown field is an error (spec §4.5; decisions.md, Bodies), so it is read
 * field by field rather than through the lenient mapper.
 */
public record RoomCodeUpdate(String code, boolean enabled) {
    private static final Set<String> FIELDS = Set.of("code", "enabled");

    static RoomCodeUpdate parse(byte[] body) {
        JsonNode tree = tree(body);
        if (tree == null || !tree.isObject()) {
            throw RoomCodeErrors.badUpdateBody("body must be a JSON object with code and enabled");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw RoomCodeErrors.badUpdateBody("unknown field " + name);
            }
        }
        JsonNode code = tree.get("code");
        if (code == null || code.isNull()) {
            throw RoomCodeErrors.badUpdateBody("code is required");
        }
        if (!code.isTextual() || code.asText().isEmpty()) {
            throw RoomCodeErrors.badUpdateBody("code must be a non-empty string");
        }
        JsonNode enabled = tree.get("enabled");
        if (enabled == null || enabled.isNull()) {
            throw RoomCodeErrors.badUpdateBody("enabled is required");
        }
        if (!enabled.isBoolean()) {
            throw RoomCodeErrors.badUpdateBody("enabled must be a boolean");
        }
        return new RoomCodeUpdate(code.asText(), enabled.asBoolean());
    }

    private static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RoomCodeErrors.badUpdateBody(Json.describe(e));
        } catch (IOException e) {
            throw RoomCodeErrors.badUpdateBody("body could not be read");
        }
    }
}
