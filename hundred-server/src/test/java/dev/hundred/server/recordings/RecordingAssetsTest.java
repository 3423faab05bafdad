package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files a completed recording leaves (spec §9), downloaded through their presigned links and read
 * back: the room-composite MP4 of the recorded duration and resolution (or audio only), and the chat CSV
 * of the messages sent while it ran.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class RecordingAssetsTest {
    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        api = FrozenServers.frozenClient(backend);
    }

    /** Starts, runs {@code seconds} (after the 0.2 s start), stops and completes; answers the completed recording. */
    private JsonNode record(String room, Object body, double seconds) {
        String id = Recs.start(api, room, body).path("id").asText();
        api.advanceClock(0.2 + seconds);
        Recs.stop(api, id);
        api.advanceClock(0.5);
        JsonNode done = Recs.get(api, id);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        return done;
    }

    private static JsonNode asset(JsonNode recording, String type) {
        for (JsonNode a : recording.path("recording_assets")) {
            if (a.path("type").asText().equals(type)) {
                return a;
            }
        }
        throw new AssertionError("no " + type + " asset in " + recording);
    }

    @Test
    void the_composite_is_an_mp4_of_the_recorded_duration_and_resolution() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        JsonNode done = record(room, Map.of("resolution", Map.of("width", 1920, "height", 1080)), 75.25);
        JsonNode composite = asset(done, "room-composite");
        Download.File file = Download.asset(api, composite.path("id").asText());
        assertThat(file.contentType()).isEqualTo("video/mp4");
        assertThat((long) file.bytes().length).isEqualTo(composite.path("size").asLong());
        Mp4Reader mp4 = new Mp4Reader(file.bytes());
        assertThat(mp4.top.get(0).type()).isEqualTo("ftyp");
        assertThat(mp4.top).extracting(Mp4Reader.Box::type).contains("moov", "mdat");
        assertThat(mp4.durationMillis()).isEqualTo(75_450); // 75.25 s and the 0.2 s it took to stop
        assertThat(composite.path("duration").asInt()).isEqualTo(75);
        assertThat(mp4.tracks()).contains(new Mp4Reader.Track("vide", 1920, 1080));
        assertThat(mp4.tracks()).extracting(Mp4Reader.Track::handler).containsExactlyInAnyOrder("vide", "soun");
        assertThat(composite.path("metadata").path("resolution").path("width").asInt()).isEqualTo(1920);
        // the webhook's link serves the same bytes
        String hooked = (String) FrozenServers.events(api, "beam.recording.success").get(0).data().get("recording_presigned_url");
        assertThat(Download.of(hooked).bytes()).isEqualTo(file.bytes());
    }

    @Test
    void pausing_is_left_out_of_the_file_and_audio_only_has_no_picture() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = Recs.start(api, room, Map.of("audio_only", true)).path("id").asText();
        api.advanceClock(10.2);
        api.post("/v2/recordings/room/" + room + "/pause", null);
        api.advanceClock(600);
        api.post("/v2/recordings/room/" + room + "/resume", null);
        api.advanceClock(5);
        Recs.stop(api, id);
        api.advanceClock(0.5);
        JsonNode composite = asset(Recs.get(api, id), "room-composite");
        assertThat(composite.path("metadata").path("media_type").asText()).isEqualTo("audio");
        assertThat(composite.path("metadata").has("resolution")).isFalse();
        Download.File file = Download.asset(api, composite.path("id").asText());
        assertThat(file.contentType()).isEqualTo("audio/mp4");
        Mp4Reader mp4 = new Mp4Reader(file.bytes());
        assertThat(mp4.durationMillis()).isEqualTo(15_200);
        assertThat(mp4.tracks()).extracting(Mp4Reader.Track::handler).containsExactly("soun");
        assertThat(composite.path("duration").asInt()).isEqualTo(15);
    }

    private static String plus(Instant t, long millis) {
        return dev.hundred.server.http.Timestamps.format(t.plusMillis(millis));
    }

    @Test
    void the_chat_asset_holds_the_messages_sent_while_the_recording_ran() {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann")) {
            RecordingLifecycleTest.chat(ann, "before the recording");
            String id = Recs.start(api, room).path("id").asText();
            api.advanceClock(1.2);
            Instant sent = FrozenServers.now(api);
            RecordingLifecycleTest.chat(ann, "hello, \"all\"");
            api.advanceClock(0.001); // messages of one instant have no order of their own
            assertThat(api.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "from the server")).status())
                    .isEqualTo(200);
            api.advanceClock(0.001);
            assertThat(api.post("/v2/active-rooms/" + room + "/send-message",
                    Map.of("message", "to hosts", "role", "host")).status()).isEqualTo(200);
            assertThat(api.post("/v2/active-rooms/" + room + "/send-message",
                    Map.of("message", "just you", "peer_id", ann.peerId())).status()).isEqualTo(200);
            api.advanceClock(0.998);
            Recs.stop(api, id);
            api.advanceClock(0.1);
            RecordingLifecycleTest.chat(ann, "while it stops"); // still before stopped_at
            api.advanceClock(0.4);
            RecordingLifecycleTest.chat(ann, "after the recording");
            JsonNode chat = asset(Recs.get(api, id), "chat");
            Download.File file = Download.asset(api, chat.path("id").asText());
            assertThat(file.contentType()).startsWith("text/csv");
            String at = dev.hundred.server.http.Timestamps.format(sent);
            String later = dev.hundred.server.http.Timestamps.format(sent.plusMillis(1100));
            assertThat(file.text()).isEqualTo("SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message\r\n"
                    + ann.peerId() + ",Ann,user-Ann,[],"
                    + at + ",chat,\"hello, \"\"all\"\"\"\r\n"
                    + ",,,[]," + plus(sent, 1) + ",chat,from the server\r\n"
                    + ",,,[host]," + plus(sent, 2) + ",chat,to hosts\r\n"
                    + ann.peerId() + ",Ann,user-Ann,[]," + later + ",chat,while it stops\r\n");
            assertThat(chat.path("size").asLong()).isEqualTo(file.bytes().length);
        }
    }

    @Test
    void assets_are_listed_retrieved_and_presigned_for_their_workspace_only() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        JsonNode done = record(room, Map.of(), 3);
        String id = done.path("id").asText();
        JsonNode composite = asset(done, "room-composite");
        String compositeId = composite.path("id").asText();
        JsonNode retrieved = api.get("/v2/recording-assets/" + compositeId).json();
        assertThat(Recs.keys(retrieved)).containsExactly("id", "job_id", "room_id", "session_id", "type", "path", "status",
                "size", "duration", "created_at", "thumbnails", "metadata");
        assertThat(retrieved.path("job_id").asText()).isEqualTo(id);
        assertThat(retrieved.path("thumbnails").isNull()).isTrue();
        JsonNode page = api.get("/v2/recording-assets?room_id=" + room).json();
        assertThat(page.path("data")).extracting(a -> a.path("type").asText()).containsExactly("chat", "room-composite");
        assertThat(api.get("/v2/recording-assets?session_id=" + done.path("session_id").asText() + "&type=chat")
                .json().path("data")).hasSize(1);
        assertThat(api.get("/v2/recording-assets?status=failed").json().path("data").isNull()).isTrue();

        JsonNode presigned = api.get("/v2/recording-assets/" + compositeId + "/presigned-url?presign_duration=60").json();
        assertThat(Recs.keys(presigned)).containsExactly("id", "path", "url", "expiry");
        assertThat(presigned.path("expiry").asLong()).isEqualTo(60);
        assertThat(presigned.path("path").asText()).isEqualTo(composite.path("path").asText());
        assertThat(Download.of(presigned.path("url").asText()).bytes()).hasSize(composite.path("size").asInt());
        api.advanceClock(61);
        assertThat(status(presigned.path("url").asText())).isEqualTo(403);
        assertThat(status(presigned.path("url").asText().replaceAll("signature=[0-9a-f]", "signature=0"))).isEqualTo(403);

        Client other = Client.forNewWorkspace(api.server());
        dev.hundred.server.support.ErrorAssert.assertError(other.get("/v2/recording-assets/" + compositeId), 404,
                "Asset not found");
        assertThat(other.get("/v2/recording-assets").json().path("data").isNull()).isTrue();
    }

    private static int status(String url) {
        return dev.hundred.server.livestreams.Http.get(url).status();
    }
}
