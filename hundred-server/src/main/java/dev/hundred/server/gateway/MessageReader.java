package dev.hundred.server.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import java.util.Set;

/**
 * Reads a client's text message into a {@link ClientMessage}, or says what is wrong with it: not JSON,
 * not an object, a field of the wrong type, a NUL character (PostgreSQL cannot store one, so both back
 * ends refuse it), no or an unknown {@code type}, a field the type needs missing. The request id comes
 * back on the error whenever the message had a readable one. Field rules (lengths, track types, ...) are
 * the services', as for the REST API.
 */
final class MessageReader {
    static final Set<String> TYPES = Set.of("join", "update", "publish-track", "mute-track", "unpublish-track",
            "send-message", "leave", "poll-start", "poll-stop", "poll-response");
    /** An unknown type is echoed in the error up to this many characters. */
    private static final int ECHO = 64;

    /** A message that could not be read: the error to answer and the request id to answer it with. */
    static final class Unreadable extends RuntimeException {
        final String requestId;
        final ApiError error;

        Unreadable(String requestId, ApiError error) {
            super(error.getMessage(), null, false, false);
            this.requestId = requestId;
            this.error = error;
        }
    }

    private MessageReader() {}

    static ClientMessage read(String text) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable(null, invalid(Json.describe(e)));
        }
        if (tree == null || !tree.isObject()) {
            throw new Unreadable(null, invalid("a message is a JSON object"));
        }
        JsonNode id = tree.get("request_id");
        String requestId = id != null && id.isTextual() ? id.textValue() : null;
        String nul = Json.nulAt(tree, "");
        if (nul != null) {
            throw new Unreadable(requestId, invalid(nul + " must not contain NUL characters"));
        }
        ClientMessage msg;
        try {
            msg = Json.MAPPER.treeToValue(tree, ClientMessage.class);
        } catch (JsonProcessingException e) {
            throw new Unreadable(requestId, invalid(Json.describe(e)));
        }
        String type = msg.type();
        if (type == null) {
            throw new Unreadable(requestId, invalid("type is required"));
        }
        if (!TYPES.contains(type)) {
            String shown = type.length() > ECHO ? type.substring(0, ECHO) + "..." : type;
            throw new Unreadable(requestId, invalid("unknown type " + shown));
        }
        String missing = missing(msg);
        if (missing != null) {
            throw new Unreadable(requestId, ApiError.badBody(missing + " is required"));
        }
        return msg;
    }

    /** A field the type cannot do without that the services would not name themselves. */
    private static String missing(ClientMessage msg) {
        return switch (msg.type()) {
            case "mute-track" -> msg.trackId() == null ? "track_id" : msg.mute() == null ? "mute" : null;
            case "unpublish-track" -> msg.trackId() == null ? "track_id" : null;
            default -> null;
        };
    }

    static ApiError invalid(String detail) {
        return new ApiError(400, "Invalid message", detail);
    }
}
