package dev.hundred.server.externalstreams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.livestreams.Http;
import dev.hundred.server.livestreams.Streams;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An external stream's life on a frozen server clock: the beam webhooks a real receiver gets (every
 * documented key in order, {@code rtmp} populated), and with {@code recording: true} the room-composite MP4
 * of the streamed time and size, downloaded through its presigned URL.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class ExternalStreamLifecycleTest {
    static final List<String> STARTED = List.of("beam_id", "job_id", "recording_enabled", "room_id", "peer_id",
            "session_id", "metadata_id", "template_id", "metadata_timestamp", "start_delay", "state_name",
            "state_timestamp", "max_width", "max_height", "meeting_url", "rtmp", "session_started_at");
    static final List<String> STOPPED = List.of("beam_id", "job_id", "recording_enabled", "room_id", "peer_id",
            "session_id", "metadata_id", "template_id", "metadata_timestamp", "state_name", "state_timestamp",
            "duration", "max_width", "max_height", "meeting_url", "rtmp", "session_started_at", "reason");
    static final List<String> RECORDING = List.of("beam_id", "room_id", "peer_id", "metadata_id", "metadata_timestamp",
            "session_id", "template_id", "created_at", "duration", "location", "started_at", "stopped_at", "max_width",
            "max_height", "recording_id", "recording_path", "recording_presigned_url", "chat_recording_path",
            "chat_recording_presigned_url", "meeting_url", "rtmp", "session_started_at", "size");
    static final List<String> FAILURE = List.of("beam_id", "job_id", "recording_enabled", "room_id", "peer_id",
            "session_id", "template_id", "error_code", "error_message", "error_type", "metadata_id",
            "metadata_timestamp", "state_name", "state_timestamp", "duration", "max_width", "max_height", "meeting_url",
            "rtmp", "session_started_at");
    private static final String KEY_URL = "rtmp://a.rtmp.youtube.com/live2/k0jv-329m-1y7f-ktth-ck48";
    private static final String SECOND = "rtmps://live.example/app/second-key";

    @Parameter
    String backend;
    Hundred server;
    Client api;
    Receiver receiver;

    @BeforeEach
    void setUp() {
        server = Streams.clockServer(backend);
        api = Client.forNewWorkspace(server);
        api.freezeClock(true);
        receiver = Receiver.ok();
        assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private Instant now() {
        return Timestamps.parse(api.get("/emulator/v1/clock").at("/now"));
    }

    /** The beam.* webhooks of this stream, once each (at-least-once delivery), waiting for {@code count}. */
    private List<JsonNode> beamWebhooks(String streamId, int count) {
        receiver.awaitUntil(list -> distinct(list, streamId).size() >= count, Duration.ofSeconds(10), count + " beam webhooks");
        return distinct(receiver.hits(), streamId);
    }

    private static List<JsonNode> distinct(List<Receiver.Hit> hits, String streamId) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        hits.stream().map(Receiver.Hit::json)
                .filter(b -> b.path("type").asText().startsWith("beam.") && b.path("data").path("beam_id").asText().equals(streamId))
                .forEach(b -> byId.putIfAbsent(b.path("id").asText(), b));
        return new ArrayList<>(byId.values());
    }

    @Test
    void a_recorded_stream_sends_the_beam_webhooks_and_leaves_an_mp4_of_what_it_streamed() {
        String room = Live.room(api);
        Live.join(api, room, "host", "ann");
        Instant t0 = now();
        assertThat(api.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "before")).status())
                .isEqualTo(200);
        JsonNode started = api.post("/v2/external-streams/room/" + room + "/start", Map.of("rtmp_urls",
                List.of(KEY_URL, SECOND), "recording", true, "resolution", Map.of("width", 1080, "height", 1920))).json();
        String id = started.path("id").asText();
        api.advanceClock(0.2);
        assertThat(api.get("/v2/external-streams/" + id).at("/status")).isEqualTo("running");
        api.advanceClock(42);
        api.post("/v2/external-streams/" + id + "/stop", null);
        api.advanceClock(0.5);

        JsonNode done = api.get("/v2/external-streams/" + id).json();
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("started_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        assertThat(done.path("stopped_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(42_400)));
        JsonNode assets = done.path("recording_assets");
        assertThat(assets.size()).isEqualTo(2);
        JsonNode chat = assets.get(1);
        assertThat(chat.path("type").asText()).isEqualTo("chat");
        String csv = Http.get(api.get("/v2/recording-assets/" + chat.path("id").asText() + "/presigned-url").at("/url")).text();
        assertThat(csv).isEqualTo("SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message\r\n");
        JsonNode mp4 = assets.get(0);
        assertThat(mp4.path("type").asText()).isEqualTo("room-composite");
        assertThat(mp4.path("job_id").asText()).isEqualTo(id);
        assertThat(mp4.path("duration").asInt()).isEqualTo(42);
        assertThat(mp4.path("metadata").toString()).isEqualTo("{\"resolution\":{\"width\":1080,\"height\":1920}}");
        Http.Fetched file = Http.get(api.get("/v2/recording-assets/" + mp4.path("id").asText() + "/presigned-url").at("/url"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes().length).isEqualTo(mp4.path("size").asInt());
        assertThat(new String(file.bytes(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(api.get("/v2/external-streams?room_id=" + room).json().path("data").get(0).path("recording_assets")
                .get(0).path("id").asText()).isEqualTo(mp4.path("id").asText());

        List<JsonNode> hooks = beamWebhooks(id, 3);
        assertThat(hooks).extracting(h -> h.path("type").asText())
                .containsExactly("beam.started.success", "beam.stopped.success", "beam.recording.success");
        String rtmp = "[{\"url\":\"" + KEY_URL + "\"},{\"url\":\"" + SECOND + "\"}]";
        String template = api.get("/v2/rooms/" + room).at("/template_id");
        String sessionStarted = api.get("/v2/sessions/" + started.path("session_id").asText()).at("/created_at");

        JsonNode s = hooks.get(0).path("data");
        assertThat(Streams.keys(s)).containsExactlyElementsOf(STARTED);
        assertThat(s.path("job_id").asText()).isEqualTo(id);
        assertThat(s.path("recording_enabled").asBoolean()).isTrue();
        assertThat(s.path("room_id").asText()).isEqualTo(room);
        assertThat(s.path("peer_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(s.path("template_id").asText()).isEqualTo(template);
        assertThat(s.path("state_name").asText()).isEqualTo("Started");
        assertThat(s.path("start_delay").asInt()).isZero();
        assertThat(s.path("max_width").asInt()).isEqualTo(1080);
        assertThat(s.path("max_height").asInt()).isEqualTo(1920);
        assertThat(s.path("meeting_url").asText()).isEqualTo(started.path("meeting_url").asText());
        assertThat(s.path("rtmp").toString()).isEqualTo(rtmp);
        assertThat(s.path("session_started_at").asText()).isEqualTo(sessionStarted);
        assertThat(s.path("state_timestamp").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));

        JsonNode p = hooks.get(1).path("data");
        assertThat(Streams.keys(p)).containsExactlyElementsOf(STOPPED);
        assertThat(p.path("state_name").asText()).isEqualTo("Stopped");
        assertThat(p.path("duration").asInt()).isEqualTo(42);
        assertThat(p.path("reason").asText()).isEqualTo("client request");
        assertThat(p.path("rtmp").toString()).isEqualTo(rtmp);
        assertThat(p.path("peer_id").asText()).isEqualTo(s.path("peer_id").asText());

        JsonNode r = hooks.get(2).path("data");
        assertThat(Streams.keys(r)).containsExactlyElementsOf(RECORDING);
        assertThat(r.path("recording_id").asText()).isEqualTo(id);
        assertThat(r.path("recording_path").asText()).isEqualTo(mp4.path("path").asText());
        assertThat(r.path("size").asLong()).isEqualTo(mp4.path("size").asLong());
        assertThat(r.path("duration").asInt()).isEqualTo(42);
        assertThat(r.path("created_at").asText()).isEqualTo(mp4.path("created_at").asText());
        assertThat(r.path("location").asText()).isEqualTo(r.path("recording_presigned_url").asText());
        assertThat(r.path("started_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        assertThat(r.path("stopped_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(42_400)));
        assertThat(r.path("max_width").asInt()).isEqualTo(1080);
        assertThat(r.path("chat_recording_path").asText()).isEqualTo(chat.path("path").asText());
        assertThat(Http.get(r.path("chat_recording_presigned_url").asText()).text()).isEqualTo(csv);
        assertThat(r.path("rtmp").toString()).isEqualTo(rtmp);
        assertThat(Http.get(r.path("recording_presigned_url").asText()).bytes()).isEqualTo(file.bytes());
    }

    @Test
    void without_recording_there_is_no_asset_and_no_recording_webhook() {
        String room = Live.room(api);
        String id = api.post("/v2/external-streams/room/" + room + "/start", Map.of("rtmp_urls", List.of(KEY_URL))).at("/id");
        api.advanceClock(0.2);
        api.advanceClock(5);
        JsonNode stopAll = api.post("/v2/external-streams/room/" + room + "/stop", null).json();
        assertThat(stopAll.path("data").get(0).path("id").asText()).isEqualTo(id);
        api.advanceClock(0.5);
        assertThat(api.get("/v2/external-streams/" + id).json().path("recording_assets").isNull()).isTrue();
        List<JsonNode> hooks = beamWebhooks(id, 2);
        assertThat(hooks).extracting(h -> h.path("type").asText()).containsExactly("beam.started.success",
                "beam.stopped.success");
        assertThat(hooks.get(0).path("data").path("recording_enabled").asBoolean()).isFalse();
        assertThat(hooks.get(0).path("data").path("max_width").asInt()).isEqualTo(1280);
        api.advanceClock(5);
        assertThat(beamWebhooks(id, 2)).hasSize(2);
    }

    @Test
    void a_failed_stream_reports_beam_failure() {
        String room = Live.room(api);
        String id = api.post("/v2/external-streams/room/" + room + "/start",
                Map.of("rtmp_urls", List.of(KEY_URL), "recording", true)).at("/id");
        api.advanceClock(0.2);
        api.advanceClock(3);
        api.post("/emulator/v1/jobs/" + id + "/fail", Map.of("error_type", "MAX_RETRIES_REACHED",
                "error_message", "Beam couldn't connect to Meeting URL after 3 retries. Check if meeting URL is correct."));
        List<JsonNode> hooks = beamWebhooks(id, 3);
        assertThat(hooks).extracting(h -> h.path("type").asText())
                .containsExactly("beam.started.success", "beam.failure", "beam.stopped.success");
        assertThat(hooks.get(2).path("data").path("reason").asText()).isEqualTo("failure: MAX_RETRIES_REACHED");
        JsonNode f = hooks.get(1).path("data");
        assertThat(Streams.keys(f)).containsExactlyElementsOf(FAILURE);
        assertThat(f.path("error_code").asInt()).isEqualTo(1);
        assertThat(f.path("error_type").asText()).isEqualTo("MAX_RETRIES_REACHED");
        assertThat(f.path("state_name").asText()).isEqualTo("Failed");
        assertThat(f.path("duration").asInt()).isEqualTo(3);
        assertThat(f.path("rtmp").toString()).isEqualTo("[{\"url\":\"" + KEY_URL + "\"}]");
        assertThat(api.get("/v2/external-streams/" + id).json().path("recording_assets").isNull()).isTrue();
    }

    @Test
    void the_room_ending_stops_the_stream_with_reason_room_ended() {
        String room = Live.room(api);
        Live.join(api, room, "host", "ann");
        String id = api.post("/v2/external-streams/room/" + room + "/start", Map.of("rtmp_urls", List.of(KEY_URL))).at("/id");
        api.advanceClock(0.2);
        api.post("/v2/active-rooms/" + room + "/end-room", Map.of());
        api.advanceClock(1);
        assertThat(api.get("/v2/external-streams/" + id).at("/status")).isEqualTo("completed");
        assertThat(beamWebhooks(id, 2).get(1).path("data").path("reason").asText()).isEqualTo("room ended");
    }
}
