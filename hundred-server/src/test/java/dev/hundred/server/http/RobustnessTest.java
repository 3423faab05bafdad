package dev.hundred.server.http;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error in the 100ms shape, and nothing is written. */
class RobustnessTest extends ApiTestBase {

    private void assertNoRooms() {
        assertThat(api.get("/v2/rooms?enabled=true").json().path("data").isNull()).isTrue();
        assertThat(api.get("/v2/rooms?enabled=false").json().path("data").isNull()).isTrue();
    }

    @Test
    void a_body_over_1_mib_is_413() {
        String huge = "{\"description\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertError(api.post("/v2/rooms", huge), 413, "Request body too large");
        assertNoRooms();
    }

    @Test
    void malformed_json_is_400_invalid_body_param() {
        assertError(api.post("/v2/rooms", "{\"name\":"), 400, "Invalid body param", "malformed JSON");
        assertError(api.post("/v2/rooms", "{\"name\":\"a\"} trailing"), 400, "Invalid body param", "malformed JSON");
        assertError(api.post("/v2/rooms", "[1,2]"), 400, "Invalid body param", "body must be a JSON object");
        assertError(api.post("/v2/rooms", "\"text\""), 400, "Invalid body param", "body must be a JSON object");
        // a UTF-8 byte order mark: Go's decoder (the cloud) refuses it, Jackson alone would skip it
        assertError(api.post("/v2/rooms", "\uFEFF{\"name\":\"bom\"}"), 400, "Invalid body param", "malformed JSON");
        assertNoRooms();
    }

    @Test
    void invalid_utf8_is_400() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertError(api.post("/v2/rooms", body), 400, "Invalid body param", "body is not valid UTF-8");
        assertNoRooms();
    }

    @Test
    void deeply_nested_json_is_400() {
        String deep = "{\"webhook\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertError(api.post("/v2/rooms", deep), 400, "Invalid body param", "JSON nesting too deep (max 32)");
        assertNoRooms();
    }

    @Test
    void wrong_types_name_the_field() {
        assertError(api.post("/v2/rooms", Map.of("name", 5)), 400, "Invalid body param", "name must be a string");
        assertError(api.post("/v2/rooms", Map.of("large_room", "true")), 400, "Invalid body param", "large_room must be a boolean");
        assertError(api.post("/v2/rooms", Map.of("size", 1.5)), 400, "Invalid body param", "size must be an integer");
        assertError(api.post("/v2/rooms", Map.of("polls", "p")), 400, "Invalid body param", "polls must be an array");
        assertError(api.post("/v2/rooms", "{\"size\": 99999999999}"), 400, "Invalid body param", "size is out of range");
        assertNoRooms();
    }

    @Test
    void empty_body_empty_object_and_null_all_mean_no_payload() {
        assertThat(api.post("/v2/rooms", "").status()).isEqualTo(200);
        assertThat(api.post("/v2/rooms", "{}").status()).isEqualTo(200);
        assertThat(api.post("/v2/rooms", "null").status()).isEqualTo(200);
        assertThat(api.send("POST", "/v2/rooms", null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void unknown_fields_are_ignored() {
        assertThat(api.post("/v2/rooms", Map.of("name", "x1", "colour", "blue")).status()).isEqualTo(200);
    }

    @Test
    void unknown_paths_are_404_and_wrong_methods_405_in_the_error_shape() {
        assertError(api.get("/v2/nothing-here"), 404, "Not found", "no endpoint GET /v2/nothing-here");
        assertError(api.get("/elsewhere"), 404, "Not found", "no endpoint GET /elsewhere");
        assertError(api.delete("/v2/rooms"), 405, "Method not allowed");
        assertThat(api.delete("/v2/rooms").contentType()).startsWith("application/json");
    }

    @Test
    void healthz_answers_without_a_token() {
        Client.Response response = api.withToken(null).get("/healthz");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void absolute_form_request_targets_are_routed_by_path() {
        // How clients arrive through HTTPS_PROXY: the full URL in the request line (decisions.md, Bodies). The
        // contract reads the path and query of the absolute target, as the router does.
        RawHttp.Answer answer = RawHttp.checked(api.server().port(), "GET https://api.100ms.live/v2/rooms?limit=10 HTTP/1.1\r\n"
                + "Host: api.100ms.live\r\nAuthorization: Bearer " + api.token() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("\"limit\":10");
    }
}
