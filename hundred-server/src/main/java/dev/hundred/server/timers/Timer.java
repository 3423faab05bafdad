package dev.hundred.server.timers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.http.Json;
import java.time.Instant;

/**
 * A durable timer as its handler sees it once claimed: what it is ({@code kind}), what it is about
 * ({@code subject}: a job id, a room id ...), its lane (timers of one lane, a room, fire one after the
 * other), when it was due, its JSON payload, and the lease token that
 * {@link Timers#consume} checks so that it takes effect exactly once.
 */
public record Timer(String id, String kind, String subject, String lane, String workspaceId, Instant dueAt,
                    String payload, String leaseToken, int attempts) {

    public JsonNode payloadJson() {
        return Json.read(payload, JsonNode.class);
    }
}
