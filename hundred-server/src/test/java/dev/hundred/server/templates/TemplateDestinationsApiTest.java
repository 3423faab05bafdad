package dev.hundred.server.templates;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static dev.hundred.server.templates.Golden.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Destinations of a template (spec §5.7, §5.11): maps keyed by name, each kind with its rules. */
class TemplateDestinationsApiTest extends ApiTestBase {
    private static final String EMPTY = """
            {"browserRecordings": {}, "rtmpDestinations": {}, "hlsDestinations": {}, "transcriptions": {}}""";

    private String id;
    private String destinations;

    @BeforeEach
    void newTemplate() {
        id = api.post("/v2/templates", "{\"roles\": {\"host\": {}, \"guest\": {}}}").json().path("id").asText();
        destinations = "/v2/templates/" + id + "/destinations";
    }

    private JsonNode post(String body) {
        Client.Response response = api.post(destinations, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private void assertRefused(String body, String... details) {
        assertError(api.post(destinations, body), 400, "Invalid body param", details);
    }

    @Test
    void the_endpoint_prints_every_map_while_the_template_prints_only_those_in_use() {
        assertJson(api.get(destinations).json(), EMPTY);
        post("{\"rtmpDestinations\": {\"yt\": {\"rtmpUrls\": [\"rtmps://a.example/live/key\"]}}}");
        assertJson(api.get(destinations).json(), """
                {"browserRecordings": {}, "rtmpDestinations": {"yt": {"name": "yt", "rtmpUrls": ["rtmps://a.example/live/key"]}},
                 "hlsDestinations": {}, "transcriptions": {}}""");
        assertJson(api.get("/v2/templates/" + id).json().path("destinations"),
                "{\"rtmpDestinations\": {\"yt\": {\"name\": \"yt\", \"rtmpUrls\": [\"rtmps://a.example/live/key\"]}}}");
        assertJson(post("{}"), EMPTY);
    }

    @Test
    void the_docs_example_is_accepted_and_echoed() {
        String example = """
                {"browserRecordings": {"test": {"name": "test", "width": 1920, "height": 1080, "maxDuration": 1800,
                   "thumbnails": {"width": 0, "height": 0}, "presignDuration": 3600}},
                 "rtmpDestinations": {"test": {"name": "test", "width": 1080, "height": 1920, "maxDuration": 1800,
                   "rtmpUrls": ["rtmp://a/1", "rtmp://b/2", "rtmps://c/3"], "recordingEnabled": true}},
                 "hlsDestinations": {"test": {"name": "test", "maxDuration": 28800,
                   "layers": [{"width": 1080, "height": 720, "videoBitrate": 1100, "audioBitrate": 32},
                              {"width": 720, "height": 720, "videoBitrate": 600}, {}],
                   "playlistType": "event", "numPlaylistSegments": 12, "videoFrameRate": 25,
                   "enableMetadataInsertion": true, "enableStaticUrl": true,
                   "recording": {"hlsVod": true, "singleFilePerLayer": true,
                     "layers": [{"width": 720, "height": 1920, "videoBitrate": 2000, "audioBitrate": 64}],
                     "thumbnails": {"enabled": true, "width": 720, "height": 1920, "offsets": [2], "fps": 60},
                     "presignDuration": 604800}}},
                 "transcriptions": {"test": {"name": "test", "role": "host", "modes": ["recorded", "live"],
                   "outputModes": ["txt", "srt", "json"], "customVocabulary": ["100ms", "SDK"],
                   "summary": {"enabled": true, "context": "a meeting", "temperature": 0.5,
                     "sections": [{"title": "Agenda", "format": "bullets"}, {"title": "Short Summary", "format": "paragraph"}]}}}}""";
        assertJson(post(example), example);
        assertJson(api.get(destinations).json(), example);
    }

    @Test
    void names_come_from_the_keys_and_must_match_them() {
        assertJson(post("{\"hlsDestinations\": {\"main\": {}}}").path("hlsDestinations"), "{\"main\": {\"name\": \"main\"}}");
        assertRefused("{\"rtmpDestinations\": {\"yt\": {\"name\": \"twitch\"}}}",
                "rtmpDestinations.yt.name must be yt, the key it is filed under");
    }

    @Test
    void rtmp_takes_at_most_3_rtmp_or_rtmps_urls() {
        assertRefused("{\"rtmpDestinations\": {\"yt\": {\"rtmpUrls\": [\"rtmp://a/1\", \"rtmp://a/2\", \"rtmp://a/3\", \"rtmp://a/4\"]}}}",
                "rtmpDestinations.yt.rtmpUrls must have at most 3 URLs");
        assertRefused("{\"rtmpDestinations\": {\"yt\": {\"rtmpUrls\": [\"https://a/1\", \"rtmp://\", null], \"width\": -1}}}",
                "rtmpDestinations.yt.width must not be negative",
                "rtmpDestinations.yt.rtmpUrls[0] must be an rtmp:// or rtmps:// URL",
                "rtmpDestinations.yt.rtmpUrls[1] must be an rtmp:// or rtmps:// URL",
                "rtmpDestinations.yt.rtmpUrls[2] must be an rtmp:// or rtmps:// URL");
    }

    @Test
    void hls_layers_are_even_within_the_size_bounds_and_in_descending_order() {
        assertRefused("{\"hlsDestinations\": {\"h\": {\"layers\": [{\"width\": 1281, \"height\": 720}]}}}",
                "hlsDestinations.h.layers[0].width must be an even number");
        assertRefused("{\"hlsDestinations\": {\"h\": {\"layers\": [{\"width\": 1920, \"height\": 1200}, {\"width\": 200, \"height\": 142}]}}}",
                "hlsDestinations.h.layers[0] shorter side must be between 144 and 1080",
                "hlsDestinations.h.layers[1] shorter side must be between 144 and 1080");
        assertRefused("{\"hlsDestinations\": {\"h\": {\"layers\": [{\"width\": 2000, \"height\": 1080}, {\"width\": 190, \"height\": 144}]}}}",
                "hlsDestinations.h.layers[0] longer side must be between 192 and 1920",
                "hlsDestinations.h.layers[1] longer side must be between 192 and 1920");
        assertRefused("{\"hlsDestinations\": {\"h\": {\"layers\": [{\"width\": 640, \"height\": 360, \"videoBitrate\": 800},"
                        + " {\"width\": 1280, \"height\": 720, \"videoBitrate\": 2000}]}}}",
                "hlsDestinations.h.layers[1] must not have a higher resolution than the layer before",
                "hlsDestinations.h.layers[1].videoBitrate must not be higher than in the layer before");
        assertRefused("{\"hlsDestinations\": {\"h\": {\"recording\": {\"layers\": [{\"width\": 100}]}}}}",
                "hlsDestinations.h.recording.layers[0].width must be between 144 and 1920");
    }

    @Test
    void hls_playlists_are_event_or_live_with_3_to_150_segments() {
        post("{\"hlsDestinations\": {\"h\": {\"playlistType\": \"live\", \"numPlaylistSegments\": 3}}}");
        post("{\"hlsDestinations\": {\"h\": {\"playlistType\": \"live\", \"numPlaylistSegments\": 150}}}");
        assertRefused("{\"hlsDestinations\": {\"h\": {\"playlistType\": \"vod\", \"numPlaylistSegments\": 2}}}",
                "hlsDestinations.h.playlistType must be one of event, live",
                "hlsDestinations.h.numPlaylistSegments must be between 3 and 150");
        assertRefused("{\"hlsDestinations\": {\"h\": {\"playlistType\": \"live\", \"numPlaylistSegments\": 151}}}",
                "hlsDestinations.h.numPlaylistSegments must be between 3 and 150");
    }

    @Test
    void zipped_hls_uploads_are_refused_with_100ms_storage() {
        assertRefused("{\"hlsDestinations\": {\"h\": {\"recording\": {\"enableZipUpload\": true}}}}",
                "hlsDestinations.h.recording.enableZipUpload needs settings.recording.upload:"
                        + " zipped upload is not available with 100ms storage");
        assertJson(api.get(destinations).json(), EMPTY);
    }

    @Test
    void transcriptions_need_a_role_and_take_the_documented_modes_and_summary_limits() {
        assertRefused("{\"transcriptions\": {\"t\": {\"modes\": [\"recorded\", \"dubbed\"], \"outputModes\": [\"pdf\"]}}}",
                "transcriptions.t.role is required",
                "transcriptions.t.modes[1] must be one of recorded, live, caption",
                "transcriptions.t.outputModes[0] must be one of txt, srt, json");
        String sections = "{\"title\": \"s\", \"format\": \"bullets\"},".repeat(6);
        assertRefused("{\"transcriptions\": {\"t\": {\"role\": \"host\", \"summary\": {\"context\": \"" + "c".repeat(301)
                        + "\", \"temperature\": 1.5, \"sections\": [" + sections + "{\"title\": \"" + "t".repeat(101)
                        + "\", \"format\": \"table\"}]}}}}",
                "transcriptions.t.summary.context must be at most 300 characters",
                "transcriptions.t.summary.temperature must be between 0.1 and 1.0",
                "transcriptions.t.summary.sections must have at most 6 sections",
                "transcriptions.t.summary.sections[6].title must be at most 100 characters",
                "transcriptions.t.summary.sections[6].format must be one of bullets, paragraph");
        assertRefused("{\"transcriptions\": {\"t\": {\"role\": \"host\", \"summary\": {\"temperature\": 0.05, \"sections\": [{}]}}}}",
                "transcriptions.t.summary.temperature must be between 0.1 and 1.0",
                "transcriptions.t.summary.sections[0].title is required",
                "transcriptions.t.summary.sections[0].format is required");
    }

    @Test
    void the_summary_flag_may_be_spelt_enable_and_translation_needs_caption_mode() {
        assertJson(post("{\"transcriptions\": {\"t\": {\"role\": \"host\", \"summary\": {\"enable\": true, \"temperature\": 1}}}}")
                .at("/transcriptions/t/summary"), "{\"enabled\": true, \"temperature\": 1}");
        assertRefused("{\"transcriptions\": {\"t\": {\"role\": \"host\", \"modes\": [\"live\"],"
                        + " \"translation\": {\"enabled\": true, \"roleLanguages\": {\"host\": \"hi\"}}}}}",
                "transcriptions.t.translation works only with the caption mode");
        post("{\"transcriptions\": {\"t\": {\"role\": \"host\", \"modes\": [\"caption\"],"
                + " \"translation\": {\"enabled\": true, \"roleLanguages\": {\"host\": \"hi\"}}}}}");
    }

    @Test
    void wrong_types_name_the_field() {
        assertRefused("{\"rtmpDestinations\": {\"yt\": {\"rtmpUrls\": \"rtmp://a/b\"}}}", "rtmpDestinations.yt.rtmpUrls must be an array");
        assertRefused("{\"hlsDestinations\": []}", "hlsDestinations must be an object");
    }
}
