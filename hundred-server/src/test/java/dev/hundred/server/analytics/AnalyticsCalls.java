package dev.hundred.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.Client;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small steps the analytics tests share, over real HTTP. */
final class AnalyticsCalls {
    private AnalyticsCalls() {}

    /** GET /v2/analytics/events with these query pairs ("key=value", repeatable keys allowed), raw. */
    static Client.Response query(Client api, String... pairs) {
        List<String> encoded = new ArrayList<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            encoded.add(pair.substring(0, eq + 1) + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return api.get("/v2/analytics/events" + (encoded.isEmpty() ? "" : "?" + String.join("&", encoded)));
    }

    /** A page that must be 200. */
    static JsonNode page(Client api, String... pairs) {
        Client.Response response = query(api, pairs);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Every event of the query, following next until it is empty. */
    static List<JsonNode> all(Client api, String... pairs) {
        List<JsonNode> events = new ArrayList<>();
        JsonNode page = page(api, pairs);
        page.path("events").forEach(events::add);
        while (!page.path("next").asText().isEmpty()) {
            List<String> next = new ArrayList<>(List.of(pairs));
            next.add("start=" + page.path("next").asText());
            page = page(api, next.toArray(String[]::new));
            page.path("events").forEach(events::add);
        }
        return events;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    static List<String> types(JsonNode page) {
        List<JsonNode> events = new ArrayList<>();
        page.path("events").forEach(events::add);
        return types(events);
    }

    /** An emulator peer joins with these tracks ({"type":..., "source":..., "mute":...} bodies). */
    static JsonNode join(Client api, String roomId, String role, String name, List<Map<String, Object>> tracks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("name", name);
        body.put("user_id", "user-" + name);
        body.put("tracks", tracks);
        Client.Response response = api.post("/emulator/v1/rooms/" + roomId + "/peers", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static Map<String, Object> track(String type, String source, boolean mute) {
        return new LinkedHashMap<>(Map.of("type", type, "source", source, "mute", mute));
    }

    static JsonNode publish(Client api, String roomId, String peerId, String type, String source) {
        Client.Response r = api.post("/emulator/v1/rooms/" + roomId + "/peers/" + peerId + "/tracks",
                Map.of("type", type, "source", source));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static void mute(Client api, String roomId, String peerId, String trackId, boolean mute) {
        Client.Response r = api.post("/emulator/v1/rooms/" + roomId + "/peers/" + peerId + "/tracks/" + trackId,
                Map.of("mute", mute));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    static void unpublish(Client api, String roomId, String peerId, String trackId) {
        Client.Response r = api.delete("/emulator/v1/rooms/" + roomId + "/peers/" + peerId + "/tracks/" + trackId);
        assertThat(r.status()).as(r.text()).isEqualTo(204);
    }

    /** A client error event through the emulator; answers the response. */
    static Client.Response report(Client api, String roomId, String peerId, Map<String, ?> body) {
        return api.post("/emulator/v1/rooms/" + roomId + "/peers/" + peerId + "/client-events", body);
    }

    static Map<String, Object> clientError(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("error_code", 4006);
        body.put("error_name", "ICEDisconnected");
        body.put("error_message", "Ice connection state DISCONNECTED");
        return body;
    }

    /**
     * A beam.recording.success webhook as the recordings feature publishes it (spec §17.4: every webhook
     * field, including those the analytics event leaves out), published on a transaction of the server.
     */
    static Map<String, Object> publishRecording(Client api, String roomId, String sessionId, String beamId) {
        Map<String, Object> data = new LinkedHashMap<>();
        Instant now = api.server().clock().instant();
        data.put("beam_id", beamId);
        data.put("room_id", roomId);
        data.put("peer_id", "03a9c974-de21-49c0-8aa1-99a0db86794d");
        data.put("metadata_id", "1c0f3e1f-8a52-4c5b-9f0e-6f7f3a1c2b3d");
        data.put("metadata_timestamp", now);
        data.put("session_id", sessionId);
        data.put("template_id", "639924068e1ce361bfce18a2");
        data.put("created_at", now);
        data.put("duration", 33);
        data.put("location", "https://upload-location/bucket/beam/ac.mp4");
        data.put("started_at", now.minusSeconds(40));
        data.put("stopped_at", now.minusSeconds(7));
        data.put("max_width", 1280);
        data.put("max_height", 720);
        data.put("recording_id", "63bbb18fac740d9e9da5b4ea");
        data.put("recording_path", "s3://bucket/prefix/ac.mp4");
        data.put("recording_presigned_url", "https://example.test/ac.mp4?sig=1");
        data.put("chat_recording_path", "s3://bucket/prefix/chat.csv");
        data.put("chat_recording_presigned_url", "https://example.test/chat.csv?sig=1");
        data.put("meeting_url", "https://app.100ms.live/preview/rpe-pwl-akt?token=beam_recording");
        data.put("rtmp", List.of(Map.of("url", "rtmp://example.test/live")));
        data.put("session_started_at", now.minusSeconds(60));
        data.put("size", 15316104);
        api.server().database().tx(h -> {
            api.server().events().publish(h, new RoomEvent(api.workspace(), roomId, "beam.recording.success", data, now));
            return null;
        });
        return data;
    }
}
