package dev.hundred.server.templates;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static dev.hundred.server.templates.Golden.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recording configuration of a template (spec §5.8): an array of at most one element. */
class TemplateRecordingsApiTest extends ApiTestBase {
    private String id;
    private String recordings;

    @BeforeEach
    void newTemplate() {
        id = api.post("/v2/templates", "{\"roles\": {\"host\": {}, \"guest\": {}}}").json().path("id").asText();
        recordings = "/v2/templates/" + id + "/recordings";
    }

    private JsonNode post(String body) {
        Client.Response response = api.post(recordings, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_docs_example_comes_back_without_its_false_booleans() {
        assertJson(api.get(recordings).json(), "[]");
        String expected = """
                [{"name": "default", "role": "host", "maxDuration": 1800, "presignDuration": 3600,
                  "thumbnails": {"width": 1280, "height": 720, "offsets": [2], "fps": 60},
                  "compositeRecording": {"browserComposite": {"autoStopTimeout": 500, "width": 1920, "height": 1080},
                    "customComposite": {}},
                  "trackRecording": {},
                  "streamRecording": {"width": 1920, "height": 1080}}]""";
        assertJson(post("""
                [{"name": "default", "role": "host", "maxDuration": 1800, "presignDuration": 3600,
                  "thumbnails": {"enabled": false, "width": 1280, "height": 720, "offsets": [2], "fps": 60},
                  "compositeRecording": {"browserComposite": {"autoStart": false, "autoStopTimeout": 500,
                    "width": 1920, "height": 1080}, "customComposite": {"enabled": false}},
                  "trackRecording": {"enabled": false},
                  "streamRecording": {"enabled": false, "width": 1920, "height": 1080}}]"""), expected);
        assertJson(api.get(recordings).json(), expected);
        assertJson(post("[{\"name\": \"on\", \"role\": \"guest\", \"trackRecording\": {\"enabled\": true},"
                        + " \"compositeRecording\": {\"browserComposite\": {\"autoStart\": true}}}]"),
                "[{\"name\": \"on\", \"role\": \"guest\", \"compositeRecording\": {\"browserComposite\": {\"autoStart\": true}},"
                        + " \"trackRecording\": {\"enabled\": true}}]");
        assertJson(post("[]"), "[]");
    }

    @Test
    void at_most_one_configuration_with_a_name_and_a_role_of_the_template() {
        assertError(api.post(recordings, "[{\"name\": \"a\", \"role\": \"host\"}, {\"name\": \"b\", \"role\": \"host\"}]"),
                400, "Invalid body param", "body must hold at most 1 recording configuration");
        assertError(api.post(recordings, "[{\"maxDuration\": -1}]"), 400, "Invalid body param",
                "[0].name is required", "[0].role is required", "[0].maxDuration must not be negative");
        assertError(api.post(recordings, "[{\"name\": \"a\", \"role\": \"recorder\"}]"), 400, "Invalid body param",
                "[0].role must name a role of the template, not recorder");
        assertError(api.post(recordings, "[null]"), 400, "Invalid body param", "[0] must be an object");
        assertError(api.post(recordings, "{\"name\": \"a\", \"role\": \"host\"}"), 400, "Invalid body param",
                "body must be a JSON array of recording configurations");
        assertError(api.post(recordings, ""), 400, "Invalid body param",
                "body must be a JSON array of recording configurations");
        assertError(api.post(recordings, "[{\"name\": 1}]"), 400, "Invalid body param", "[0].name must be a string");
        assertJson(api.get(recordings).json(), "[]");
    }

    @Test
    void the_recording_role_follows_a_rename_and_cannot_be_deleted_or_replaced_away() {
        post("[{\"name\": \"default\", \"role\": \"guest\"}]");

        assertThat(api.post("/v2/templates/" + id + "/roles/guest", "{\"name\": \"recorder\"}").status()).isEqualTo(200);
        assertThat(api.get(recordings).json().at("/0/role").asText()).isEqualTo("recorder");

        assertError(api.delete("/v2/templates/" + id + "/roles/recorder"), 400, "Invalid request",
                "role recorder records recording configuration default; change the recordings first");
        assertError(api.post("/v2/templates/" + id, "{\"roles\": {\"host\": {}}, \"settings\": {}}"), 400,
                "Invalid body param", "recordings[0].role must name a role of the template, not recorder");
        assertThat(api.get("/v2/templates/" + id).json().path("roles").has("recorder")).isTrue();

        post("[]");
        assertThat(api.delete("/v2/templates/" + id + "/roles/recorder").status()).isEqualTo(204);
    }
}
