package dev.hundred.server.emulator;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalApiTest extends ApiTestBase {
    private static final String JOURNAL = "/emulator/v1/requests";

    private JsonNode requests(String query) {
        Client.Response response = api.get(JOURNAL + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().fieldNames()).toIterable().containsExactly("requests");
        return response.json().path("requests");
    }

    @Test
    void a_request_is_journaled_with_what_it_sent_and_what_it_got() {
        Instant before = api.server().clock().instant();
        Client.Response created = api.send("POST", "/v2/rooms?x=1&y=two", "{\"name\":\"journaled\",\"description\":\"d\"}",
                Map.of("X-Trace", "t-1", "Idempotency-Key", "k-1"));
        assertThat(created.status()).isEqualTo(200);
        Instant after = api.server().clock().instant();

        JsonNode entry = requests("").get(0);
        assertThat(entry.fieldNames()).toIterable().containsExactly("time", "method", "path", "query", "headers", "body",
                "body_truncated", "status", "duration_ms", "fault");
        assertThat(entry.path("method").asText()).isEqualTo("POST");
        assertThat(entry.path("path").asText()).isEqualTo("/v2/rooms");
        assertThat(entry.path("query").asText()).isEqualTo("x=1&y=two");
        assertThat(entry.path("headers").path("X-Trace").asText()).isEqualTo("t-1");
        assertThat(entry.path("headers").path("Idempotency-Key").asText()).isEqualTo("k-1");
        assertThat(entry.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(entry.path("headers").has("Authorization")).isFalse();
        assertThat(entry.path("body").asText()).isEqualTo("{\"name\":\"journaled\",\"description\":\"d\"}");
        assertThat(entry.path("body_truncated").asBoolean()).isFalse();
        assertThat(entry.path("status").asInt()).isEqualTo(200);
        assertThat(entry.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(entry.path("duration_ms").asLong()).isNotNegative();
        assertThat(entry.path("fault").isNull()).isTrue();
        Instant time = Timestamps.parse(entry.path("time").asText());
        assertThat(time).isBetween(before, after);
    }

    @Test
    void newest_first_with_errors_too_and_the_emulator_itself_never() {
        api.get("/v2/rooms");
        api.get("/v2/rooms/" + "f".repeat(24));
        api.post("/v2/rooms", "{");
        api.get("/v2/no-such-thing");
        api.get("/emulator/v1/clock");
        JsonNode entries = requests("");
        assertThat(entries).extracting(e -> e.path("method").asText() + " " + e.path("path").asText() + " " + e.path("status").asInt())
                .containsExactly("GET /v2/no-such-thing 404", "POST /v2/rooms 400",
                        "GET /v2/rooms/ffffffffffffffffffffffff 404", "GET /v2/rooms 200");
        assertThat(entries.get(1).path("body").asText()).isEqualTo("{");
        assertThat(entries.get(3).path("query").asText()).isEmpty();
        assertThat(entries.get(3).path("body").asText()).isEmpty();
    }

    @Test
    void the_journal_never_shows_a_credential() {
        String token = api.token();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", "sid=cookie-secret-1");
        headers.put("X-Api-Key", "api-key-secret-2");
        headers.put("X-Auth-Token", "auth-token-secret-3");
        headers.put("Proxy-Authorization", "Basic proxy-secret-4");
        headers.put("X-Client-Secret", "client-secret-5");
        headers.put("X-Session-Id", "session-secret-6");
        headers.put("X-Access-Key", "access-key-secret-7");
        headers.put("X-Visible", "shown");
        api.send("GET", "/v2/rooms?access_token=" + token + "&limit=20&api_key=query-secret-8", null, headers);
        api.post("/v2/rooms", Map.of("name", "plain"));

        String text = api.get(JOURNAL).text();
        assertThat(text).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                .doesNotContainIgnoringCase("Bearer").doesNotContainIgnoringCase("authorization");
        for (int i = 1; i <= 8; i++) {
            assertThat(text).doesNotContain("secret-" + i);
        }
        JsonNode get = requests("?method=GET").get(0);
        assertThat(get.path("headers").path("X-Visible").asText()).isEqualTo("shown");
        assertThat(get.path("query").asText()).isEqualTo("access_token=[redacted]&limit=20&api_key=[redacted]");
    }

    @Test
    void requests_without_a_workspace_are_not_journaled() {
        api.withToken(null).get("/v2/rooms");
        api.withToken("junk").get("/v2/rooms");
        api.withToken(null).post("/v2/token", Map.of("code", "abc-defg-hij"));
        assertThat(requests("")).isEmpty();
    }

    @Test
    void filters_by_method_path_glob_and_status_and_a_limit() {
        String room = api.post("/v2/rooms", Map.of("name", "f1")).at("/id");
        api.get("/v2/rooms/" + room);
        api.post("/v2/rooms/" + room, Map.of("description", "x"));
        api.get("/v2/rooms/" + "0".repeat(24));
        api.get("/v2/templates");

        assertThat(requests("?method=post")).extracting(e -> e.path("path").asText())
                .containsExactly("/v2/rooms/" + room, "/v2/rooms");
        assertThat(requests("?path=/v2/rooms/*")).hasSize(3);
        assertThat(requests("?path=/v2/**")).hasSize(5);
        assertThat(requests("?path=/v2/templates")).hasSize(1);
        assertThat(requests("?status=404")).extracting(e -> e.path("path").asText()).containsExactly("/v2/rooms/" + "0".repeat(24));
        assertThat(requests("?method=GET&path=/v2/rooms/*&status=200")).hasSize(1);
        assertThat(requests("?limit=2")).extracting(e -> e.path("path").asText())
                .containsExactly("/v2/templates", "/v2/rooms/" + "0".repeat(24));
        assertThat(requests("?limit=0")).as("below 1 counts as 1").hasSize(1);
        assertThat(requests("?limit=99999")).hasSize(5);
        assertThat(requests("?status=201")).isEmpty();
    }

    @Test
    void bad_filters_are_400() {
        assertError(api.get(JOURNAL + "?status=abc"), 400, "Invalid query parameter", "status must be an HTTP status, 100 to 599");
        assertError(api.get(JOURNAL + "?status=700"), 400, "Invalid query parameter", "status must be an HTTP status, 100 to 599");
        assertError(api.get(JOURNAL + "?status=2000"), 400, "Invalid query parameter", "status is longer than 3 characters");
        assertError(api.get(JOURNAL + "?path=v2"), 400, "Invalid query parameter", "path must start with /");
        assertError(api.get(JOURNAL + "?path=/v2/x**"), 400, "Invalid query parameter",
                "path has ** inside a segment (** must be a whole segment)");
        assertError(api.get(JOURNAL + "?method=" + "G".repeat(17)), 400, "Invalid query parameter",
                "method is longer than 16 characters");
        assertError(api.get(JOURNAL + "?limit=ten"), 400, "Invalid query parameter", "limit must be an integer");
        assertError(api.get(JOURNAL + "?method=%00"), 400, "Invalid query parameter", "method must not contain NUL characters");
        assertError(api.withToken(null).get(JOURNAL), 401, "Token validation error");
        assertError(api.withToken(null).delete(JOURNAL), 401, "Token validation error");
    }

    @Test
    void delete_forgets_the_workspace_requests_only() {
        Client other = Client.forNewWorkspace(api.server());
        api.get("/v2/rooms");
        api.get("/v2/templates");
        other.get("/v2/sessions");
        assertThat(other.get(JOURNAL).json().path("requests")).extracting(e -> e.path("path").asText())
                .containsExactly("/v2/sessions");

        Client.Response cleared = api.delete(JOURNAL);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("deleted").asInt()).isEqualTo(2);
        assertThat(requests("")).isEmpty();
        assertThat(api.delete(JOURNAL).json().path("deleted").asInt()).isZero();
        assertThat(other.get(JOURNAL).json().path("requests")).hasSize(1);
        api.get("/v2/rooms");
        assertThat(requests("")).hasSize(1);
    }

    @Test
    void a_long_body_is_kept_up_to_64_kib() {
        String description = "d".repeat(70 * 1024);
        api.post("/v2/rooms", "{\"name\":\"big\",\"description\":\"" + description + "\"}");
        JsonNode entry = requests("").get(0);
        assertThat(entry.path("body_truncated").asBoolean()).isTrue();
        String body = entry.path("body").asText();
        assertThat(body.length()).isEqualTo(RequestJournal.MAX_BODY);
        assertThat(body.startsWith("{\"name\":\"big\",\"description\":\"ddd")).isTrue();
    }

    @Test
    void the_journal_size_bounds_each_workspace_ring_and_zero_keeps_none() {
        try (Hundred small = new Hundred(Config.defaults().withPort(0).withDb(Backends.freshDb(backend)).withJournalSize(3)).start();
             Hundred none = new Hundred(Config.defaults().withPort(0).withDb(Backends.freshDb(backend)).withJournalSize(0)).start()) {
            Client client = Client.forNewWorkspace(small);
            for (int i = 0; i < 5; i++) {
                client.get("/v2/rooms?n=" + i);
            }
            assertThat(client.get(JOURNAL).json().path("requests")).extracting(e -> e.path("query").asText())
                    .containsExactly("n=4", "n=3", "n=2");

            Client quiet = Client.forNewWorkspace(none);
            quiet.get("/v2/rooms");
            assertThat(quiet.get(JOURNAL).json().path("requests")).isEmpty();
        }
    }

    @Test
    void fault_answers_are_journaled_with_their_rule() {
        String id = api.post("/emulator/v1/faults", Map.of("path", "/v2/rooms", "status", 503, "times", 1)).at("/id");
        api.get("/v2/rooms");
        api.get("/v2/rooms");
        assertThat(requests("")).extracting(e -> e.path("status").asInt() + " " + e.path("fault").asText())
                .containsExactly("200 null", "503 " + id);
    }
}
