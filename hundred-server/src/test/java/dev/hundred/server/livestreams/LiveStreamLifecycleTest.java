package dev.hundred.server.livestreams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A live stream's life on a frozen server clock, so every time is exact: the job's phases, the HLS webhooks
 * a real receiver gets (every documented key, in order), the playback files while it runs (sequence numbers
 * moving with the clock, 404 before and after), timed metadata reaching a gateway peer and the playlist,
 * the recording's pause, and the assets it leaves, downloaded through their presigned URLs.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class LiveStreamLifecycleTest {
    static final List<String> STARTED = List.of("beam_id", "job_id", "recording_single_file_per_layer_enabled",
            "recording_vod_playlist_enabled", "room_id", "peer_id", "session_id", "template_id", "meeting_url",
            "metadata_id", "metadata_timestamp", "start_delay", "state_name", "state_timestamp", "max_width",
            "max_height", "url", "started_at", "session_started_at");
    static final List<String> STOPPED = List.of("beam_id", "job_id", "recording_single_file_per_layer_enabled",
            "recording_vod_playlist_enabled", "room_id", "peer_id", "session_id", "template_id", "max_width",
            "max_height", "meeting_url", "metadata_id", "metadata_timestamp", "state_name", "state_timestamp", "url",
            "duration", "started_at", "stopped_at", "session_started_at", "reason", "live_transcription_enabled");
    static final List<String> FAILURE = List.of("beam_id", "job_id", "recording_single_file_per_layer_enabled",
            "recording_vod_playlist_enabled", "room_id", "peer_id", "session_id", "template_id", "max_width",
            "max_height", "meeting_url", "error_code", "error_message", "error_type", "metadata_id",
            "metadata_timestamp", "state_name", "state_timestamp", "duration", "session_started_at");
    static final List<String> RECORDING = List.of("beam_id", "room_id", "metadata_id", "metadata_timestamp", "duration",
            "session_id", "template_id", "hls_vod_recording_path", "hls_vod_recording_presigned_url",
            "chat_recording_path", "chat_recording_presigned_url", "hls_vod_recording_size", "max_width", "max_height",
            "meeting_url", "recording_created_at", "started_at", "stopped_at", "recording_id", "recording_single_files",
            "recording_hls_vod_playlist_location", "recording_thumbnails", "session_started_at");
    private static final Pattern SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");

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

    private JsonNode start(String room, Object body) {
        Client.Response r = api.post("/v2/live-streams/room/" + room + "/start", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private JsonNode stream(String id) {
        return api.get("/v2/live-streams/" + id).json();
    }

    /**
     * The hls.* webhooks the receiver got for this stream, once each (delivery is at least once: a clock
     * moved past an attempt's lease can send a row again, with the same id), waiting until there are {@code count}.
     */
    private List<JsonNode> hlsWebhooks(String streamId, int count) {
        receiver.awaitUntil(list -> distinct(list, streamId).size() >= count, Duration.ofSeconds(10),
                count + " hls webhooks");
        return distinct(receiver.hits(), streamId);
    }

    private static List<JsonNode> distinct(List<Receiver.Hit> hits, String streamId) {
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        hits.stream().filter(h -> isHls(h, streamId)).map(Receiver.Hit::json)
                .forEach(body -> byId.putIfAbsent(body.path("id").asText(), body));
        return new ArrayList<>(byId.values());
    }

    private static boolean isHls(Receiver.Hit hit, String streamId) {
        JsonNode body = hit.json();
        return body.path("type").asText().startsWith("hls.") && body.path("data").path("job_id").asText("").equals(streamId)
                || body.path("type").asText().equals("hls.recording.success")
                && body.path("data").path("beam_id").asText().equals(streamId);
    }

    private String recorderOf(String room) {
        JsonNode peers = api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
        List<String> ids = new ArrayList<>();
        peers.fields().forEachRemaining(e -> {
            if (e.getValue().path("role").asText().equals("__internal_recorder")) {
                ids.add(e.getKey());
            }
        });
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static long sequenceOf(String playlist) {
        Matcher m = SEQUENCE.matcher(playlist);
        assertThat(m.find()).as(playlist).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> segmentsOf(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("segment")).toList();
    }

    @Test
    void a_stream_runs_through_its_phases_with_its_webhooks_in_order() {
        String room = Live.room(api);
        Live.join(api, room, "host", "ann");
        Instant t0 = now();
        JsonNode started = start(room, Map.of("meeting_url", "https://example.test/m"));
        String id = started.path("id").asText();
        String recorder = recorderOf(room);
        assertThat(started.path("created_at").asText()).isEqualTo(Timestamps.format(t0));

        api.advanceClock(0.2);
        JsonNode running = stream(id);
        assertThat(running.path("status").asText()).isEqualTo("running");
        assertThat(running.path("started_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        api.advanceClock(60);
        assertThat(api.post("/v2/live-streams/" + id + "/stop", null).json().path("status").asText()).isEqualTo("stopping");
        api.advanceClock(0.2);
        assertThat(stream(id).path("status").asText()).isEqualTo("post_processing");
        api.advanceClock(0.3);
        JsonNode done = stream(id);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("stopped_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(60_400)));
        assertThat(done.path("recording_assets").isNull()).isTrue();

        List<JsonNode> hooks = hlsWebhooks(id, 2);
        assertThat(hooks).extracting(h -> h.path("type").asText()).containsExactly("hls.started.success", "hls.stopped.success");
        JsonNode s = hooks.get(0).path("data");
        assertThat(Streams.keys(s)).containsExactlyElementsOf(STARTED);
        String template = api.get("/v2/rooms/" + room).at("/template_id");
        String sessionStarted = api.get("/v2/sessions/" + started.path("session_id").asText()).at("/created_at");
        assertThat(s.path("beam_id").asText()).isEqualTo(id);
        assertThat(s.path("job_id").asText()).isEqualTo(id);
        assertThat(s.path("recording_single_file_per_layer_enabled").asBoolean()).isFalse();
        assertThat(s.path("recording_vod_playlist_enabled").asBoolean()).isFalse();
        assertThat(s.path("room_id").asText()).isEqualTo(room);
        assertThat(s.path("peer_id").asText()).isEqualTo(recorder);
        assertThat(s.path("session_id").asText()).isEqualTo(started.path("session_id").asText());
        assertThat(s.path("template_id").asText()).isEqualTo(template);
        assertThat(s.path("meeting_url").asText()).isEqualTo("https://example.test/m");
        assertThat(s.path("metadata_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(s.path("metadata_timestamp").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        assertThat(s.path("start_delay").asInt()).isZero();
        assertThat(s.path("state_name").asText()).isEqualTo("HLSStarted");
        assertThat(s.path("state_timestamp").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        assertThat(s.path("max_width").asInt()).isEqualTo(1280);
        assertThat(s.path("max_height").asInt()).isEqualTo(720);
        assertThat(s.path("url").asText()).isEqualTo(started.path("playback").path("url").asText());
        assertThat(s.path("started_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        assertThat(s.path("session_started_at").asText()).isEqualTo(sessionStarted);

        JsonNode p = hooks.get(1).path("data");
        assertThat(Streams.keys(p)).containsExactlyElementsOf(STOPPED);
        assertThat(p.path("state_name").asText()).isEqualTo("HLSStopped");
        assertThat(p.path("duration").asInt()).isEqualTo(60);
        assertThat(p.path("stopped_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(60_400)));
        assertThat(p.path("reason").asText()).isEqualTo("client request");
        assertThat(p.path("live_transcription_enabled").asBoolean()).isFalse();
        assertThat(p.path("url").asText()).isEqualTo(s.path("url").asText());
        assertThat(p.path("metadata_id").asText()).isEqualTo(s.path("metadata_id").asText());
    }

    @Test
    void the_playback_url_serves_hls_while_the_stream_runs() {
        Streams.builtInDestinations(api, "{\"hlsDestinations\": {\"main\": {\"layers\": [{\"width\": 1920, \"height\": 1080,"
                + " \"videoBitrate\": 4000, \"audioBitrate\": 128}, {\"width\": 640, \"height\": 360}],"
                + " \"playlistType\": \"live\", \"numPlaylistSegments\": 3}}}");
        String room = Live.room(api);
        JsonNode started = start(room, Map.of());
        String master = started.path("playback").path("url").asText();
        String base = master.substring(0, master.length() - "master.m3u8".length());
        Http.Fetched before = Http.get(master);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.text()).isEqualTo("{\"code\":404,\"message\":\"Not found\",\"details\":[\"live stream is starting, not running\"]}");

        api.advanceClock(0.2);
        Http.Fetched m = Http.get(master);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.contentType()).startsWith("application/vnd.apple.mpegurl");
        assertThat(m.text()).startsWith("#EXTM3U").contains("RESOLUTION=1920x1080", "RESOLUTION=640x360",
                "stream_0/stream.m3u8", "stream_1/stream.m3u8").doesNotContain("stream_2");
        assertThat(m.text()).contains("BANDWIDTH=4128000");

        api.advanceClock(10);
        Http.Fetched media = Http.get(base + "stream_0/stream.m3u8");
        assertThat(media.status()).isEqualTo(200);
        assertThat(media.contentType()).startsWith("application/vnd.apple.mpegurl");
        assertThat(sequenceOf(media.text())).isEqualTo(2); // 5 segments done, a window of 3
        assertThat(segmentsOf(media.text())).containsExactly("segment2.m4s", "segment3.m4s", "segment4.m4s");
        JsonNode clock = api.advanceClock(4);
        String later = Http.get(base + "stream_1/stream.m3u8").text();
        assertThat(sequenceOf(later)).as("%s at %s", later, clock).isEqualTo(4);
        assertThat(segmentsOf(later)).containsExactly("segment4.m4s", "segment5.m4s", "segment6.m4s");

        Http.Fetched segment = Http.get(base + "stream_1/segment6.m4s");
        assertThat(segment.status()).isEqualTo(200);
        assertThat(segment.contentType()).isEqualTo("video/mp4");
        assertThat(new String(segment.bytes(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isIn("moof", "styp");
        Http.Fetched head = Http.head(base + "stream_1/segment6.m4s");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.contentLength()).isEqualTo(segment.bytes().length);
        Http.Fetched init = Http.get(base + "stream_0/init.mp4");
        assertThat(init.status()).isEqualTo(200);
        assertThat(new String(init.bytes(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(Http.get(base + "stream_1/segment7.m4s").status()).isEqualTo(404); // not complete yet
        assertThat(Http.get(base + "stream_2/stream.m3u8").status()).isEqualTo(404);

        String token = base.replaceAll(".*/([0-9a-f]{32})/$", "$1");
        assertThat(Http.get(master.replace(token, "0".repeat(32))).text()).contains("no live stream at this URL");
        assertThat(Http.get(master.replace(started.path("id").asText(), "000000000000000000000000")).status())
                .isEqualTo(404);

        api.post("/v2/live-streams/" + started.path("id").asText() + "/stop", null);
        assertThat(Http.get(master).text()).contains("live stream is stopping, not running");
        api.advanceClock(1);
        assertThat(Http.get(base + "stream_0/stream.m3u8").text()).contains("live stream is completed, not running");
    }

    @Test
    void timed_metadata_reaches_the_rooms_gateway_peers_and_the_playlist() {
        String room = Live.room(api);
        try (TestPeer viewer = Live.gatewayPeer(api, room, "guest", "vic")) {
            JsonNode started = start(room, Map.of());
            String id = started.path("id").asText();
            api.advanceClock(0.2);
            Instant runningAt = now();
            api.advanceClock(3);
            JsonNode answer = api.post("/v2/live-streams/" + id + "/timed-metadata",
                    Map.of("payload", "quiz \"1\"", "duration", 5)).json();
            assertThat(answer.path("id").asText()).isEqualTo(id);

            JsonNode message = viewer.next();
            while (!message.path("type").asText().equals("timed-metadata")) {
                message = viewer.next(); // the recorder joining came first
            }
            assertThat(Streams.keys(message)).containsExactly("type", "id", "stream_id", "payload", "duration", "start_at");
            assertThat(message.path("stream_id").asText()).isEqualTo(id);
            assertThat(message.path("payload").asText()).isEqualTo("quiz \"1\"");
            assertThat(message.path("duration").asInt()).isEqualTo(5);
            assertThat(message.path("start_at").asText()).isEqualTo(Timestamps.format(runningAt.plusSeconds(3)));

            String media = started.path("playback").path("url").asText().replace("master.m3u8", "stream_0/stream.m3u8");
            assertThat(Http.get(media).text()).doesNotContain("EXT-X-DATERANGE"); // its segment is not complete
            api.advanceClock(1);
            String playlist = Http.get(media).text();
            assertThat(playlist).contains("#EXT-X-DATERANGE:ID=\"" + message.path("id").asText() + "\",START-DATE=\""
                    + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(runningAt.plusSeconds(3))
                    + "\",DURATION=5.000,X-100MSLIVE-PAYLOAD=\"quiz '1'\"");
            assertThat(playlist.indexOf("EXT-X-DATERANGE")).isLessThan(playlist.indexOf("segment1.m4s"));
        }
    }

    @Test
    void the_recording_leaves_a_vod_and_one_mp4_per_layer_without_the_paused_time() {
        Streams.builtInDestinations(api, "{\"hlsDestinations\": {\"main\": {\"layers\": [{\"width\": 1280, \"height\": 720},"
                + " {\"width\": 640, \"height\": 360}], \"recording\": {\"presignDuration\": 600}}}}");
        String room = Live.room(api);
        Instant t0 = now();
        JsonNode started = start(room, Map.of("recording", Map.of("hls_vod", true, "single_file_per_layer", true)));
        String id = started.path("id").asText();
        assertThat(api.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "too early")).status())
                .isEqualTo(200);
        api.advanceClock(0.2);
        api.advanceClock(10);
        assertThat(api.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "hello, viewers")).status())
                .isEqualTo(200);
        assertThat(api.post("/v2/live-streams/" + id + "/pause-recording", null).status()).isEqualTo(200);
        api.advanceClock(5);
        assertThat(api.post("/v2/live-streams/" + id + "/resume-recording", null).status()).isEqualTo(200);
        api.advanceClock(5);
        api.post("/v2/live-streams/" + id + "/stop", null);
        api.advanceClock(0.5);

        JsonNode done = stream(id);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        JsonNode assets = done.path("recording_assets");
        assertThat(assets.size()).isEqualTo(4);
        JsonNode vod = assets.get(0);
        assertThat(vod.path("type").asText()).isEqualTo("room-vod");
        assertThat(vod.path("job_id").asText()).isEqualTo(id);
        assertThat(vod.path("status").asText()).isEqualTo("completed");
        assertThat(vod.path("duration").asInt()).isEqualTo(15); // 20.2 s streamed, 5 s of it paused
        assertThat(vod.path("metadata").toString()).isEqualTo("{\"num_layers\":\"2\",\"max_width\":1280,\"max_height\":720}");
        assertThat(vod.path("path").asText()).endsWith("/" + id + "/hls-vod.zip");
        for (int layer = 0; layer < 2; layer++) {
            JsonNode file = assets.get(1 + layer);
            assertThat(file.path("type").asText()).isEqualTo("room-composite");
            assertThat(file.path("duration").asInt()).isEqualTo(15);
            assertThat(file.path("metadata").toString()).isEqualTo(layer == 0
                    ? "{\"resolution\":{\"width\":1280,\"height\":720},\"layer\":\"0\"}"
                    : "{\"resolution\":{\"width\":640,\"height\":360},\"layer\":\"1\"}");
        }

        JsonNode chat = assets.get(3);
        assertThat(chat.path("type").asText()).isEqualTo("chat");
        assertThat(chat.path("path").asText()).endsWith("/chat-" + id + ".csv");
        assertThat(chat.path("metadata").toString()).isEqualTo("{}");
        String csv = Http.get(api.get("/v2/recording-assets/" + chat.path("id").asText() + "/presigned-url").at("/url")).text();
        assertThat(csv.split("\r\n")).hasSize(2); // the header and the one message sent while it ran
        assertThat(csv).startsWith("SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message\r\n")
                .endsWith(",chat,\"hello, viewers\"\r\n");

        Http.Fetched zip = Http.get(api.get("/v2/recording-assets/" + vod.path("id").asText() + "/presigned-url").at("/url"));
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.bytes().length).isEqualTo(vod.path("size").asInt());
        assertThat(new String(zip.bytes(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        Http.Fetched mp4 = Http.get(api.get("/v2/recording-assets/" + assets.get(1).path("id").asText() + "/presigned-url")
                .at("/url"));
        assertThat(mp4.status()).isEqualTo(200);
        assertThat(new String(mp4.bytes(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");

        List<JsonNode> hooks = hlsWebhooks(id, 3);
        assertThat(hooks).extracting(h -> h.path("type").asText())
                .containsExactly("hls.started.success", "hls.stopped.success", "hls.recording.success");
        assertThat(hooks.get(1).path("data").path("duration").asInt()).isEqualTo(20);
        assertThat(hooks.get(1).path("data").path("recording_vod_playlist_enabled").asBoolean()).isTrue();
        JsonNode r = hooks.get(2).path("data");
        assertThat(Streams.keys(r)).containsExactlyElementsOf(RECORDING);
        assertThat(r.path("duration").asInt()).isEqualTo(15);
        assertThat(r.path("recording_id").asText()).isEqualTo(id);
        assertThat(r.path("hls_vod_recording_path").asText()).isEqualTo(vod.path("path").asText());
        assertThat(r.path("hls_vod_recording_size").asLong()).isEqualTo(vod.path("size").asLong());
        assertThat(r.path("recording_hls_vod_playlist_location").asText())
                .isEqualTo(r.path("hls_vod_recording_presigned_url").asText());
        assertThat(r.path("max_width").asInt()).isEqualTo(1280);
        assertThat(r.path("chat_recording_path").asText()).isEqualTo(chat.path("path").asText());
        assertThat(Http.get(r.path("chat_recording_presigned_url").asText()).text()).isEqualTo(csv);
        assertThat(r.path("recording_thumbnails").isNull()).isTrue();
        assertThat(r.path("started_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(200)));
        assertThat(r.path("stopped_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(20_400)));
        assertThat(r.path("recording_created_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(20_700)));
        Http.Fetched fromHook = Http.get(r.path("hls_vod_recording_presigned_url").asText());
        assertThat(fromHook.status()).isEqualTo(200);
        assertThat(fromHook.bytes()).isEqualTo(zip.bytes());
        JsonNode files = r.path("recording_single_files");
        assertThat(files.size()).isEqualTo(2);
        assertThat(Streams.keys(files.get(0))).containsExactly("asset_id", "layer", "recording_path",
                "recording_presigned_url", "size", "width", "height");
        assertThat(files.get(1).path("asset_id").asText()).isEqualTo(assets.get(2).path("id").asText());
        assertThat(files.get(1).path("layer").asText()).isEqualTo("1");
        assertThat(files.get(1).path("width").asInt()).isEqualTo(640);
        assertThat(files.get(1).path("size").asLong()).isEqualTo(assets.get(2).path("size").asLong());
        assertThat(files.get(0).path("recording_presigned_url").asText())
                .contains("expires=" + (t0.plusMillis(20_700).getEpochSecond() + 600));
        assertThat(Http.get(files.get(0).path("recording_presigned_url").asText()).bytes()).isEqualTo(mp4.bytes());
    }

    @Test
    void a_failed_stream_reports_hls_failure_and_one_stopped_before_it_ran_fails_with_beam_stopped() {
        String room = Live.room(api);
        String id = start(room, Map.of()).path("id").asText();
        api.advanceClock(0.2);
        api.advanceClock(7);
        JsonNode failed = api.post("/emulator/v1/jobs/" + id + "/fail",
                Map.of("error_type", "UPLOAD_ERROR", "error_message", "Failed to upload recordings.")).json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        List<JsonNode> hooks = hlsWebhooks(id, 3);
        assertThat(hooks).extracting(h -> h.path("type").asText())
                .containsExactly("hls.started.success", "hls.failure", "hls.stopped.success");
        assertThat(hooks.get(2).path("data").path("reason").asText()).isEqualTo("failure: UPLOAD_ERROR");
        assertThat(hooks.get(2).path("data").path("duration").asInt()).isEqualTo(7);
        JsonNode f = hooks.get(1).path("data");
        assertThat(Streams.keys(f)).containsExactlyElementsOf(FAILURE);
        assertThat(f.path("error_code").asInt()).isEqualTo(1);
        assertThat(f.path("error_type").asText()).isEqualTo("UPLOAD_ERROR");
        assertThat(f.path("error_message").asText()).isEqualTo("Failed to upload recordings.");
        assertThat(f.path("state_name").asText()).isEqualTo("HLSFailed");
        assertThat(f.path("duration").asInt()).isEqualTo(7);
        assertThat(stream(id).path("status").asText()).isEqualTo("failed");

        String early = start(Live.room(api), Map.of()).path("id").asText();
        api.post("/v2/live-streams/" + early + "/stop", null);
        api.advanceClock(1);
        List<JsonNode> earlyHooks = hlsWebhooks(early, 1);
        assertThat(earlyHooks).extracting(h -> h.path("type").asText()).containsExactly("hls.failure");
        assertThat(earlyHooks.get(0).path("data").path("error_type").asText()).isEqualTo("BEAM_STOPPED");
        assertThat(earlyHooks.get(0).path("data").path("duration").asInt()).isZero();
    }

    @Test
    void the_destinations_max_duration_stops_the_stream() {
        Streams.builtInDestinations(api, "{\"hlsDestinations\": {\"short\": {\"maxDuration\": 120}}}");
        String id = start(Live.room(api), Map.of()).path("id").asText();
        api.advanceClock(119.9);
        assertThat(stream(id).path("status").asText()).isEqualTo("running");
        api.advanceClock(0.1);
        assertThat(stream(id).path("status").asText()).isEqualTo("stopping");
        api.advanceClock(1);
        List<JsonNode> hooks = hlsWebhooks(id, 2);
        assertThat(hooks.get(1).path("data").path("reason").asText()).isEqualTo("max duration reached");
    }
}
