package dev.hundred.server.emulator;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultApiTest extends ApiTestBase {
    private static final String FAULTS = "/emulator/v1/faults";

    private JsonNode fault(Map<String, Object> body) {
        Client.Response response = api.post(FAULTS, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void a_rule_answers_matching_requests_in_the_error_shape_times_times_and_then_requests_run() {
        JsonNode rule = fault(body("method", "post", "path", "/v2/rooms", "status", 503, "message", "try later", "times", 2));
        assertThat(rule.fieldNames()).toIterable().containsExactly("id", "method", "path", "status", "message",
                "delay_ms", "times", "remaining", "probability", "seed", "injected", "created_at");
        assertThat(rule.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(rule.path("method").asText()).isEqualTo("POST");
        assertThat(rule.path("delay_ms").asInt()).isZero();
        assertThat(rule.path("times").asInt()).isEqualTo(2);
        assertThat(rule.path("remaining").asInt()).isEqualTo(2);
        assertThat(rule.path("probability").asDouble()).isEqualTo(1.0);
        assertThat(rule.path("seed").isNull()).isTrue();
        assertThat(rule.path("injected").asLong()).isZero();
        String id = rule.path("id").asText();

        for (int i = 0; i < 2; i++) {
            assertError(api.post("/v2/rooms", Map.of("name", "faulted")), 503, "try later", "injected fault " + id);
        }
        assertThat(api.get("/v2/rooms?name=faulted").json().path("data").isNull()).as("the faulted calls never ran").isTrue();
        assertThat(api.post("/v2/rooms", Map.of("name", "faulted")).status()).isEqualTo(200);
        assertThat(api.get("/v2/rooms").status()).as("GET does not match a POST rule").isEqualTo(200);

        JsonNode listed = api.get(FAULTS).json().path("faults");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("remaining").asInt()).isZero();
        assertThat(listed.get(0).path("injected").asLong()).isEqualTo(2);
    }

    @Test
    void without_a_message_the_answer_has_the_standard_text_and_without_times_it_never_runs_out() {
        String id = fault(body("path", "/v2/rooms/*", "status", 500)).path("id").asText();
        for (int i = 0; i < 5; i++) {
            assertError(api.get("/v2/rooms/" + "a".repeat(24)), 500, "Internal Server Error", "injected fault " + id);
        }
        JsonNode listed = api.get(FAULTS).json().path("faults").get(0);
        assertThat(listed.path("times").isNull()).isTrue();
        assertThat(listed.path("remaining").isNull()).isTrue();
        assertThat(listed.path("injected").asLong()).isEqualTo(5);
        fault(body("path", "/v2/templates", "status", 599));
        assertError(api.get("/v2/templates"), 599, "Error 599");
        fault(body("path", "/v2/sessions", "status", 429));
        assertError(api.get("/v2/sessions"), 429, "Too Many Requests");
    }

    @Test
    void globs_match_one_segment_with_a_star_and_any_with_two() {
        fault(body("path", "/v2/rooms/*", "status", 418));
        assertThat(api.get("/v2/rooms").status()).as("/v2/rooms is not /v2/rooms/*").isEqualTo(200);
        assertThat(api.get("/v2/rooms/abc").status()).isEqualTo(418);
        assertThat(api.get("/v2/rooms/abc/def").status()).as("* is one segment").isNotEqualTo(418);
        api.delete(FAULTS);

        fault(body("path", "/v2/active-rooms/**", "status", 418));
        assertThat(api.get("/v2/active-rooms/abc/peers/x").status()).isEqualTo(418);
        assertThat(api.get("/v2/active-rooms").status()).as("** may be no segment").isEqualTo(418);
        assertThat(api.get("/v2/rooms").status()).isEqualTo(200);
        api.delete(FAULTS);

        fault(body("path", "/v2/room-*", "status", 418));
        assertThat(api.get("/v2/room-codes/room/" + "a".repeat(24)).status()).as("* within a segment only").isNotEqualTo(418);
        assertThat(api.post("/v2/room-codes/room/" + "a".repeat(24), null).status()).isNotEqualTo(418);
        api.delete(FAULTS);

        fault(body("path", "/v2/**", "method", "DELETE", "status", 418));
        assertThat(api.get("/v2/rooms").status()).isEqualTo(200);
        assertThat(api.delete("/v2/templates/" + "a".repeat(24) + "/roles/x").status()).isEqualTo(418);
    }

    @Test
    void a_delay_then_the_request_runs_or_then_the_fault() {
        String delayOnly = fault(body("path", "/v2/rooms", "method", "POST", "delay_ms", 150, "times", 1)).path("id").asText();
        Client.Response delayed = api.post("/v2/rooms", Map.of("name", "slow"));
        assertThat(delayed.status()).as("a delay alone lets the request run").isEqualTo(200);
        JsonNode entry = api.get("/emulator/v1/requests?path=/v2/rooms&method=POST").json().path("requests").get(0);
        assertThat(entry.path("fault").asText()).isEqualTo(delayOnly);
        assertThat(entry.path("duration_ms").asLong()).as("the journal counts the wait").isGreaterThanOrEqualTo(150);
        assertThat(api.get("/v2/rooms?name=slow").json().path("data")).hasSize(1);

        String both = fault(body("path", "/v2/rooms", "method", "POST", "delay_ms", 100, "status", 502)).path("id").asText();
        assertError(api.post("/v2/rooms", Map.of("name", "never")), 502, "Bad Gateway", "injected fault " + both);
        assertThat(api.get("/emulator/v1/requests?status=502").json().path("requests").get(0).path("duration_ms").asLong())
                .isGreaterThanOrEqualTo(100);
    }

    @Test
    void the_first_matching_rule_applies_and_only_it_is_counted() {
        String first = fault(body("path", "/v2/rooms", "status", 503, "times", 1)).path("id").asText();
        String second = fault(body("path", "/v2/**", "status", 504, "times", 1)).path("id").asText();
        assertError(api.get("/v2/rooms"), 503, "Service Unavailable", "injected fault " + first);
        assertError(api.get("/v2/rooms"), 504, "Gateway Timeout", "injected fault " + second);
        assertThat(api.get("/v2/rooms").status()).isEqualTo(200);
    }

    @Test
    void probability_zero_never_injects_and_a_seed_repeats_its_draws() {
        fault(body("path", "/v2/rooms", "status", 503, "probability", 0));
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/v2/rooms").status()).isEqualTo(200);
        }
        assertThat(api.get(FAULTS).json().path("faults").get(0).path("injected").asLong()).isZero();
        api.delete(FAULTS);

        List<Integer> run1 = seededRun(api);
        Client other = Client.forNewWorkspace(api.server());
        List<Integer> run2 = seededRun(other);
        assertThat(run1).isEqualTo(run2).contains(200, 503);
        long injected = run1.stream().filter(s -> s == 503).count();
        assertThat(api.get(FAULTS).json().path("faults").get(0).path("injected").asLong()).isEqualTo(injected);
    }

    private static List<Integer> seededRun(Client client) {
        Client.Response made = client.post(FAULTS, body("path", "/v2/rooms", "status", 503, "probability", 0.5, "seed", 42));
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        assertThat(made.json().path("seed").asLong()).isEqualTo(42);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(client.get("/v2/rooms").status());
        }
        return statuses;
    }

    @Test
    void a_request_can_ask_for_its_own_fault() {
        Map<String, String> header = Map.of("X-Hundred-Fault", "status=503;delay_ms=50");
        assertError(api.send("GET", "/v2/rooms", null, header), 503, "Service Unavailable", "injected fault X-Hundred-Fault");
        assertError(api.send("POST", "/v2/rooms", Map.of("name", "h"), Map.of("X-Hundred-Fault", " status = 422 ; message=no way ")),
                422, "no way", "injected fault X-Hundred-Fault");
        assertThat(api.get("/v2/rooms?name=h").json().path("data").isNull()).isTrue();
        assertThat(api.send("POST", "/v2/rooms", Map.of("name", "h"), Map.of("X-Hundred-Fault", "delay_ms=20")).status())
                .isEqualTo(200);
        JsonNode entry = api.get("/emulator/v1/requests?limit=1").json().path("requests").get(0);
        assertThat(entry.path("fault").asText()).isEqualTo("X-Hundred-Fault");
        assertThat(entry.path("headers").path("X-Hundred-Fault").asText()).isEqualTo("delay_ms=20");

        // The header wins over the rules, which are then not counted.
        fault(body("path", "/v2/rooms", "status", 500, "times", 1));
        assertThat(api.send("GET", "/v2/rooms", null, Map.of("X-Hundred-Fault", "status=401")).status()).isEqualTo(401);
        assertThat(api.get(FAULTS).json().path("faults").get(0).path("remaining").asInt()).isEqualTo(1);
    }

    @Test
    void a_bad_fault_header_is_400_and_names_what_is_wrong() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("status=503;", "X-Hundred-Fault: has an empty item");
        cases.put("", "X-Hundred-Fault: has an empty item");
        cases.put("status", "X-Hundred-Fault: 'status' is not key=value");
        cases.put("status=abc", "X-Hundred-Fault: status must be an integer from 400 to 599");
        cases.put("status=302", "X-Hundred-Fault: status must be an integer from 400 to 599");
        cases.put("status=-500", "X-Hundred-Fault: status must be an integer from 400 to 599");
        cases.put("status=5000000000", "X-Hundred-Fault: status must be an integer from 400 to 599");
        cases.put("delay_ms=30001", "X-Hundred-Fault: delay_ms must be an integer from 0 to 30000");
        cases.put("delay_ms=1.5", "X-Hundred-Fault: delay_ms must be an integer from 0 to 30000");
        cases.put("status=503;status=500", "X-Hundred-Fault: status is given twice");
        cases.put("status=503;times=2", "X-Hundred-Fault: unknown key 'times' (keys: status, delay_ms, message)");
        cases.put("message=hi", "X-Hundred-Fault: needs status or delay_ms");
        cases.put("delay_ms=5;message=hi", "X-Hundred-Fault: message needs a status");
        cases.put("status=503;message=", "X-Hundred-Fault: message is empty");
        cases.put("status=503;message=" + "m".repeat(2000), "X-Hundred-Fault: is too long");
        cases.forEach((value, detail) ->
                assertError(api.send("GET", "/v2/rooms", null, Map.of("X-Hundred-Fault", value)), 400, "Invalid header", detail));
    }

    @Test
    void faults_never_touch_the_emulator_nor_requests_without_a_workspace() {
        fault(body("path", "/v2/**", "status", 503));
        assertThat(api.get(FAULTS).status()).isEqualTo(200);
        assertThat(api.send("GET", "/emulator/v1/clock", null, Map.of("X-Hundred-Fault", "status=503")).status()).isEqualTo(200);
        assertThat(api.send("GET", "/emulator/v1/clock", null, Map.of("X-Hundred-Fault", "junk")).status()).isEqualTo(200);
        assertError(api.withToken(null).get("/v2/rooms"), 401, "Token validation error");
        assertError(api.withToken("not-a-token").send("GET", "/v2/rooms", null, Map.of("X-Hundred-Fault", "status=500")),
                401, "Token validation error");
        // The client-facing code exchange has no management token: not faulted (its own 4xx for an unknown code).
        assertThat(api.withToken(null).post("/v2/token", Map.of("code", "nope")).status()).isNotEqualTo(503);
        assertThat(api.get(FAULTS).json().path("faults").get(0).path("injected").asLong()).isZero();
    }

    @Test
    void rules_belong_to_their_workspace() {
        String id = fault(body("path", "/v2/rooms", "status", 503)).path("id").asText();
        Client other = Client.forNewWorkspace(api.server());
        assertThat(other.get("/v2/rooms").status()).isEqualTo(200);
        assertThat(other.get(FAULTS).json().path("faults")).isEmpty();
        assertError(other.delete(FAULTS + "/" + id), 404, "Fault not found", "no fault " + id);
        assertThat(api.get("/v2/rooms").status()).isEqualTo(503);
    }

    @Test
    void delete_one_answers_it_and_delete_all_counts_them() {
        JsonNode one = fault(body("path", "/v2/rooms", "status", 503));
        fault(body("path", "/v2/templates", "status", 503));
        fault(body("path", "/v2/sessions", "delay_ms", 5));
        assertThat(api.get("/v2/rooms").status()).isEqualTo(503);

        Client.Response deleted = api.delete(FAULTS + "/" + one.path("id").asText());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("id").asText()).isEqualTo(one.path("id").asText());
        assertThat(deleted.json().path("injected").asLong()).isEqualTo(1);
        assertThat(api.get("/v2/rooms").status()).as("gone at once").isEqualTo(200);
        assertError(api.delete(FAULTS + "/" + one.path("id").asText()), 404, "Fault not found");
        assertError(api.delete(FAULTS + "/nonsense"), 404, "Fault not found", "no fault nonsense");
        assertError(api.delete(FAULTS + "/" + "x".repeat(100)), 404, "Fault not found", "no fault " + "x".repeat(64) + "...");
        assertThat(api.get(FAULTS).json().path("faults")).extracting(f -> f.path("path").asText())
                .containsExactly("/v2/templates", "/v2/sessions");

        assertThat(api.delete(FAULTS).json().path("deleted").asInt()).isEqualTo(2);
        assertThat(api.get(FAULTS).json().path("faults")).isEmpty();
        assertThat(api.delete(FAULTS).json().path("deleted").asInt()).isZero();
        assertThat(api.get("/v2/templates").status()).isEqualTo(200);
    }

    @Test
    void every_field_is_checked() {
        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(body("status", 503), "path is required (a glob such as /v2/rooms/*; /v2/** is every call)");
        cases.put(body("path", "v2/rooms", "status", 503), "path must start with /");
        cases.put(body("path", "/emulator/v1/clock", "status", 503), "path must be under /v2 (faults never touch the emulator)");
        cases.put(body("path", "/v2x", "status", 503), "path must be under /v2 (faults never touch the emulator)");
        cases.put(body("path", "/v2/a**", "status", 503), "path has ** inside a segment (** must be a whole segment)");
        cases.put(body("path", "/v2/rooms?x=1", "status", 503), "path is a path only: no ? or #");
        cases.put(body("path", "/v2/" + "p".repeat(1100), "status", 503), "path is longer than 1024 characters");
        cases.put(body("path", 7, "status", 503), "path must be a string");
        cases.put(body("path", "/v2/rooms"), "a fault needs a status or a delay_ms above 0");
        cases.put(body("path", "/v2/rooms", "delay_ms", 0), "a fault needs a status or a delay_ms above 0");
        cases.put(body("path", "/v2/rooms", "status", 399), "status must be from 400 to 599");
        cases.put(body("path", "/v2/rooms", "status", 600), "status must be from 400 to 599");
        cases.put(body("path", "/v2/rooms", "status", "503"), "status must be an integer");
        cases.put(body("path", "/v2/rooms", "status", 503.5), "status must be an integer");
        cases.put(body("path", "/v2/rooms", "status", 503, "method", "FETCH"),
                "method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or *");
        cases.put(body("path", "/v2/rooms", "status", 503, "method", true), "method must be a string");
        cases.put(body("path", "/v2/rooms", "delay_ms", -1), "delay_ms must be from 0 to 30000");
        cases.put(body("path", "/v2/rooms", "delay_ms", 30001), "delay_ms must be from 0 to 30000");
        cases.put(body("path", "/v2/rooms", "delay_ms", 99999999999L), "delay_ms is out of range");
        cases.put(body("path", "/v2/rooms", "status", 503, "times", 0), "times must be at least 1 (leave it out for no limit)");
        cases.put(body("path", "/v2/rooms", "status", 503, "times", -3), "times must be at least 1 (leave it out for no limit)");
        cases.put(body("path", "/v2/rooms", "status", 503, "probability", 1.5), "probability must be from 0 to 1");
        cases.put(body("path", "/v2/rooms", "status", 503, "probability", -0.1), "probability must be from 0 to 1");
        cases.put(body("path", "/v2/rooms", "status", 503, "probability", "half"), "probability must be a number");
        cases.put(body("path", "/v2/rooms", "status", 503, "seed", 1.5), "seed must be an integer");
        cases.put(body("path", "/v2/rooms", "delay_ms", 5, "message", "x"), "message needs a status");
        cases.put(body("path", "/v2/rooms", "status", 503, "message", ""), "message must be 1 to 1024 characters");
        cases.put(body("path", "/v2/rooms", "status", 503, "message", "m".repeat(1025)), "message must be 1 to 1024 characters");
        cases.put(body("path", "/v2/rooms", "status", 503, "message", "a\u0000b"), "message must not contain NUL characters");
        cases.put(body("path", "/v2/rooms", "status", 503, "time", 5),
                "time is not a fault field (fields: method, path, status, message, delay_ms, times, probability, seed)");
        cases.forEach((body, detail) -> assertError(api.post(FAULTS, body), 400, "Invalid body param", detail));
        assertError(api.post(FAULTS, "[1]"), 400, "Invalid body param", "body must be a JSON object");
        assertError(api.post(FAULTS, "{"), 400, "Invalid body param", "malformed JSON");
        assertError(api.post(FAULTS, null), 400, "Invalid body param",
                "path is required (a glob such as /v2/rooms/*; /v2/** is every call)");
        assertThat(api.get(FAULTS).json().path("faults")).isEmpty();

        Map<String, Object> nulls = new HashMap<>(body("path", "/v2/rooms", "status", 503));
        nulls.put("times", null);
        nulls.put("message", null);
        JsonNode made = fault(nulls);
        assertThat(made.path("times").isNull()).isTrue();
        assertThat(fault(body("path", "/v2", "method", "*", "status", 400, "delay_ms", 30000, "times", 1, "probability", 1))
                .path("delay_ms").asInt()).isEqualTo(30000);
    }

    @Test
    void a_workspace_has_at_most_a_hundred_rules() {
        for (int i = 0; i < FaultService.MAX_FAULTS; i++) {
            fault(body("path", "/v2/nothing/" + i, "status", 503));
        }
        assertError(api.post(FAULTS, body("path", "/v2/rooms", "status", 503)), 400, "Invalid body param",
                "a workspace has at most 100 faults; delete some first");
    }

    @Test
    void the_emulator_calls_need_a_management_token() {
        assertError(api.withToken(null).get(FAULTS), 401, "Token validation error");
        assertError(api.withToken(null).post(FAULTS, body("path", "/v2/rooms", "status", 503)), 401, "Token validation error");
        assertError(api.withToken(null).delete(FAULTS), 401, "Token validation error");
        assertError(api.send("PUT", FAULTS, "{}", Map.of()), 405, "Method not allowed");
    }
}
