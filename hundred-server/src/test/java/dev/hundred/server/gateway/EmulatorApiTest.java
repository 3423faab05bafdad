package dev.hundred.server.gateway;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Json;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorApiTest extends ApiTestBase {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z";

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    private static JsonNode json(Map<String, Object> data) {
        return Client.JSON.valueToTree(Json.MAPPER.valueToTree(data));
    }

    @Test
    void a_peer_joins_with_its_tracks_and_leaves_and_each_step_is_a_webhook_in_order() {
        String room = Live.room(api, Map.of("name", "lobby"));
        Client.Response joined = api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", "Ann",
                "user_id", "u-ann", "metadata", "{\"a\":1}",
                "tracks", List.of(Map.of("type", "audio"), Map.of("type", "video", "mute", true, "description", "cam"))));
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        JsonNode peer = joined.json();
        assertThat(peer.fieldNames()).toIterable()
                .containsExactly("id", "name", "user_id", "metadata", "role", "joined_at", "tracks");
        assertThat(peer.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(peer.path("metadata").asText()).isEqualTo("{\"a\":1}");
        assertThat(peer.path("joined_at").asText()).matches(TIME);
        List<JsonNode> tracks = List.copyOf(Client.JSON.convertValue(peer.path("tracks"), Map.class).values().stream()
                .map(t -> (JsonNode) Client.JSON.valueToTree(t)).toList());
        assertThat(tracks).extracting(t -> t.path("type").asText()).containsExactly("audio", "video");
        assertThat(tracks.get(0).fieldNames()).toIterable()
                .containsExactly("id", "stream_id", "mute", "type", "source", "started_at", "description");
        assertThat(tracks.get(0).path("stream_id").asText()).isEqualTo(tracks.get(1).path("stream_id").asText());
        assertThat(tracks.get(1).path("mute").asBoolean()).isTrue();
        assertThat(tracks.get(1).path("description").asText()).isEqualTo("cam");

        JsonNode left = Live.leave(api, room, peer.path("id").asText());
        assertThat(left.fieldNames()).toIterable()
                .containsExactly("id", "session_id", "name", "role", "user_id", "user", "joined_at", "left_at");

        List<RoomEvent> events = RecordedEvents.of(api.server(), api.workspace().id());
        assertThat(events).extracting(RoomEvent::type).containsExactly("session.open.success", "peer.join.success",
                "peer.leave.success", "session.close.success");
        assertThat(events).allMatch(e -> e.roomId().equals(room) && e.workspace().id().equals(api.workspace().id()));
        String session = left.path("session_id").asText();

        JsonNode open = json(events.get(0).data());
        assertThat(open.fieldNames()).toIterable()
                .containsExactly("room_id", "room_name", "session_id", "template_id", "session_started_at");
        assertThat(open.path("room_name").asText()).isEqualTo("lobby");
        assertThat(open.path("session_id").asText()).isEqualTo(session);
        assertThat(open.path("session_started_at").asText()).isEqualTo(peer.path("joined_at").asText());

        JsonNode join = json(events.get(1).data());
        assertThat(join.fieldNames()).toIterable().containsExactly("room_id", "room_name", "session_id", "peer_id",
                "user_id", "template_id", "user_name", "user_data", "role", "type", "joined_at", "session_started_at");
        assertThat(join.path("peer_id").asText()).isEqualTo(peer.path("id").asText());
        assertThat(join.path("user_id").asText()).isEqualTo("u-ann");
        assertThat(join.path("user_name").asText()).isEqualTo("Ann");
        assertThat(join.path("user_data").asText()).isEqualTo("{\"a\":1}");
        assertThat(join.path("type").asText()).isEqualTo("regular");

        JsonNode leave = json(events.get(2).data());
        assertThat(leave.fieldNames()).toIterable().containsExactly("room_id", "room_name", "session_id", "peer_id",
                "user_id", "template_id", "user_name", "user_data", "role", "type", "joined_at", "left_at", "duration",
                "reason", "message", "session_started_at");
        assertThat(leave.path("reason").asText()).isEqualTo("client request");
        assertThat(leave.path("duration").isInt()).isTrue();
        assertThat(leave.path("left_at").asText()).isEqualTo(left.path("left_at").asText());

        JsonNode close = json(events.get(3).data());
        assertThat(close.fieldNames()).toIterable().containsExactly("room_id", "room_name", "session_id",
                "template_id", "session_started_at", "session_duration", "session_stopped_at");
        assertThat(close.path("session_duration").isInt()).isTrue();
        assertThat(close.path("session_stopped_at").asText()).isEqualTo(left.path("left_at").asText());
        assertThat(events.get(3).at()).isEqualTo(events.get(2).at());
    }

    @Test
    void leaving_twice_emits_peer_leave_failure() {
        String room = Live.room(api);
        String peer = Live.join(api, room, "guest", "Gus").path("id").asText();
        Live.leave(api, room, peer);

        assertError(api.post("/emulator/v1/rooms/" + room + "/peers/" + peer + "/leave", null), 400,
                "Invalid request", "peer not joined");
        List<RoomEvent> events = RecordedEvents.of(api.server(), api.workspace().id());
        assertThat(events).extracting(RoomEvent::type).endsWith("session.close.success", "peer.leave.failure");
        JsonNode failure = json(events.get(events.size() - 1).data());
        assertThat(failure.fieldNames()).toIterable().containsExactly("room_id", "room_name", "peer_id", "user_id",
                "template_id", "user_name", "user_data", "role", "type", "joined_at", "left_at", "duration",
                "error_message");
        assertThat(failure.path("error_message").asText()).isEqualTo("peer not joined");
        assertError(api.post("/emulator/v1/rooms/" + room + "/peers/00000000-0000-4000-8000-000000000000/leave", null),
                404, "Peer not found");
    }

    @Test
    void bad_joins_get_the_errors_of_the_api() {
        String room = Live.room(api);
        String peers = "/emulator/v1/rooms/" + room + "/peers";
        assertError(api.post(peers, null), 400, "Invalid body param", "role is required");
        assertError(api.post(peers, Map.of("role", "host", "tracks", List.of(Map.of("type", "smell")))), 400,
                "Invalid body param", "tracks[0].type must be audio or video");
        assertError(api.post(peers, Map.of("role", "host", "metadata", Map.of("a", 1))), 400, "Invalid body param",
                "metadata must be a string");
        assertError(api.post(peers, Map.of("role", "ghost")), 403, "Peer join refused", "role not allowed");
        assertError(api.post("/emulator/v1/rooms/000000000000000000000000/peers", Map.of("role", "host")), 404,
                "Room not found");
        Client other = Client.forNewWorkspace(api.server());
        assertError(other.post(peers, Map.of("role", "host")), 404, "Room not found");
        assertError(api.withToken(null).post(peers, Map.of("role", "host")), 401, "Token validation error");
        assertThat(api.get("/v2/sessions").json().path("data").isNull()).isTrue();
    }

    @Test
    void tracks_are_published_muted_and_unpublished() {
        String room = Live.room(api);
        String peer = Live.join(api, room, "host", "Ann").path("id").asText();
        String tracks = "/emulator/v1/rooms/" + room + "/peers/" + peer + "/tracks";

        JsonNode screen = api.post(tracks, Map.of("type", "video", "source", "screen")).json();
        JsonNode camera = api.post(tracks, Map.of("type", "video")).json();
        assertThat(screen.path("source").asText()).isEqualTo("screen");
        assertThat(screen.path("stream_id").asText()).isNotEqualTo(camera.path("stream_id").asText());

        Client.Response muted = api.post(tracks + "/" + camera.path("id").asText(), Map.of("mute", true));
        assertThat(muted.status()).isEqualTo(200);
        assertThat(muted.json().path("mute").asBoolean()).isTrue();
        assertError(api.post(tracks + "/" + camera.path("id").asText(), Map.of()), 400, "Invalid body param",
                "mute is required");

        Client.Response removed = api.delete(tracks + "/" + screen.path("id").asText());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.text()).isEmpty();
        assertError(api.delete(tracks + "/" + screen.path("id").asText()), 404, "Track not found");

        JsonNode now = api.get("/v2/active-rooms/" + room + "/peers/" + peer).json();
        assertThat(now.path("tracks").fieldNames()).toIterable().containsExactly(camera.path("id").asText());
        assertThat(now.path("tracks").path(camera.path("id").asText()).path("mute").asBoolean()).isTrue();
    }

    @Test
    void the_chat_record_of_an_unknown_session_is_404() {
        assertError(api.get("/emulator/v1/sessions/000000000000000000000000/messages"), 404, "Session not found");
    }
}
