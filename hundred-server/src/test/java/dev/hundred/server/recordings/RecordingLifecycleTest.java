package dev.hundred.server.recordings;

import static dev.hundred.server.recordings.FrozenServers.json;
import static dev.hundred.server.recordings.FrozenServers.map;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recording from start to assets on a frozen clock, so every time in the answers and webhooks is exact:
 * phases at the default emulator delays (start 0.2 s, stop 0.2 s, post-processing 0.3 s), pause left out of
 * the duration, the beam webhooks with every field in the docs' order.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class RecordingLifecycleTest {
    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        api = FrozenServers.frozenClient(backend);
    }

    private static String at(Instant t0, double seconds) {
        return Timestamps.format(t0.plusNanos(Math.round(seconds * 1e9)));
    }

    private MediaJob job(String id) {
        return api.server().jobs().find(api.workspace(), id).orElseThrow();
    }

    /** Sends a chat message from a gateway peer, skipping what the peer is told meanwhile. */
    static void chat(TestPeer peer, String text) {
        peer.send(Map.of("type", "send-message", "message", text, "request_id", "chat-" + text.hashCode()));
        JsonNode reply;
        do {
            reply = peer.next();
        } while (!reply.path("request_id").asText().equals("chat-" + text.hashCode()));
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ok");
    }

    @Test
    void start_to_assets_with_exact_times_and_webhooks() {
        Instant t0 = FrozenServers.now(api);
        String room = Live.room(api, Map.of("name", "standup"));
        String template = api.get("/v2/rooms/" + room).at("/template_id");
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann")) {
            JsonNode started = Recs.start(api, room);
            String id = started.path("id").asText();
            String session = started.path("session_id").asText();
            String url = started.path("meeting_url").asText();
            assertThat(started.path("created_at").asText()).isEqualTo(at(t0, 0));
            assertThat(started.path("updated_at").asText()).isEqualTo(at(t0, 0));
            assertError(api.post("/v2/recordings/room/" + room + "/pause", null), 400, "Invalid request",
                    "recording is starting, not running");

            api.advanceClock(0.2);
            JsonNode running = Recs.get(api, id);
            assertThat(running.path("status").asText()).isEqualTo("running");
            assertThat(running.path("started_at").asText()).isEqualTo(at(t0, 0.2));
            assertThat(running.path("updated_at").asText()).isEqualTo(at(t0, 0.2));
            assertThat(running.path("stopped_at").isNull()).isTrue();

            api.advanceClock(10);
            chat(ann, "hello, everyone");
            api.advanceClock(50);
            JsonNode paused = api.post("/v2/recordings/room/" + room + "/pause", null).json();
            assertThat(paused.path("updated_at").asText()).isEqualTo(at(t0, 60.2));
            assertThat(paused.path("status").asText()).isEqualTo("running");
            api.advanceClock(30);
            assertThat(api.post("/v2/recordings/" + room + "/resume", null).at("/updated_at")).isEqualTo(at(t0, 90.2));
            api.advanceClock(10);
            JsonNode stopping = Recs.stop(api, id);
            assertThat(stopping.path("status").asText()).isEqualTo("stopping");
            assertThat(stopping.path("updated_at").asText()).isEqualTo(at(t0, 100.2));
            assertThat(stopping.path("stopped_at").isNull()).isTrue();
            assertThat(api.get("/v2/recordings?status=stopping").at("/data/0/id")).isEqualTo(id);

            api.advanceClock(0.2);
            JsonNode processing = Recs.get(api, id);
            assertThat(processing.path("status").asText()).isEqualTo("post_processing");
            assertThat(processing.path("stopped_at").asText()).isEqualTo(at(t0, 100.4));
            assertThat(processing.path("recording_assets").isNull()).isTrue();

            api.advanceClock(0.3);
            JsonNode done = Recs.get(api, id);
            assertThat(done.path("status").asText()).isEqualTo("completed");
            assertThat(done.path("updated_at").asText()).isEqualTo(at(t0, 100.7));
            assertThat(done.path("started_at").asText()).isEqualTo(at(t0, 0.2));
            assertThat(done.path("stopped_at").asText()).isEqualTo(at(t0, 100.4));
            JsonNode composite = done.path("recording_assets").get(0);
            JsonNode chat = done.path("recording_assets").get(1);
            assertThat(composite.path("type").asText()).isEqualTo("room-composite");
            assertThat(composite.path("duration").asInt()).isEqualTo(70); // 100.2 s less 30 s paused
            assertThat(composite.path("created_at").asText()).isEqualTo(at(t0, 100.7));
            assertThat(composite.path("status").asText()).isEqualTo("completed");
            assertThat(json(Client.JSON.convertValue(composite.path("metadata"), Map.class)))
                    .isEqualTo("{\"resolution\":{\"width\":1280,\"height\":720}}");
            assertThat(composite.path("path").asText()).startsWith("s3://hundred-recordings/").endsWith("/" + id + ".mp4");
            assertThat(chat.path("type").asText()).isEqualTo("chat");
            assertThat(chat.path("duration").asInt()).isZero();
            assertThat(chat.path("metadata").size()).isZero();

            MediaJob job = job(id);
            String beam = job.beamPeerId();
            assertThat(FrozenServers.types(api)).containsExactly("session.open.success", "peer.join.success",
                    "peer.join.success", "beam.started.success", "beam.stopped.success", "peer.leave.success",
                    "beam.recording.success");
            RoomEvent startedEvent = FrozenServers.events(api, "beam.started.success").get(0);
            assertThat(Timestamps.format(startedEvent.at())).isEqualTo(at(t0, 0.2));
            assertThat(json(startedEvent.data())).isEqualTo(json(map("beam_id", id, "job_id", id,
                    "recording_enabled", true, "room_id", room, "peer_id", beam, "session_id", session,
                    "metadata_id", job.metadataId(), "template_id", template, "metadata_timestamp", t0.plusMillis(200),
                    "start_delay", 0, "state_name", "Started", "state_timestamp", t0.plusMillis(200), "max_width", 1280,
                    "max_height", 720, "meeting_url", url, "rtmp", List.of(), "session_started_at", t0)));
            RoomEvent stoppedEvent = FrozenServers.events(api, "beam.stopped.success").get(0);
            assertThat(json(stoppedEvent.data())).isEqualTo(json(map("beam_id", id, "job_id", id,
                    "recording_enabled", true, "room_id", room, "peer_id", beam, "session_id", session,
                    "metadata_id", job.metadataId(), "template_id", template, "metadata_timestamp", t0.plusMillis(100_400),
                    "state_name", "Stopped", "state_timestamp", t0.plusMillis(100_400), "duration", 70,
                    "max_width", 1280, "max_height", 720, "meeting_url", url, "rtmp", List.of(),
                    "session_started_at", t0, "reason", "client request")));
            RoomEvent leave = FrozenServers.events(api, "peer.leave.success").get(0);
            assertThat(leave.data().get("peer_id")).isEqualTo(beam);
            RoomEvent recorded = FrozenServers.events(api, "beam.recording.success").get(0);
            Map<String, Object> data = recorded.data();
            String compositeUrl = (String) data.get("recording_presigned_url");
            String chatUrl = (String) data.get("chat_recording_presigned_url");
            assertThat(compositeUrl).startsWith(api.server().publicUrl() + "/assets/v1/" + composite.path("id").asText() + "/");
            assertThat(chatUrl).startsWith(api.server().publicUrl() + "/assets/v1/" + chat.path("id").asText() + "/");
            assertThat(json(data)).isEqualTo(json(map("beam_id", id, "room_id", room, "peer_id", beam,
                    "metadata_id", job.metadataId(), "metadata_timestamp", t0.plusMillis(100_700), "session_id", session,
                    "template_id", template, "created_at", t0.plusMillis(100_700), "duration", 70,
                    "location", compositeUrl, "started_at", t0.plusMillis(200), "stopped_at", t0.plusMillis(100_400),
                    "max_width", 1280, "max_height", 720, "recording_id", id,
                    "recording_path", composite.path("path").asText(), "recording_presigned_url", compositeUrl,
                    "chat_recording_path", chat.path("path").asText(), "chat_recording_presigned_url", chatUrl,
                    "meeting_url", url, "rtmp", List.of(), "session_started_at", t0, "size", composite.path("size").asLong())));
            // 24 h links (no presignDuration on the template): still good a day less a second later.
            assertThat(compositeUrl).contains("expires=" + (t0.plusMillis(100_700).getEpochSecond() + 86_400));
        }
    }

    @Test
    void the_recording_stops_once_the_last_person_has_been_gone_five_minutes() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String id = Recs.start(api, room).path("id").asText();
        api.advanceClock(1);
        Live.leave(api, room, ann);
        api.advanceClock(299.9);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("running");
        api.advanceClock(0.1);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("stopping");
        api.advanceClock(1);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("completed");
        assertThat(FrozenServers.events(api, "beam.stopped.success").get(0).data().get("reason")).isEqualTo("last peer left");
        assertThat(FrozenServers.events(api, "beam.stopped.success").get(0).data().get("duration")).isEqualTo(301); // from started_at (0.2 s) to the stop at 301 s, +0.2 s
    }

    @Test
    void the_recording_stops_at_the_templates_max_duration_or_four_hours() {
        String template = api.post("/v2/templates", "{\"roles\": {\"host\": {}}}").at("/id");
        assertThat(api.post("/v2/templates/" + template + "/recordings",
                "[{\"name\": \"short\", \"role\": \"host\", \"maxDuration\": 120}]").status()).isEqualTo(200);
        String room = Live.room(api, Map.of("template_id", template));
        Live.join(api, room, "host", "Ann");
        String id = Recs.start(api, room, Map.of("meeting_url", "https://example.com/m")).path("id").asText();
        assertThat(Recs.get(api, id).path("destination").asText()).isEqualTo("short");
        api.advanceClock(119.9);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("running");
        api.advanceClock(0.1);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("stopping");
        api.advanceClock(1);
        assertThat(FrozenServers.events(api, "beam.stopped.success").get(0).data().get("reason"))
                .isEqualTo("max duration reached");
        assertThat(FrozenServers.events(api, "beam.recording.success").get(0).data().get("duration")).isEqualTo(120); // the limit counts from the start request

        // A token of an hour would expire on the way: this client holds one of two days.
        api = new Client(api.server(), api.workspace(),
                api.server().tokens().management(api.workspace(), java.time.Duration.ofDays(2)));
        String other = Live.room(api);
        Live.join(api, other, "host", "Bob");
        String long4h = Recs.start(api, other).path("id").asText();
        api.advanceClock(4 * 3600 - 0.1);
        assertThat(Recs.get(api, long4h).path("status").asText()).isEqualTo("running");
        api.advanceClock(0.1);
        assertThat(Recs.get(api, long4h).path("status").asText()).isEqualTo("stopping");
    }

    @Test
    void ending_the_room_stops_the_recording_with_reason_room_ended() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = Recs.start(api, room).path("id").asText();
        api.advanceClock(5);
        assertThat(api.post("/v2/active-rooms/" + room + "/end-room", Map.of()).status()).isEqualTo(200);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("stopping");
        api.advanceClock(1);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("completed");
        assertThat(FrozenServers.events(api, "beam.stopped.success").get(0).data().get("reason")).isEqualTo("room ended");
    }

    @Test
    void a_failure_sends_beam_failure_then_the_stop_with_its_reason() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        JsonNode r = Recs.start(api, room);
        String id = r.path("id").asText();
        Instant t0 = FrozenServers.now(api);
        api.advanceClock(12.5);
        assertThat(api.post("/emulator/v1/jobs/" + id + "/fail", Map.of("error_type", "UPLOAD_ERROR")).status())
                .isEqualTo(200);
        JsonNode failed = Recs.get(api, id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("recording_assets").isNull()).isTrue();
        MediaJob job = job(id);
        RoomEvent failure = FrozenServers.events(api, "beam.failure").get(0);
        assertThat(json(failure.data())).isEqualTo(json(map("beam_id", id, "job_id", id, "recording_enabled", true,
                "room_id", room, "peer_id", job.beamPeerId(), "session_id", r.path("session_id").asText(),
                "template_id", api.get("/v2/rooms/" + room).at("/template_id"), "error_code", 1,
                "error_message", "Failed to upload recordings. Check if upload config is correct.",
                "error_type", "UPLOAD_ERROR", "metadata_id", job.metadataId(), "metadata_timestamp", t0.plusMillis(12_500),
                "state_name", "Failed", "state_timestamp", t0.plusMillis(12_500), "duration", 12, "max_width", 1280,
                "max_height", 720, "meeting_url", r.path("meeting_url").asText(), "rtmp", List.of(),
                "session_started_at", t0)));
        assertThat(FrozenServers.types(api)).containsSubsequence("beam.started.success", "beam.failure",
                "beam.stopped.success", "peer.leave.success");
        assertThat(FrozenServers.events(api, "beam.stopped.success").get(0).data().get("reason"))
                .isEqualTo("failure: UPLOAD_ERROR");
        assertThat(FrozenServers.types(api)).doesNotContain("beam.recording.success");
    }

    @Test
    void a_recording_stopped_before_it_started_fails_with_beam_stopped_and_never_stopped() {
        String room = Live.room(api);
        String id = Recs.start(api, room).path("id").asText();
        Recs.stop(api, id);
        api.advanceClock(1);
        assertThat(Recs.get(api, id).path("status").asText()).isEqualTo("failed");
        RoomEvent failure = FrozenServers.events(api, "beam.failure").get(0);
        assertThat(failure.data().get("error_type")).isEqualTo("BEAM_STOPPED");
        assertThat(failure.data().get("error_message")).isEqualTo("Beam stopped too early");
        assertThat(FrozenServers.types(api)).doesNotContain("beam.started.success", "beam.stopped.success");
        // a message of the emulator's own wins over the docs' text
        String other = Live.room(api);
        String second = Recs.start(api, other).path("id").asText();
        api.post("/emulator/v1/jobs/" + second + "/fail", Map.of("error_type", "INTERNAL_ERROR", "error_message", "disk full"));
        assertThat(FrozenServers.events(api, "beam.failure").get(1).data().get("error_message")).isEqualTo("disk full");
    }
}
