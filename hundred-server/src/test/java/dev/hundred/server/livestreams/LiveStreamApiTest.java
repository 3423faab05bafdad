package dev.hundred.server.livestreams;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live streams over HTTP (spec §10) on the shared server, whose clock runs: every endpoint, the documented
 * object, every refusal, validation edges and pagination. Exact times, webhooks, playback and assets are in
 * {@link LiveStreamLifecycleTest}, on a frozen clock.
 */
class LiveStreamApiTest extends ApiTestBase {
    static final List<String> KEYS = List.of("id", "room_id", "session_id", "status", "destination", "playback",
            "meeting_url", "recording", "created_at", "started_at", "updated_at", "stopped_at", "started_by",
            "stopped_by", "recording_assets");
    private static final String MEETING = "https://example.test/meeting";

    @BeforeEach
    void holdPhases() {
        Streams.holdPhases(api); // the shared server's clock runs: jobs move only when a test moves them
    }

    private Client.Response start(String room, Object body) {
        return api.post("/v2/live-streams/room/" + room + "/start", body);
    }

    private JsonNode started(String room, Object body) {
        Client.Response response = start(room, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private void running(String streamId) {
        assertThat(Streams.advance(api, streamId)).isEqualTo("running");
    }

    @Test
    void start_answers_the_documented_object_starting_with_a_playback_url() {
        String room = Live.room(api);
        Live.join(api, room, "host", "ann");
        JsonNode stream = started(room, Map.of());
        assertThat(Streams.keys(stream)).containsExactlyElementsOf(KEYS);
        assertThat(stream.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(stream.path("room_id").asText()).isEqualTo(room);
        assertThat(stream.path("session_id").asText()).matches("[0-9a-f]{24}");
        assertThat(stream.path("status").asText()).isEqualTo("starting");
        assertThat(stream.path("destination").asText()).isEmpty();
        assertThat(stream.path("playback").path("url").asText())
                .matches(api.server().url().replace(".", "\\.") + "/hls/v1/" + stream.path("id").asText()
                        + "/[0-9a-f]{32}/master\\.m3u8");
        assertThat(stream.path("recording").toString()).isEqualTo("{\"hls_vod\":false,\"single_file_per_layer\":false}");
        assertThat(stream.path("created_at").asText()).isEqualTo(stream.path("updated_at").asText());
        assertThat(stream.path("started_at").isNull()).isTrue();
        assertThat(stream.path("stopped_at").isNull()).isTrue();
        assertThat(stream.path("started_by").asText()).isEmpty();
        assertThat(stream.path("stopped_by").asText()).isEmpty();
        assertThat(stream.path("recording_assets").isNull()).isTrue();
        // the room's live session, which the recorder joined as a peer
        JsonNode active = api.get("/v2/active-rooms/" + room).json();
        assertThat(active.path("session").path("id").asText()).isEqualTo(stream.path("session_id").asText());
    }

    @Test
    void on_the_built_in_template_the_meeting_url_is_the_documented_room_link() {
        String room = Live.room(api);
        JsonNode stream = started(room, null);
        String subdomain = api.workspace().name(); // "test": already a DNS label
        assertThat(stream.path("meeting_url").asText()).isEqualTo("https://" + subdomain + ".app.100ms.live/preview/"
                + room + "/__internal_recorder?skip_preview=true");
        String other = Live.room(api);
        assertThat(started(other, Map.of("meeting_url", MEETING)).path("meeting_url").asText()).isEqualTo(MEETING);
    }

    @Test
    void a_template_made_through_the_api_needs_a_meeting_url() {
        String room = Streams.roomOn(api, Streams.apiTemplate(api, null));
        assertError(start(room, Map.of()), 400, "Invalid body param",
                "meeting_url is required: the room's template has no subdomain (templates created through the REST API have none)");
        assertError(start(room, Map.of("meeting_url", "")), 400, "Invalid body param",
                "meeting_url is required: the room's template has no subdomain (templates created through the REST API have none)");
        assertError(start(room, Map.of("meeting_url", "ftp://example.test/x")), 400, "Invalid body param",
                "meeting_url must be an absolute http or https URL");
        assertError(start(room, Map.of("meeting_url", "/preview/room")), 400, "Invalid body param",
                "meeting_url must be an absolute http or https URL");
        assertError(start(room, Map.of("meeting_url", "https://example.test/" + "a".repeat(2030))), 400,
                "Invalid body param", "meeting_url must be at most 2048 characters");
        assertError(start(room, Map.of("meeting_url", 7)), 400, "Invalid body param", "meeting_url must be a string");
        assertThat(started(room, Map.of("meeting_url", MEETING)).path("meeting_url").asText()).isEqualTo(MEETING);
    }

    @Test
    void a_second_start_while_one_runs_is_refused_and_after_a_stop_is_allowed() {
        String room = Live.room(api);
        String id = started(room, Map.of()).path("id").asText();
        assertError(start(room, Map.of()), 400, "Invalid request", "live stream already running");
        running(id);
        assertError(start(room, Map.of()), 400, "Invalid request", "live stream already running");
        assertThat(api.post("/v2/live-streams/" + id + "/stop", null).status()).isEqualTo(200);
        assertThat(started(room, Map.of()).path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void rooms_must_exist_in_the_workspace_and_be_enabled() {
        assertError(start("000000000000000000000000", Map.of()), 404, "Room not found");
        String room = Live.room(api);
        assertError(Client.forNewWorkspace(api.server()).post("/v2/live-streams/room/" + room + "/start", Map.of()),
                404, "Room not found");
        api.post("/v2/rooms/" + room, Map.of("enabled", false));
        assertError(start(room, Map.of()), 403, "Room is disabled");
        assertError(api.withToken(null).post("/v2/live-streams/room/" + room + "/start", Map.of()), 401,
                "Token validation error");
    }

    @Test
    void the_destination_is_an_hls_destination_of_the_template_required_only_among_several() {
        String two = Streams.apiTemplate(api, "{\"hlsDestinations\": {\"main\": {}, \"backup\": {}}}");
        String room = Streams.roomOn(api, two);
        assertError(start(room, Map.of("meeting_url", MEETING)), 400, "Invalid body param",
                "destination is required: the room's template has 2 HLS destinations (main, backup)");
        assertError(start(room, Map.of("meeting_url", MEETING, "destination", "nope")), 400, "Invalid body param",
                "destination nope is not an HLS destination of the room's template");
        assertThat(started(room, Map.of("meeting_url", MEETING, "destination", "backup")).path("destination").asText())
                .isEqualTo("backup");

        String one = Streams.roomOn(api, Streams.apiTemplate(api, "{\"hlsDestinations\": {\"only\": {}}}"));
        assertThat(started(one, Map.of("meeting_url", MEETING)).path("destination").asText()).isEqualTo("only");
        String none = Streams.roomOn(api, Streams.apiTemplate(api, null));
        assertError(start(none, Map.of("meeting_url", MEETING, "destination", "main")), 400, "Invalid body param",
                "destination main is not an HLS destination of the room's template");
        assertError(start(none, Map.of("meeting_url", MEETING, "destination", 5)), 400, "Invalid body param",
                "destination must be a string");
    }

    @Test
    void recording_flags_come_from_the_body_else_from_the_destination() {
        Streams.builtInDestinations(api,
                "{\"hlsDestinations\": {\"main\": {\"recording\": {\"hlsVod\": true, \"singleFilePerLayer\": true}}}}");
        assertThat(started(Live.room(api), Map.of()).path("recording").toString())
                .isEqualTo("{\"hls_vod\":true,\"single_file_per_layer\":true}");
        assertThat(started(Live.room(api), Map.of("recording", Map.of("hls_vod", true))).path("recording").toString())
                .isEqualTo("{\"hls_vod\":true,\"single_file_per_layer\":false}");
        assertThat(started(Live.room(api), Map.of("recording", Map.of())).path("recording").toString())
                .isEqualTo("{\"hls_vod\":false,\"single_file_per_layer\":false}");
        assertError(start(Live.room(api), Map.of("recording", true)), 400, "Invalid body param",
                "recording must be an object");
        assertError(start(Live.room(api), Map.of("recording", Map.of("hls_vod", "yes"))), 400, "Invalid body param",
                "recording.hls_vod must be a boolean");
    }

    @Test
    void transcription_is_validated_as_documented() {
        String room = Live.room(api);
        Map<String, Object> documented = Map.of("enabled", true, "modes", List.of("recorded", "live"),
                "output_modes", List.of("txt", "srt", "json"), "custom_vocabulary", List.of("100ms", "WebSDK"),
                "summary", Map.of("enabled", true, "context", "this is a general call", "temperature", 0.5,
                        "sections", List.of(Map.of("title", "Agenda", "format", "bullets"),
                                Map.of("title", "Short Summary", "format", "paragraph"))));
        assertThat(start(room, Map.of("transcription", documented)).status()).isEqualTo(200);

        List<Map<String, String>> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(Map.of("title", "s" + i, "format", "bullets"));
        }
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("modes", List.of("recorded", "caption"));
        bad.put("output_modes", List.of("pdf"));
        bad.put("custom_vocabulary", List.of("x".repeat(101)));
        bad.put("summary", Map.of("context", "c".repeat(301), "temperature", 1.5, "sections", seven));
        String other = Live.room(api);
        assertError(start(other, Map.of("transcription", bad)), 400, "Invalid body param",
                "transcription.modes[1] must be one of recorded, live",
                "transcription.output_modes[0] must be one of txt, srt, json",
                "transcription.custom_vocabulary[0] must be at most 100 characters",
                "transcription.summary.context must be at most 300 characters",
                "transcription.summary.temperature must be between 0.1 and 1.0",
                "transcription.summary.sections must have at most 6 sections");
        assertError(start(other, Map.of("transcription", Map.of("summary", Map.of("temperature", 0.05, "sections",
                List.of(Map.of("format", "prose"), Map.of("title", "t".repeat(101), "format", "bullets")))))), 400,
                "Invalid body param",
                "transcription.summary.temperature must be between 0.1 and 1.0",
                "transcription.summary.sections[0].title is required",
                "transcription.summary.sections[0].format must be one of bullets, paragraph",
                "transcription.summary.sections[1].title must be at most 100 characters");
        assertError(start(other, Map.of("transcription", Map.of("modes", "live"))), 400, "Invalid body param",
                "transcription.modes must be an array");
        assertError(start(other, Map.of("transcription", Map.of("enabled", 1))), 400, "Invalid body param",
                "transcription.enabled must be a boolean");
        assertThat(start(other, Map.of("transcription", Map.of("summary", Map.of("temperature", 1)))).status())
                .isEqualTo(200);
    }

    @Test
    void retrieve_and_list_with_filters_and_pages() {
        List<String> rooms = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rooms.add(Live.room(api));
            ids.add(started(rooms.get(i), Map.of()).path("id").asText());
        }
        JsonNode one = api.get("/v2/live-streams/" + ids.get(3)).json();
        assertThat(Streams.keys(one)).containsExactlyElementsOf(KEYS);
        assertThat(one.path("room_id").asText()).isEqualTo(rooms.get(3));

        JsonNode first = api.get("/v2/live-streams").json();
        assertThat(Streams.keys(first)).containsExactly("limit", "data", "last");
        assertThat(first.path("limit").asInt()).isEqualTo(10);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(first.path("data").findValuesAsText("id")).isEqualTo(newestFirst.subList(0, 10));
        assertThat(first.path("last").asText()).isEqualTo(newestFirst.get(9));
        assertThat(Streams.keys(first.path("data").get(0))).containsExactlyElementsOf(KEYS);
        JsonNode second = api.get("/v2/live-streams?start=" + first.path("last").asText()).json();
        assertThat(second.path("data").findValuesAsText("id")).isEqualTo(newestFirst.subList(10, 12));
        JsonNode empty = api.get("/v2/live-streams?start=" + ids.get(0)).json();
        assertThat(empty.toString()).isEqualTo("{\"limit\":10,\"data\":null,\"last\":\"\"}");

        assertThat(api.get("/v2/live-streams?room_id=" + rooms.get(5)).json().path("data").findValuesAsText("id"))
                .containsExactly(ids.get(5));
        String session = one.path("session_id").asText();
        assertThat(api.get("/v2/live-streams?session_id=" + session).json().path("data").findValuesAsText("id"))
                .containsExactly(ids.get(3));
        running(ids.get(0));
        assertThat(api.get("/v2/live-streams?room_id=" + rooms.get(0) + "&status=running").json().path("data")
                .findValuesAsText("id")).containsExactly(ids.get(0));
        assertThat(api.get("/v2/live-streams?room_id=" + rooms.get(0) + "&status=starting").json().path("data").isNull())
                .isTrue();
        assertThat(api.get("/v2/live-streams?limit=3").json().path("limit").asInt()).isEqualTo(10);
        assertThat(api.get("/v2/live-streams?limit=500").json().path("limit").asInt()).isEqualTo(100);
        assertError(api.get("/v2/live-streams?status=done"), 400, "Invalid query parameter",
                "status must be one of starting, running, stopping, post_processing, completed, failed");
        assertError(api.get("/v2/live-streams?limit=ten"), 400, "Invalid query parameter", "limit must be an integer");
        assertThat(Client.forNewWorkspace(api.server()).get("/v2/live-streams").json().path("data").isNull()).isTrue();

        assertError(api.get("/v2/live-streams/000000000000000000000000"), 404, "Live stream not found");
        assertError(Client.forNewWorkspace(api.server()).get("/v2/live-streams/" + ids.get(0)), 404,
                "Live stream not found");
    }

    @Test
    void stop_one_answers_it_stopping_and_refuses_what_is_not_running() {
        String room = Live.room(api);
        String id = started(room, Map.of()).path("id").asText();
        running(id);
        Client.Response stopped = api.post("/v2/live-streams/" + id + "/stop", "{}");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(Streams.keys(stopped.json())).containsExactlyElementsOf(KEYS);
        assertThat(stopped.json().path("status").asText()).isEqualTo("stopping");
        assertThat(stopped.json().path("stopped_by").asText()).isEmpty();
        assertError(api.post("/v2/live-streams/" + id + "/stop", null), 400, "Invalid request",
                "live stream is stopping, not running");
        assertError(api.post("/v2/live-streams/000000000000000000000000/stop", null), 404, "Live stream not found");
        assertThat(Streams.advance(api, id)).isEqualTo("post_processing");
        assertThat(Streams.advance(api, id)).isEqualTo("completed");
        assertError(api.post("/v2/live-streams/" + id + "/stop", null), 400, "Invalid request",
                "live stream is completed, not running");
    }

    @Test
    void stop_all_answers_the_page_with_its_error_key() {
        String room = Live.room(api);
        String id = started(room, Map.of()).path("id").asText();
        JsonNode page = api.post("/v2/live-streams/room/" + room + "/stop", null).json();
        assertThat(Streams.keys(page)).containsExactly("error", "data", "limit", "last");
        assertThat(page.path("error").asText()).isEmpty();
        assertThat(page.path("limit").asInt()).isEqualTo(10);
        assertThat(page.path("last").asText()).isEqualTo(id);
        assertThat(page.path("data").size()).isEqualTo(1);
        assertThat(Streams.keys(page.path("data").get(0))).containsExactlyElementsOf(KEYS);
        assertThat(page.path("data").get(0).path("status").asText()).isEqualTo("stopping");
        assertThat(api.post("/v2/live-streams/room/" + room + "/stop", "{}").text())
                .isEqualTo("{\"error\":\"\",\"data\":null,\"limit\":10,\"last\":\"\"}");
        assertError(api.post("/v2/live-streams/room/000000000000000000000000/stop", null), 404, "Room not found");
        assertError(Client.forNewWorkspace(api.server()).post("/v2/live-streams/room/" + room + "/stop", null), 404,
                "Room not found");
    }

    @Test
    void timed_metadata_needs_a_payload_of_at_most_100_characters_a_duration_and_a_running_stream() {
        String room = Live.room(api);
        String id = started(room, Map.of()).path("id").asText();
        String path = "/v2/live-streams/" + id + "/timed-metadata";
        assertError(api.post(path, Map.of("payload", "hi", "duration", 5)), 400, "Invalid request",
                "live stream is starting, not running");
        running(id);
        assertError(api.post(path, null), 400, "Invalid body param", "payload is required", "duration is required");
        assertError(api.post(path, Map.of("payload", "x".repeat(101), "duration", 0)), 400, "Invalid body param",
                "payload must be at most 100 characters", "duration must be from 1 to 86400 seconds");
        assertError(api.post(path, Map.of("payload", "hi", "duration", "5")), 400, "Invalid body param",
                "duration must be an integer");
        assertError(api.post(path, Map.of("payload", "hi", "duration", 1.5)), 400, "Invalid body param",
                "duration must be an integer");
        assertError(api.post(path, Map.of("payload", 7, "duration", 5)), 400, "Invalid body param",
                "payload must be a string");
        assertError(api.post(path, Map.of("payload", "a\u0000b", "duration", 5)), 400, "Invalid body param",
                "payload must not contain NUL characters");
        Client.Response sent = api.post(path, Map.of("payload", "é".repeat(100), "duration", 86400));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(Streams.keys(sent.json())).containsExactlyElementsOf(KEYS);
        assertThat(sent.json().path("status").asText()).isEqualTo("running");
        assertError(api.post("/v2/live-streams/000000000000000000000000/timed-metadata",
                Map.of("payload", "hi", "duration", 5)), 404, "Live stream not found");
        api.post("/v2/live-streams/" + id + "/stop", null);
        assertError(api.post(path, Map.of("payload", "hi", "duration", 5)), 400, "Invalid request",
                "live stream is stopping, not running");
    }

    @Test
    void the_recording_pauses_and_resumes_only_while_running_and_recorded() {
        String plain = started(Live.room(api), Map.of()).path("id").asText();
        running(plain);
        assertError(api.post("/v2/live-streams/" + plain + "/pause-recording", null), 400, "Invalid request",
                "live stream is not recorded: start it with recording.hls_vod or recording.single_file_per_layer");

        String id = started(Live.room(api), Map.of("recording", Map.of("hls_vod", true))).path("id").asText();
        assertError(api.post("/v2/live-streams/" + id + "/pause-recording", null), 400, "Invalid request",
                "live stream is starting, not running");
        running(id);
        Client.Response paused = api.post("/v2/live-streams/" + id + "/pause-recording", null);
        assertThat(paused.status()).as(paused.text()).isEqualTo(200);
        assertThat(Streams.keys(paused.json())).containsExactlyElementsOf(KEYS);
        assertThat(paused.json().path("status").asText()).isEqualTo("running");
        assertError(api.post("/v2/live-streams/" + id + "/pause-recording", null), 400, "Invalid request",
                "live stream is already paused");
        Client.Response resumed = api.post("/v2/live-streams/" + id + "/resume-recording", "{}");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("status").asText()).isEqualTo("running");
        assertError(api.post("/v2/live-streams/" + id + "/resume-recording", null), 400, "Invalid request",
                "live stream is not paused");
        assertError(api.post("/v2/live-streams/000000000000000000000000/pause-recording", null), 404,
                "Live stream not found");
        assertError(api.post("/v2/live-streams/000000000000000000000000/resume-recording", null), 404,
                "Live stream not found");
    }

    @Test
    void malformed_bodies_are_refused() {
        String room = Live.room(api);
        assertError(start(room, "{\"meeting_url\": "), 400, "Invalid body param", "malformed JSON");
        assertError(start(room, "[1]"), 400, "Invalid body param", "body must be a JSON object");
        assertError(start(room, Map.of("destination", "a\u0000")), 400, "Invalid body param",
                "destination must not contain NUL characters");
        assertError(start(room, Map.of("destination", "d".repeat(256))), 400, "Invalid body param",
                "destination must be at most 255 characters");
        assertError(start(room, Map.of("meeting_url", "https://example.test/\u0000")), 400, "Invalid body param",
                "meeting_url must not contain NUL characters");
    }
}
