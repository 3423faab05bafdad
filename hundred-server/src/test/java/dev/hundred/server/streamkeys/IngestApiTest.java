package dev.hundred.server.streamkeys;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.jobs.JobStart;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The emulator's RTMP broadcaster on a stream key: the ingest webhooks with every documented field, in order
 * with the peer and session webhooks of the ingest's peer, the documented start failures, and the ingest
 * ending however its peer leaves.
 */
class IngestApiTest extends ApiTestBase {
    static final List<String> START_FIELDS = List.of("account_id", "app_id", "ingest_id", "room_id", "started_at",
            "stream_id", "template_id");
    static final List<String> END_FIELDS = List.of("account_id", "app_id", "completed_at", "duration", "ingest_id",
            "last_disconnected_at", "reason", "room_id", "started_at", "stream_id", "template_id");
    static final List<String> START_FAILURE_FIELDS = List.of("account_id", "app_id", "error_message", "room_id",
            "template_id");
    static final List<String> FAILURE_FIELDS = List.of("account_id", "app_id", "error_message", "ingest_id", "room_id",
            "template_id");
    private static final Map<String, String> START = Map.of("action", "start");
    private static final Map<String, String> STOP = Map.of("action", "stop");

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Receiver receiver() {
        Receiver receiver = Receiver.ok();
        assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
        return receiver;
    }

    private static List<String> types(List<Receiver.Hit> hits) {
        return hits.stream().map(h -> h.json().path("type").asText()).toList();
    }

    private JsonNode peers(String room) {
        return api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
    }

    @Test
    void a_broadcast_starts_and_stops_with_every_webhook_in_order() {
        try (Receiver receiver = receiver()) {
            String room = Keys.rtmpInRoom(api);
            JsonNode key = Keys.create(api, room);
            String template = api.get("/v2/rooms/" + room).at("/template_id");

            JsonNode started = Keys.ingest(api, key.path("key").asText(), START);
            assertThat(started.path("type").asText()).isEqualTo("ingest.start.success");
            JsonNode data = started.path("data");
            assertThat(fields(data)).containsExactlyElementsOf(START_FIELDS);
            assertThat(data.path("account_id").asText()).isEqualTo(api.workspace().customerId());
            assertThat(data.path("app_id").asText()).isEqualTo(api.workspace().id());
            assertThat(data.path("ingest_id").asText()).matches("[0-9a-f]{24}");
            assertThat(data.path("stream_id").asText()).matches("[0-9a-f]{24}").isNotEqualTo(data.path("ingest_id").asText());
            assertThat(data.path("room_id").asText()).isEqualTo(room);
            assertThat(data.path("template_id").asText()).isEqualTo(template);

            JsonNode peers = peers(room);
            assertThat(peers).hasSize(1);
            JsonNode peer = peers.elements().next();
            assertThat(peer.path("role").asText()).isEqualTo("broadcaster");
            assertThat(peer.path("name").asText()).isEqualTo("RTMP Ingest");
            assertThat(peer.path("user_id").asText()).isEqualTo(key.path("id").asText());
            assertThat(Timestamps.parse(peer.path("joined_at").asText()))
                    .isAfterOrEqualTo(Timestamps.parse(data.path("started_at").asText()));

            JsonNode stopped = Keys.ingest(api, key.path("key").asText(), STOP);
            assertThat(stopped.path("type").asText()).isEqualTo("ingest.end.success");
            JsonNode end = stopped.path("data");
            assertThat(fields(end)).containsExactlyElementsOf(END_FIELDS);
            assertThat(end.path("reason").asText()).isEqualTo("stream closed");
            assertThat(end.path("ingest_id").asText()).isEqualTo(data.path("ingest_id").asText());
            assertThat(end.path("stream_id").asText()).isEqualTo(data.path("stream_id").asText());
            assertThat(end.path("started_at").asText()).isEqualTo(data.path("started_at").asText());
            assertThat(end.path("last_disconnected_at").asText()).isEqualTo(end.path("completed_at").asText());
            assertThat(end.path("duration").isInt()).isTrue();
            assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");

            List<Receiver.Hit> hits = receiver.await(6, Duration.ofSeconds(10));
            assertThat(types(hits)).containsExactly("ingest.start.success", "session.open.success", "peer.join.success",
                    "ingest.end.success", "peer.leave.success", "session.close.success");
            assertThat(hits.get(0).json().path("data")).isEqualTo(data);
            assertThat(hits.get(3).json().path("data")).isEqualTo(end);
            JsonNode join = hits.get(2).json().path("data");
            assertThat(join.path("type").asText()).isEqualTo("regular");
            assertThat(join.path("role").asText()).isEqualTo("broadcaster");
            assertThat(hits.get(4).json().path("data").path("reason").asText()).isEqualTo("client request");
            for (Receiver.Hit hit : hits) {
                assertThat(hit.json().path("app_id").asText()).isEqualTo(api.workspace().id());
                assertThat(hit.json().path("account_id").asText()).isEqualTo(api.workspace().customerId());
            }
        }
    }

    @Test
    void a_stop_may_give_another_documented_reason() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        for (String reason : List.of("publish error", "reconnection window expired", "stream closed", "internal error")) {
            Keys.ingest(api, key, START);
            JsonNode end = Keys.ingest(api, key, Map.of("action", "stop", "reason", reason));
            assertThat(end.path("data").path("reason").asText()).isEqualTo(reason);
        }
        assertError(api.post("/emulator/v1/stream-keys/" + key + "/ingest", Map.of("action", "stop", "reason", "bored")),
                400, "Invalid body param", "reason must be one of publish error, reconnection window expired, "
                        + "stream closed, internal error");
    }

    /** A refused start: ingest.start.failure (its exact fields), no peer, no session. */
    private void assertRefused(JsonNode outcome, String room, String error) {
        assertThat(outcome.path("type").asText()).isEqualTo("ingest.start.failure");
        assertThat(fields(outcome.path("data"))).containsExactlyElementsOf(START_FAILURE_FIELDS);
        assertThat(outcome.path("data").path("error_message").asText()).isEqualTo(error);
        assertThat(outcome.path("data").path("room_id").asText()).isEqualTo(room);
    }

    @Test
    void a_disabled_key_refuses_the_connection_with_stream_key_disabled() {
        try (Receiver receiver = receiver()) {
            String room = Keys.rtmpInRoom(api);
            String key = Keys.create(api, room).path("key").asText();
            assertThat(api.post("/v2/stream-keys/room/" + room + "/disable", null).status()).isEqualTo(200);

            assertRefused(Keys.ingest(api, key, START), room, "stream key disabled");
            assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
            List<Receiver.Hit> hits = receiver.await(1, Duration.ofSeconds(10));
            assertThat(types(hits)).containsExactly("ingest.start.failure");
            assertThat(fields(hits.get(0).json().path("data"))).containsExactlyElementsOf(START_FAILURE_FIELDS);
        }
    }

    @Test
    void a_disabled_room_deactivates_its_key_until_it_is_enabled_again() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        Keys.setRoomEnabled(api, room, false);
        assertRefused(Keys.ingest(api, key, START), room, "stream key disabled");
        Keys.setRoomEnabled(api, room, true);
        assertThat(Keys.ingest(api, key, START).path("type").asText()).isEqualTo("ingest.start.success");
    }

    @Test
    void a_template_without_an_hls_destination_refuses_with_no_hls_destinations() {
        String room = Live.room(api);
        String key = Keys.create(api, room).path("key").asText();
        assertRefused(Keys.ingest(api, key, START), room, "no hls destinations");
    }

    @Test
    void a_second_connection_on_a_live_key_is_already_connected() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        Keys.ingest(api, key, START);
        assertRefused(Keys.ingest(api, key, START), room, "already connected");
        assertThat(peers(room)).hasSize(1);
    }

    @Test
    void the_emulator_can_force_each_documented_start_failure() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        for (String error : List.of("stream key disabled", "internal error", "no hls destinations",
                "remote session active", "already connected", "beam start error")) {
            assertRefused(Keys.ingest(api, key, Map.of("action", "start", "error_message", error)), room, error);
        }
        assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
        assertError(api.post("/emulator/v1/stream-keys/" + key + "/ingest", Map.of("action", "start", "error_message", "nope")),
                400, "Invalid body param");
    }

    @Test
    void an_hls_stream_already_running_in_the_room_is_remote_session_active() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        // A live stream started through the API, not by an ingest.
        Client.Response hls = api.post("/v2/live-streams/room/" + room + "/start",
                Map.of("meeting_url", "https://example.test/preview/" + room + "/host"));
        assertThat(hls.status()).as(hls.text()).isEqualTo(200);
        assertRefused(Keys.ingest(api, key, START), room, "remote session active");
        assertThat(api.post("/v2/live-streams/" + hls.at("/id") + "/stop", Map.of()).status()).isEqualTo(200);
        assertThat(Keys.ingest(api, key, START).path("type").asText()).isEqualTo("ingest.start.success");
    }

    @Test
    void each_change_of_an_ingest_is_published_for_other_features() {
        List<IngestChanged> changes = new CopyOnWriteArrayList<>();
        api.server().events().subscribe(IngestChanged.class, (h, e) -> {
            if (e.workspace().id().equals(api.workspace().id())) {
                h.afterCommit(() -> changes.add(e));
            }
        });
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        Keys.ingest(api, key, START);
        Keys.ingest(api, key, STOP);
        Keys.ingest(api, key, START);
        Keys.ingest(api, key, Map.of("action", "fail"));
        assertThat(changes).extracting(e -> e.ingest().status()).containsExactly("live", "ended", "live", "failed");
        assertThat(changes).extracting(e -> e.room().id()).containsOnly(room);
    }

    @Test
    void a_failure_sends_ingest_failure_and_the_peer_leaves() {
        try (Receiver receiver = receiver()) {
            String room = Keys.rtmpInRoom(api);
            String key = Keys.create(api, room).path("key").asText();
            String ingestId = Keys.ingest(api, key, START).at("/data/ingest_id").asText();

            JsonNode failed = Keys.ingest(api, key, Map.of("action", "fail"));
            assertThat(failed.path("type").asText()).isEqualTo("ingest.failure");
            assertThat(fields(failed.path("data"))).containsExactlyElementsOf(FAILURE_FIELDS);
            assertThat(failed.path("data").path("error_message").asText()).isEqualTo("internal error");
            assertThat(failed.path("data").path("ingest_id").asText()).isEqualTo(ingestId);

            List<Receiver.Hit> hits = receiver.await(6, Duration.ofSeconds(10));
            assertThat(types(hits)).containsExactly("ingest.start.success", "session.open.success", "peer.join.success",
                    "ingest.failure", "peer.leave.success", "session.close.success");
            assertThat(hits.get(4).json().path("data").path("reason").asText()).isEqualTo("server removed peer");

            JsonNode custom = Keys.ingest(api, key, Map.of("action", "start"));
            assertThat(custom.path("type").asText()).as("the key takes a new connection").isEqualTo("ingest.start.success");
            assertThat(Keys.ingest(api, key, Map.of("action", "fail", "error_message", "encoder gone")).at("/data/error_message").asText())
                    .isEqualTo("encoder gone");
        }
    }

    @Test
    void removing_the_ingest_peer_or_ending_the_room_ends_the_ingest_with_stream_closed() {
        try (Receiver receiver = receiver()) {
            String room = Keys.rtmpInRoom(api);
            String key = Keys.create(api, room).path("key").asText();
            Keys.ingest(api, key, START);
            String peer = peers(room).fieldNames().next();
            assertThat(api.post("/v2/active-rooms/" + room + "/remove-peers", Map.of("peer_id", peer, "reason", "off")).status())
                    .isEqualTo(200);
            List<Receiver.Hit> hits = receiver.await(6, Duration.ofSeconds(10));
            assertThat(types(hits).subList(3, 6)).containsExactly("peer.leave.success", "ingest.end.success",
                    "session.close.success");
            assertThat(hits.get(4).json().path("data").path("reason").asText()).isEqualTo("stream closed");
            assertError(api.post("/emulator/v1/stream-keys/" + key + "/ingest", STOP), 400, "Invalid request",
                    "no ingest is live on this stream key");

            Keys.ingest(api, key, START);
            Live.join(api, room, "viewer", "Vic");
            assertThat(api.post("/v2/active-rooms/" + room + "/end-room", Map.of("reason", "done")).status()).isEqualTo(200);
            hits = receiver.awaitUntil(list -> types(list).stream().filter("ingest.end.success"::equals).count() == 2,
                    Duration.ofSeconds(10), "a second ingest.end.success");
            assertThat(hits.stream().filter(h -> h.json().path("type").asText().equals("ingest.end.success"))
                    .map(h -> h.json().at("/data/reason").asText()).toList()).containsExactly("stream closed", "stream closed");
            assertThat(Keys.ingest(api, key, START).path("type").asText()).isEqualTo("ingest.start.success");
        }
    }

    @Test
    void a_room_that_refuses_the_peer_breaks_the_started_ingest() {
        try (Receiver receiver = receiver()) {
            String room = Keys.rtmpInRoom(api);
            String key = Keys.create(api, room).path("key").asText();
            JsonNode outcome = Keys.ingest(api, key, Map.of("action", "start", "role", "nobody"));
            assertThat(outcome.path("type").asText()).isEqualTo("ingest.failure");
            assertThat(outcome.path("data").path("error_message").asText()).isEqualTo("internal error");
            List<Receiver.Hit> hits = receiver.await(3, Duration.ofSeconds(10));
            assertThat(types(hits)).containsExactly("ingest.start.success", "peer.join.failure", "ingest.failure");
            assertThat(hits.get(1).json().at("/data/error_message").asText()).isEqualTo("role not allowed");
            assertThat(Keys.ingest(api, key, START).path("type").asText()).isEqualTo("ingest.start.success");
        }
    }

    @Test
    void a_key_disabled_while_live_keeps_its_stream_until_it_stops() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        Keys.ingest(api, key, START);
        assertThat(api.post("/v2/stream-keys/room/" + room + "/disable", null).status()).isEqualTo(200);
        assertThat(peers(room)).hasSize(1);
        assertThat(Keys.ingest(api, key, STOP).path("type").asText()).isEqualTo("ingest.end.success");
        assertRefused(Keys.ingest(api, key, START), room, "stream key disabled");
    }

    @Test
    void the_ingest_peer_takes_the_templates_first_role_when_it_has_no_broadcaster() {
        String template = api.post("/v2/templates", """
                {"name": "hls-%s", "roles": {"presenter": {}, "viewer": {}},
                 "destinations": {"hlsDestinations": {"main": {}}}}""".formatted(System.nanoTime())).at("/id");
        String room = Live.room(api, Map.of("template_id", template));
        String key = Keys.create(api, room).path("key").asText();
        Keys.ingest(api, key, START);
        assertThat(peers(room).elements().next().path("role").asText()).isEqualTo("presenter");
    }

    @Test
    void unknown_keys_and_another_workspaces_keys_are_not_found() {
        Client other = Client.forNewWorkspace(api.server());
        String theirs = Keys.create(other, Keys.rtmpInRoom(other)).path("key").asText();
        for (String key : List.of(theirs, "0".repeat(32), "nope", "%20", "a".repeat(4000))) {
            assertError(api.post("/emulator/v1/stream-keys/" + key + "/ingest", START), 404, "Key not found");
        }
        assertThat(Keys.ingest(other, theirs, START).path("type").asText()).isEqualTo("ingest.start.success");
    }

    @Test
    void bad_bodies_are_400_and_change_nothing() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        String path = "/emulator/v1/stream-keys/" + key + "/ingest";
        assertError(api.post(path, null), 400, "Invalid body param", "action must be start, stop or fail");
        assertError(api.post(path, Map.of("action", "pause")), 400, "Invalid body param", "action must be start, stop or fail");
        assertError(api.post(path, Map.of("action", 5)), 400, "Invalid body param", "action must be a string");
        assertError(api.post(path, "[]"), 400, "Invalid body param", "body must be a JSON object");
        assertError(api.post(path, "{\"action\":"), 400, "Invalid body param", "malformed JSON");
        Map<String, Object> nul = new HashMap<>(START);
        nul.put("role", "broad\u0000caster");
        assertError(api.post(path, nul), 400, "Invalid body param", "role must not contain NUL characters");
        assertError(api.post(path, Map.of("action", "start", "role", "r".repeat(256))), 400, "Invalid body param");
        assertError(api.post(path, Map.of("action", "fail", "error_message", "x".repeat(256))), 400, "Invalid body param");
        assertError(api.post(path, STOP), 400, "Invalid request", "no ingest is live on this stream key");
        assertError(api.post(path, Map.of("action", "fail")), 400, "Invalid request", "no ingest is live on this stream key");
        assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
        assertError(api.withToken(null).post(path, START), 401, "Token validation error");
    }
}
