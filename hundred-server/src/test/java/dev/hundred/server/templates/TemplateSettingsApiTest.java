package dev.hundred.server.templates;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static dev.hundred.server.templates.Golden.DEFAULT_SETTINGS;
import static dev.hundred.server.templates.Golden.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings of a template (spec §5.7, §5.10). */
class TemplateSettingsApiTest extends ApiTestBase {
    private String settings;
    private String id;

    @BeforeEach
    void newTemplate() {
        id = api.post("/v2/templates", "{\"name\": \"settings\", \"roles\": {\"host\": {}}}").json().path("id").asText();
        settings = "/v2/templates/" + id + "/settings";
    }

    private JsonNode post(String body) {
        Client.Response response = api.post(settings, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void settings_start_with_their_defaults_and_an_empty_post_restores_them() {
        assertJson(api.get(settings).json(), DEFAULT_SETTINGS);
        post("{\"region\": \"eu\"}");
        assertJson(post("{}"), DEFAULT_SETTINGS);
        assertJson(api.get(settings).json(), DEFAULT_SETTINGS);
    }

    @Test
    void the_docs_example_is_stored_with_secretKey_whichever_spelling_was_sent() {
        JsonNode answer = post("""
                {"region": "eu",
                 "recording": {"upload": {"type": "s3", "location": "bucket", "prefix": "rec/",
                   "options": {"region": "eu-west-1"}, "credentials": {"key": "AK", "secret": "SK"}}},
                 "roomState": {"messageInterval": 10, "sendPeerList": true, "stopRoomStateOnJoin": false, "enabled": true}}""");

        String expected = """
                {"region": "eu",
                 "recording": {"upload": {"type": "s3", "location": "bucket", "prefix": "rec/",
                   "options": {"region": "eu-west-1"}, "credentials": {"key": "AK", "secretKey": "SK"}}},
                 "roomState": {"messageInterval": 10, "sendPeerList": true, "stopRoomStateOnJoin": false, "enabled": true},
                 "retry": {}}""";
        assertJson(answer, expected);
        assertJson(api.get(settings).json(), expected);
        assertJson(api.get("/v2/templates/" + id).json().path("settings"), expected);
        assertThat(post("""
                {"recording": {"enabled": true, "upload": {"type": "gs", "location": "b", "prefix": "p",
                 "credentials": {"key": "AK", "secretKey": "SK2"}}}}""").at("/recording/upload/credentials/secretKey").asText())
                .isEqualTo("SK2");
    }

    @Test
    void region_is_in_us_eu_or_auto_and_rooms_take_it_from_the_template() {
        post("{\"region\": \"in\"}");
        assertThat(api.post("/v2/rooms", "{\"template_id\": \"" + id + "\"}").json().path("region").asText()).isEqualTo("in");
        assertError(api.post(settings, "{\"region\": \"ap\"}"), 400, "Invalid body param",
                "region must be one of in, us, eu, auto");
    }

    @Test
    void room_state_message_interval_is_a_multiple_of_5_from_5_to_3600() {
        post("{\"roomState\": {\"messageInterval\": 5}}");
        assertThat(post("{\"roomState\": {\"messageInterval\": 3600}}").at("/roomState/messageInterval").asInt()).isEqualTo(3600);
        for (int bad : new int[] {0, 4, 7, 3605}) {
            assertError(api.post(settings, "{\"roomState\": {\"messageInterval\": " + bad + "}}"), 400,
                    "Invalid body param", "roomState.messageInterval must be a multiple of 5 between 5 and 3600");
        }
        assertJson(post("{\"roomState\": {\"enabled\": true}}").path("roomState"),
                "{\"messageInterval\": 5, \"sendPeerList\": false, \"stopRoomStateOnJoin\": true, \"enabled\": true}");
    }

    @Test
    void an_upload_needs_a_known_type_a_location_a_prefix_and_both_credential_parts() {
        post("{\"recording\": {\"upload\": {\"type\": \"azure\", \"location\": \"c\", \"prefix\": \"p\"}}}");
        assertError(api.post(settings, "{\"recording\": {\"upload\": {\"type\": \"ftp\", \"credentials\": {}}}}"), 400,
                "Invalid body param",
                "recording.upload.type must be one of s3, gs, oss, azure",
                "recording.upload.location is required",
                "recording.upload.prefix is required",
                "recording.upload.credentials.key is required",
                "recording.upload.credentials.secretKey is required");
        assertError(api.post(settings, "{\"recording\": {\"upload\": {}}}"), 400, "Invalid body param",
                "recording.upload.type is required", "recording.upload.location is required",
                "recording.upload.prefix is required");
        assertThat(api.get(settings).json().at("/recording/upload/type").asText()).isEqualTo("azure");
        assertError(api.post(settings, "{\"recording\": []}"), 400, "Invalid body param", "recording must be an object");
    }

    @Test
    void zipped_hls_uploads_need_the_customers_own_bucket() {
        post("{\"recording\": {\"upload\": {\"type\": \"s3\", \"location\": \"b\", \"prefix\": \"p\"}}}");
        Client.Response destinations = api.post("/v2/templates/" + id + "/destinations",
                "{\"hlsDestinations\": {\"hls\": {\"recording\": {\"hlsVod\": true, \"enableZipUpload\": true}}}}");
        assertThat(destinations.status()).as(destinations.text()).isEqualTo(200);

        assertError(api.post(settings, "{}"), 400, "Invalid body param",
                "destinations.hlsDestinations.hls.recording.enableZipUpload needs settings.recording.upload:"
                        + " zipped upload is not available with 100ms storage");
        assertThat(api.get(settings).json().at("/recording/upload/type").asText()).isEqualTo("s3");
    }
}
