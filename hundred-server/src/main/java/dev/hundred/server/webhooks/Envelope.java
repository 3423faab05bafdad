package dev.hundred.server.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a receiver gets (spec §17.3, decisions.md): {@code version} "2.0", {@code id}, {@code app_id},
 * {@code account_id} (the customer id), {@code timestamp}, {@code type}, {@code data} with
 * {@code template_id} inside it as the live plane puts it. Replays add {@code is_replay: true} at the top.
 */
public final class Envelope {
    static final String VERSION = "2.0";

    private Envelope() {}

    /** {@code at}: the event's time as stored (microseconds), so the history shows the same timestamp. */
    public static String of(String eventId, RoomEvent event, java.time.Instant at) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", VERSION);
        envelope.put("id", eventId);
        envelope.put("app_id", event.workspace().id());
        envelope.put("account_id", event.workspace().customerId());
        envelope.put("timestamp", Timestamps.format(at));
        envelope.put("type", event.type());
        envelope.put("data", event.data());
        return Json.write(envelope);
    }

    /** The stored body of a delivery, marked as a replay (spec §13.3). */
    static String asReplay(String body) {
        try {
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(body);
            tree.put("is_replay", true);
            return Json.MAPPER.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored webhook body is not JSON", e);
        }
    }

    /** The {@code data} object of a stored body, for the delivery history. */
    static Object data(String body) {
        try {
            return Json.MAPPER.readTree(body).get("data");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored webhook body is not JSON", e);
        }
    }
}
