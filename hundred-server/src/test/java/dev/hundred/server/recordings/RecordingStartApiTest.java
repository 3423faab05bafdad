package dev.hundred.server.recordings;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/recordings/room/{room_id}/start} (spec §8.2): the answer, the template's part, every refusal. */
class RecordingStartApiTest extends ApiTestBase {
    static final String FULL_BODY = """
            {"meeting_url": "https://example.app.100ms.live/preview/abc/beam?skip_preview=true",
             "resolution": {"width": 1280, "height": 720},
             "transcription": {"enabled": true, "output_modes": ["txt", "srt", "json"],
               "custom_vocabulary": ["100ms", "WebSDK", "Flutter", "Sundar", "Pichai", "DALL-E"],
               "summary": {"enabled": true, "context": "this is a general call",
                 "sections": [{"title": "Agenda", "format": "bullets"}, {"title": "Key Points", "format": "bullets"},
                   {"title": "Action Items", "format": "bullets"}, {"title": "Short Summary", "format": "paragraph"}],
                 "temperature": 0.5}}}""";

    private String apiTemplate() {
        Client.Response t = api.post("/v2/templates", "{\"roles\": {\"host\": {}, \"guest\": {}}}");
        assertThat(t.status()).as(t.text()).isEqualTo(200);
        return t.at("/id");
    }

    private String roomOn(String templateId) {
        return Live.room(api, Map.of("template_id", templateId));
    }

    @Test
    void a_start_answers_the_recording_starting_in_the_docs_key_order() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        JsonNode r = Recs.start(api, room);
        assertThat(Recs.keys(r)).containsExactly("id", "room_id", "session_id", "status", "created_at", "started_at",
                "updated_at", "stopped_at", "meeting_url", "started_by", "stopped_by", "asset_types", "recording_assets");
        assertThat(r.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(r.path("room_id").asText()).isEqualTo(room);
        String session = api.get("/v2/active-rooms/" + room).at("/session/id");
        assertThat(r.path("session_id").asText()).isEqualTo(session);
        assertThat(r.path("status").asText()).isEqualTo("starting");
        assertThat(r.path("started_at").isNull()).isTrue();
        assertThat(r.path("stopped_at").isNull()).isTrue();
        assertThat(r.path("updated_at").asText()).isEqualTo(r.path("created_at").asText());
        assertThat(r.path("started_by").asText()).isEmpty();
        assertThat(r.path("stopped_by").asText()).isEmpty();
        assertThat(Recs.texts(r.path("asset_types"))).containsExactly("room-composite", "chat");
        assertThat(r.path("recording_assets").isNull()).isTrue();
        // The workspace's own template stands for a dashboard one: a meeting URL of the documented form.
        assertThat(r.path("meeting_url").asText())
                .isEqualTo("https://test.app.100ms.live/preview/" + room + "/__internal_recorder?skip_preview=true");
    }

    @Test
    void the_docs_example_body_is_accepted_and_transcription_adds_its_asset_types() {
        String room = roomOn(apiTemplate());
        JsonNode r = Recs.start(api, room, FULL_BODY);
        assertThat(r.path("meeting_url").asText()).isEqualTo("https://example.app.100ms.live/preview/abc/beam?skip_preview=true");
        assertThat(Recs.texts(r.path("asset_types"))).containsExactly("room-composite", "chat", "transcript", "summary");
        assertThat(r.has("destination")).isFalse();
        // Transcription without a summary: no summary asset.
        String other = roomOn(apiTemplate());
        JsonNode t = Recs.start(api, other, Map.of("meeting_url", "http://localhost:3000/meeting",
                "transcription", Map.of("enabled", true)));
        assertThat(Recs.texts(t.path("asset_types"))).containsExactly("room-composite", "chat", "transcript");
    }

    @Test
    void the_recorder_joins_the_room_and_opens_the_session_if_nobody_is_in() {
        String room = Live.room(api);
        JsonNode r = Recs.start(api, room);
        JsonNode active = api.get("/v2/active-rooms/" + room).json();
        assertThat(active.at("/session/id").asText()).isEqualTo(r.path("session_id").asText());
        JsonNode peers = api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
        assertThat(peers.size()).isEqualTo(1);
        assertThat(peers.elements().next().path("role").asText()).isEqualTo("__internal_recorder");
    }

    @Test
    void an_unknown_room_or_another_workspaces_room_is_not_found() {
        assertError(api.post("/v2/recordings/room/000000000000000000000000/start", Map.of()), 404, "Room not found");
        String theirs = Live.room(Client.forNewWorkspace(api.server()));
        assertError(api.post("/v2/recordings/room/" + theirs + "/start", Map.of()), 404, "Room not found");
    }

    @Test
    void a_disabled_room_is_refused_and_a_second_start_while_one_runs() {
        String room = Live.room(api);
        assertThat(api.post("/v2/rooms/" + room, Map.of("enabled", false)).status()).isEqualTo(200);
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of()), 403, "Room is disabled");

        String open = Live.room(api);
        Recs.start(api, open);
        assertError(api.post("/v2/recordings/room/" + open + "/start", Map.of()), 400, "Invalid request",
                "recording already running");
    }

    @Test
    void meeting_url_is_required_on_a_template_made_through_the_api_and_must_be_an_absolute_http_url() {
        String room = roomOn(apiTemplate());
        String required = "meeting_url is required: the room's template has no subdomain and no browser composite"
                + " recording configuration";
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of()), 400, "Invalid body param", required);
        assertError(api.post("/v2/recordings/room/" + room + "/start", ""), 400, "Invalid body param", required);
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", "")), 400,
                "Invalid body param", required);
        for (String bad : List.of("ftp://example.com/x", "/preview/room", "example.com/meeting", "https://", "https:///x",
                "http://exa mple.com", "javascript:alert(1)")) {
            assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", bad)), 400,
                    "Invalid body param", "meeting_url must be an absolute http or https URL");
        }
        String longUrl = "https://example.com/" + "a".repeat(2049 - "https://example.com/".length());
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", longUrl)), 400,
                "Invalid body param", "meeting_url must be at most 2048 characters");
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", 7)), 400,
                "Invalid body param", "meeting_url must be a string");
        assertThat(api.get("/v2/recordings?room_id=" + room).json().path("data").isNull()).isTrue();
        String longest = longUrl.substring(0, 2048);
        assertThat(Recs.start(api, room, Map.of("meeting_url", longest)).path("meeting_url").asText()).isEqualTo(longest);
    }

    @Test
    void a_browser_composite_configuration_makes_meeting_url_optional_and_names_the_destination() {
        String template = apiTemplate();
        Client.Response config = api.post("/v2/templates/" + template + "/recordings", """
                [{"name": "composite", "role": "guest", "maxDuration": 600,
                  "compositeRecording": {"browserComposite": {"width": 1920, "height": 1080}}}]""");
        assertThat(config.status()).as(config.text()).isEqualTo(200);
        String room = roomOn(template);
        JsonNode r = Recs.start(api, room);
        assertThat(r.path("destination").asText()).isEqualTo("composite");
        assertThat(Recs.keys(r)).containsSubsequence("meeting_url", "destination", "started_by");
        assertThat(r.path("meeting_url").asText())
                .isEqualTo("https://test.app.100ms.live/preview/" + room + "/guest?skip_preview=true");
        JsonNode peers = api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
        assertThat(peers.elements().next().path("role").asText()).isEqualTo("guest");
    }

    @Test
    void destination_names_one_of_the_templates_recording_destinations_and_is_required_among_several() {
        String template = apiTemplate();
        assertThat(api.post("/v2/templates/" + template + "/recordings",
                "[{\"name\": \"main\", \"role\": \"host\"}]").status()).isEqualTo(200);
        assertThat(api.post("/v2/templates/" + template + "/destinations",
                "{\"browserRecordings\": {\"legacy\": {\"name\": \"legacy\", \"role\": \"guest\", \"width\": 1024, \"height\": 768}}}")
                .status()).isEqualTo(200);
        String room = roomOn(template);
        String url = "https://example.com/meeting";
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", url)), 400,
                "Invalid body param", "destination is required: the template has several recording destinations (main, legacy)");
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", url, "destination", "nope")),
                400, "Invalid body param", "destination nope is not a recording destination of the template (main, legacy)");
        String plain = roomOn(apiTemplate());
        assertError(api.post("/v2/recordings/room/" + plain + "/start", Map.of("meeting_url", url, "destination", "x")),
                400, "Invalid body param", "destination x is not a recording destination of the template (it has none)");
        JsonNode r = Recs.start(api, room, Map.of("meeting_url", url, "destination", "legacy"));
        assertThat(r.path("destination").asText()).isEqualTo("legacy");
    }

    @Test
    void resolution_needs_both_sides_within_the_external_stream_limits() {
        String room = Live.room(api);
        String range = "resolution must be from 500x480 to 1920x1080 (landscape) or from 500x500 to 1080x1920 (portrait), not ";
        for (int[] bad : new int[][] {{499, 480}, {500, 479}, {1921, 1080}, {1920, 1081}, {1081, 1920}, {1080, 1921},
                {0, 0}, {-1280, 720}, {499, 1000}}) {
            assertError(api.post("/v2/recordings/room/" + room + "/start",
                    Map.of("resolution", Map.of("width", bad[0], "height", bad[1]))), 400, "Invalid body param",
                    range + bad[0] + "x" + bad[1]);
        }
        assertError(api.post("/v2/recordings/room/" + room + "/start", Map.of("resolution", Map.of("width", 1280))), 400,
                "Invalid body param", "resolution needs both width and height");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"resolution\": {\"width\": \"1280\", \"height\": 720}}"),
                400, "Invalid body param", "resolution.width must be an integer");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"resolution\": {\"width\": 1280.5, \"height\": 720}}"),
                400, "Invalid body param", "resolution.width must be an integer");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"resolution\": [1280, 720]}"),
                400, "Invalid body param", "resolution must be an object");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"audio_only\": \"yes\"}"),
                400, "Invalid body param", "audio_only must be a boolean");
        for (int[] good : new int[][] {{500, 480}, {1920, 1080}, {500, 500}, {1080, 1920}, {720, 1280}}) {
            String r = Live.room(api);
            assertThat(api.post("/v2/recordings/room/" + r + "/start",
                    Map.of("resolution", Map.of("width", good[0], "height", good[1]))).status()).isEqualTo(200);
        }
    }

    @Test
    void every_broken_transcription_rule_is_named() {
        String room = Live.room(api);
        String body = """
                {"transcription": {"enabled": true, "output_modes": ["txt", "vtt", null],
                  "custom_vocabulary": ["ok", "", "%s"],
                  "summary": {"enabled": true, "context": "%s", "temperature": 1.5,
                    "sections": [{"title": "", "format": "bullets"}, {"title": "%s", "format": "table"}, null,
                      {"title": "a", "format": "bullets"}, {"title": "b", "format": "bullets"},
                      {"title": "c", "format": "bullets"}, {"title": "d", "format": "bullets"}]}}}"""
                .formatted("w".repeat(101), "c".repeat(301), "t".repeat(101));
        assertError(api.post("/v2/recordings/room/" + room + "/start", body), 400, "Invalid body param",
                "transcription.output_modes[1] must be one of txt, srt, json",
                "transcription.output_modes[2] must be one of txt, srt, json",
                "transcription.custom_vocabulary[1] must be 1 to 100 characters",
                "transcription.custom_vocabulary[2] must be 1 to 100 characters",
                "transcription.summary.context must be at most 300 characters",
                "transcription.summary.temperature must be from 0.1 to 1.0",
                "transcription.summary.sections must have at most 6 sections",
                "transcription.summary.sections[0].title is required",
                "transcription.summary.sections[1].title must be at most 100 characters",
                "transcription.summary.sections[1].format must be bullets or paragraph",
                "transcription.summary.sections[2] must be an object");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"transcription\": {\"summary\": {\"temperature\": 0.05}}}"),
                400, "Invalid body param", "transcription.summary.temperature must be from 0.1 to 1.0");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"transcription\": {\"enabled\": \"true\"}}"),
                400, "Invalid body param", "transcription.enabled must be a boolean");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"transcription\": {\"output_modes\": \"txt\"}}"),
                400, "Invalid body param", "transcription.output_modes must be an array");
        String words = "[" + "\"w\",".repeat(1000) + "\"w\"]";
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{\"transcription\": {\"custom_vocabulary\": " + words + "}}"),
                400, "Invalid body param", "transcription.custom_vocabulary must have at most 1000 words");
        assertThat(api.post("/v2/recordings/room/" + room + "/start",
                "{\"transcription\": {\"enabled\": true, \"summary\": {\"enabled\": true, \"temperature\": 1}}}").status())
                .isEqualTo(200);
    }

    @Test
    void malformed_bodies_are_refused_and_empty_ones_accepted() {
        String room = Live.room(api);
        assertError(api.post("/v2/recordings/room/" + room + "/start", "{"), 400, "Invalid body param", "malformed JSON");
        assertError(api.post("/v2/recordings/room/" + room + "/start", "[]"), 400, "Invalid body param",
                "body must be a JSON object");
        assertThat(api.post("/v2/recordings/room/" + room + "/start", "null").status()).isEqualTo(200);
        assertError(api.withToken(null).post("/v2/recordings/room/" + room + "/start", Map.of()), 401,
                "Token validation error");
    }
}
