package dev.hundred.server.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes {@link RoomEvent}s the way the live plane does: inside a transaction, through the server's
 * DomainEvents. Until peers can join through the API, this is how webhook tests make something happen.
 */
final class RoomEvents {
    private RoomEvents() {}

    /** A room made through the rooms API (body may carry a room-level webhook). */
    static JsonNode room(Client api, Map<String, Object> body) {
        Client.Response response = api.post("/v2/rooms", body);
        if (response.status() != 200) {
            throw new AssertionError(response.text());
        }
        return response.json();
    }

    /** {@code session.open.success} with its §17.4 data fields, committed in a transaction of its own. */
    static Instant sessionOpen(Client api, JsonNode room, String sessionId) {
        Instant at = Instant.now();
        publish(api.server(), List.of(new RoomEvent(api.workspace(), room.path("id").asText(), "session.open.success",
                sessionData(room, sessionId, at), at)));
        return at;
    }

    static Map<String, Object> sessionData(JsonNode room, String sessionId, Instant startedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", room.path("id").asText());
        data.put("room_name", room.path("name").asText());
        data.put("session_id", sessionId);
        data.put("template_id", room.path("template_id").asText());
        data.put("session_started_at", startedAt);
        return data;
    }

    /** A numbered {@code peer.join.success}: {@code user_id} carries n, so receivers can check order. */
    static RoomEvent peerJoin(Client api, JsonNode room, int n) {
        Instant at = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", room.path("id").asText());
        data.put("room_name", room.path("name").asText());
        data.put("session_id", "64f1a0b2c3d4e5f60718293a");
        data.put("peer_id", java.util.UUID.randomUUID().toString());
        data.put("user_id", "user-" + n);
        data.put("template_id", room.path("template_id").asText());
        data.put("user_name", "peer " + n);
        data.put("user_data", "");
        data.put("role", "host");
        data.put("type", "regular");
        data.put("joined_at", at);
        data.put("session_started_at", at);
        return new RoomEvent(api.workspace(), room.path("id").asText(), "peer.join.success", data, at);
    }

    /** Each event in a transaction of its own, in order. */
    static void publishEach(Hundred server, List<RoomEvent> events) {
        events.forEach(e -> publish(server, List.of(e)));
    }

    /** All events in one transaction. */
    static void publish(Hundred server, List<RoomEvent> events) {
        server.database().tx(h -> {
            events.forEach(e -> server.events().publish(h, e));
            return null;
        });
    }
}
