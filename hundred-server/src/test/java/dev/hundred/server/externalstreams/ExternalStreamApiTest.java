package dev.hundred.server.externalstreams;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.livestreams.Streams;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * External streams over HTTP (spec §11) on the shared server: every endpoint, the documented object, every
 * refusal, the RTMP URL and resolution edges, pagination. Webhooks and the recording are in
 * {@link ExternalStreamLifecycleTest}.
 */
class ExternalStreamApiTest extends ApiTestBase {
    static final List<String> KEYS = List.of("id", "room_id", "session_id", "status", "destination", "rtmp_urls",
            "meeting_url", "recording", "resolution", "created_at", "started_at", "stopped_at", "updated_at",
            "started_by", "stopped_by", "recording_assets");
    static final String YOUTUBE = "rtmp://a.rtmp.youtube.com/live2/k0jv-329m-1y7f-ktth-ck48";
    private static final String MEETING = "https://example.test/meeting";
    private static final String RANGE = " is out of range: landscape from 500x480 to 1920x1080, portrait from 500x500 to 1080x1920";

    @BeforeEach
    void holdPhases() {
        Streams.holdPhases(api); // the shared server's clock runs: jobs move only when a test moves them
    }

    private Client.Response start(String room, Object body) {
        return api.post("/v2/external-streams/room/" + room + "/start", body);
    }

    private JsonNode started(String room, Map<String, ?> body) {
        Client.Response response = start(room, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rtmp_urls", List.of(YOUTUBE));
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void start_answers_the_documented_object_with_the_defaults_filled() {
        String room = Live.room(api);
        JsonNode stream = started(room, body());
        assertThat(Streams.keys(stream)).containsExactlyElementsOf(KEYS);
        assertThat(stream.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(stream.path("room_id").asText()).isEqualTo(room);
        assertThat(stream.path("session_id").asText()).matches("[0-9a-f]{24}");
        assertThat(stream.path("status").asText()).isEqualTo("starting");
        assertThat(stream.path("destination").asText()).isEmpty();
        assertThat(stream.path("rtmp_urls").toString()).isEqualTo("[\"" + YOUTUBE + "\"]");
        assertThat(stream.path("meeting_url").asText()).startsWith("https://test.app.100ms.live/preview/").contains("/preview/" + room + "/");
        assertThat(stream.path("recording").isBoolean()).isTrue();
        assertThat(stream.path("recording").asBoolean()).isFalse();
        assertThat(stream.path("resolution").toString()).isEqualTo("{\"width\":1280,\"height\":720}");
        assertThat(stream.path("started_at").isNull()).isTrue();
        assertThat(stream.path("stopped_at").isNull()).isTrue();
        assertThat(stream.path("started_by").asText()).isEmpty();
        assertThat(stream.path("stopped_by").asText()).isEmpty();
        assertThat(stream.path("recording_assets").isNull()).isTrue();

        JsonNode full = started(Live.room(api), body("meeting_url", MEETING, "recording", true,
                "rtmp_urls", List.of(YOUTUBE, "rtmps://live-api-s.facebook.com:443/rtmp/FB-1-2", "rtmp://localhost/mystream"),
                "resolution", Map.of("width", 1080, "height", 1920)));
        assertThat(full.path("meeting_url").asText()).isEqualTo(MEETING);
        assertThat(full.path("recording").asBoolean()).isTrue();
        assertThat(full.path("rtmp_urls").size()).isEqualTo(3);
        assertThat(full.path("resolution").toString()).isEqualTo("{\"width\":1080,\"height\":1920}");
    }

    @Test
    void rtmp_urls_are_required_at_most_3_each_rtmp_or_rtmps_with_a_host_and_a_stream_key() {
        String room = Live.room(api);
        assertError(start(room, Map.of()), 400, "Invalid body param", "rtmp_urls is required: 1 to 3 rtmp:// or rtmps:// URLs");
        assertError(start(room, Map.of("rtmp_urls", List.of())), 400, "Invalid body param",
                "rtmp_urls is required: 1 to 3 rtmp:// or rtmps:// URLs");
        assertError(start(room, Map.of("rtmp_urls", List.of("rtmp://a/1", "rtmp://a/2", "rtmp://a/3", "rtmp://a/4"))),
                400, "Invalid body param", "rtmp_urls must have at most 3 URLs");
        assertError(start(room, Map.of("rtmp_urls", List.of("https://a.example/live/key", "rtmp:///live/key",
                "rtmp://a.example", "rtmps://a.example/", "not a url", "rtmp://a.example/" + "k".repeat(2040)))), 400,
                "Invalid body param", "rtmp_urls must have at most 3 URLs",
                "rtmp_urls[0] must be an rtmp:// or rtmps:// URL", "rtmp_urls[1] must name a host",
                "rtmp_urls[2] must end in a stream key (rtmp://server.com/app/STREAM_KEY)",
                "rtmp_urls[3] must end in a stream key (rtmp://server.com/app/STREAM_KEY)", "rtmp_urls[4] is not a URL",
                "rtmp_urls[5] must be at most 2048 characters");
        assertError(start(room, Map.of("rtmp_urls", Arrays.asList("rtmp://a/1", null))), 400, "Invalid body param",
                "rtmp_urls[1] must be a string");
        assertError(start(room, Map.of("rtmp_urls", List.of(7))), 400, "Invalid body param",
                "rtmp_urls[0] must be a string");
        assertError(start(room, Map.of("rtmp_urls", YOUTUBE)), 400, "Invalid body param", "rtmp_urls must be an array");
        assertThat(start(room, Map.of("rtmp_urls", List.of("RTMPS://A.example/app/key?auth=1"))).status()).isEqualTo(200);
    }

    @Test
    void resolution_is_landscape_from_500x480_to_1920x1080_or_portrait_from_500x500_to_1080x1920() {
        int[][] fits = {{500, 480}, {1920, 1080}, {1920, 480}, {500, 499}, {1280, 720}, {1080, 1920}, {500, 500},
                {500, 1920}, {1080, 500}, {1080, 1080}, {720, 1280}};
        int[][] refused = {{499, 480}, {500, 479}, {1921, 1080}, {1920, 1081}, {1081, 1920}, {1080, 1921}, {499, 500},
                {499, 499}, {1081, 1081}, {0, 0}, {-1280, 720}, {1081, 1082}};
        for (int[] size : fits) {
            Client.Response r = start(Live.room(api), body("resolution", Map.of("width", size[0], "height", size[1])));
            assertThat(r.status()).as("%dx%d: %s", size[0], size[1], r.text()).isEqualTo(200);
            assertThat(r.json().path("resolution").toString())
                    .isEqualTo("{\"width\":" + size[0] + ",\"height\":" + size[1] + "}");
        }
        String room = Live.room(api);
        for (int[] size : refused) {
            assertError(start(room, body("resolution", Map.of("width", size[0], "height", size[1]))), 400,
                    "Invalid body param", "resolution " + size[0] + "x" + size[1] + RANGE);
        }
        assertThat(started(Live.room(api), body("resolution", Map.of("width", 720))).path("resolution").toString())
                .isEqualTo("{\"width\":720,\"height\":720}");
        assertThat(started(Live.room(api), body("resolution", Map.of())).path("resolution").toString())
                .isEqualTo("{\"width\":1280,\"height\":720}");
        assertError(start(room, body("resolution", Map.of("height", 1920))), 400, "Invalid body param",
                "resolution 1280x1920" + RANGE);
        assertError(start(room, body("resolution", Map.of("width", "1280"))), 400, "Invalid body param",
                "resolution.width must be an integer");
        assertError(start(room, body("resolution", Map.of("width", 1280.5))), 400, "Invalid body param",
                "resolution.width must be an integer");
        assertError(start(room, body("resolution", Map.of("width", 99999999999L))), 400, "Invalid body param",
                "resolution.width is out of range");
        assertError(start(room, body("resolution", "720p")), 400, "Invalid body param", "resolution must be an object");
        assertError(start(room, body("recording", "yes")), 400, "Invalid body param", "recording must be a boolean");
    }

    @Test
    void meeting_url_room_and_second_start_rules_match_live_streams() {
        String apiRoom = Streams.roomOn(api, Streams.apiTemplate(api, null));
        assertError(start(apiRoom, body()), 400, "Invalid body param",
                "meeting_url is required: the room's template has no subdomain (templates created through the REST API have none)");
        assertError(start(apiRoom, body("meeting_url", "mailto:a@b.c")), 400, "Invalid body param",
                "meeting_url must be an absolute http or https URL");
        String id = started(apiRoom, body("meeting_url", MEETING)).path("id").asText();
        assertError(start(apiRoom, body("meeting_url", MEETING)), 400, "Invalid request", "external stream already running");
        // a live stream is another kind: it may run beside it
        assertThat(api.post("/v2/live-streams/room/" + apiRoom + "/start", Map.of("meeting_url", MEETING)).status())
                .isEqualTo(200);
        assertThat(id).matches("[0-9a-f]{24}");

        assertError(start("000000000000000000000000", body()), 404, "Room not found");
        String room = Live.room(api);
        assertError(Client.forNewWorkspace(api.server()).post("/v2/external-streams/room/" + room + "/start", body()),
                404, "Room not found");
        api.post("/v2/rooms/" + room, Map.of("enabled", false));
        assertError(start(room, body()), 403, "Room is disabled");
    }

    @Test
    void the_destination_is_an_rtmp_destination_of_the_template_whose_settings_fill_the_gaps() {
        String two = Streams.apiTemplate(api, "{\"rtmpDestinations\": {\"yt\": {\"width\": 1080, \"height\": 1920,"
                + " \"recordingEnabled\": true}, \"twitch\": {}}}");
        String room = Streams.roomOn(api, two);
        assertError(start(room, body("meeting_url", MEETING)), 400, "Invalid body param",
                "destination is required: the room's template has 2 RTMP destinations (yt, twitch)");
        assertError(start(room, body("meeting_url", MEETING, "destination", "fb")), 400, "Invalid body param",
                "destination fb is not an RTMP destination of the room's template");
        JsonNode yt = started(room, body("meeting_url", MEETING, "destination", "yt"));
        assertThat(yt.path("destination").asText()).isEqualTo("yt");
        assertThat(yt.path("resolution").toString()).isEqualTo("{\"width\":1080,\"height\":1920}");
        assertThat(yt.path("recording").asBoolean()).isTrue();
        JsonNode own = started(Streams.roomOn(api, two), body("meeting_url", MEETING, "destination", "yt",
                "recording", false, "resolution", Map.of("width", 1920, "height", 1080)));
        assertThat(own.path("resolution").toString()).isEqualTo("{\"width\":1920,\"height\":1080}");
        assertThat(own.path("recording").asBoolean()).isFalse();
    }

    @Test
    void retrieve_list_stop_and_stop_all() {
        List<String> rooms = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rooms.add(Live.room(api));
            ids.add(started(rooms.get(i), body()).path("id").asText());
        }
        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        JsonNode first = api.get("/v2/external-streams").json();
        assertThat(Streams.keys(first)).containsExactly("limit", "data", "last");
        assertThat(first.path("data").findValuesAsText("id")).isEqualTo(newestFirst.subList(0, 10));
        assertThat(Streams.keys(first.path("data").get(0))).containsExactlyElementsOf(KEYS);
        assertThat(api.get("/v2/external-streams?start=" + first.path("last").asText()).json().path("data")
                .findValuesAsText("id")).containsExactly(ids.get(0));
        assertThat(api.get("/v2/external-streams?room_id=" + rooms.get(4)).json().path("data").findValuesAsText("id"))
                .containsExactly(ids.get(4));
        JsonNode one = api.get("/v2/external-streams/" + ids.get(2)).json();
        assertThat(Streams.keys(one)).containsExactlyElementsOf(KEYS);
        assertThat(api.get("/v2/external-streams?session_id=" + one.path("session_id").asText()).json().path("data")
                .findValuesAsText("id")).containsExactly(ids.get(2));
        assertError(api.get("/v2/external-streams?status=live"), 400, "Invalid query parameter",
                "status must be one of starting, running, stopping, post_processing, completed, failed");
        assertError(api.get("/v2/external-streams/000000000000000000000000"), 404, "External stream not found");
        assertError(Client.forNewWorkspace(api.server()).get("/v2/external-streams/" + ids.get(0)), 404,
                "External stream not found");
        // another kind's id is not an external stream
        String live = api.post("/v2/live-streams/room/" + rooms.get(0) + "/start", Map.of()).at("/id");
        assertError(api.get("/v2/external-streams/" + live), 404, "External stream not found");

        assertThat(Streams.advance(api, ids.get(1))).isEqualTo("running");
        assertThat(api.get("/v2/external-streams?room_id=" + rooms.get(1) + "&status=running").json().path("data")
                .findValuesAsText("id")).containsExactly(ids.get(1));
        JsonNode stopped = api.post("/v2/external-streams/" + ids.get(1) + "/stop", null).json();
        assertThat(Streams.keys(stopped)).containsExactlyElementsOf(KEYS);
        assertThat(stopped.path("status").asText()).isEqualTo("stopping");
        assertError(api.post("/v2/external-streams/" + ids.get(1) + "/stop", null), 400, "Invalid request",
                "external stream is stopping, not running");
        assertError(api.post("/v2/external-streams/000000000000000000000000/stop", null), 404, "External stream not found");

        JsonNode all = api.post("/v2/external-streams/room/" + rooms.get(3) + "/stop", "{}").json();
        assertThat(Streams.keys(all)).containsExactly("error", "data", "limit", "last");
        assertThat(all.path("error").asText()).isEmpty();
        assertThat(all.path("limit").asInt()).isEqualTo(10);
        assertThat(all.path("data").findValuesAsText("id")).containsExactly(ids.get(3));
        assertThat(all.path("last").asText()).isEqualTo(ids.get(3));
        assertThat(all.path("data").get(0).path("status").asText()).isEqualTo("stopping");
        assertThat(api.post("/v2/external-streams/room/" + rooms.get(3) + "/stop", null).text())
                .isEqualTo("{\"error\":\"\",\"data\":null,\"limit\":10,\"last\":\"\"}");
        assertError(api.post("/v2/external-streams/room/000000000000000000000000/stop", null), 404, "Room not found");
        // stopping a room's external streams leaves its live stream running
        assertThat(api.post("/v2/external-streams/room/" + rooms.get(0) + "/stop", null).json().path("data")
                .findValuesAsText("id")).containsExactly(ids.get(0));
        assertThat(api.get("/v2/live-streams/" + live).at("/status")).isIn("starting", "running");
    }
}
