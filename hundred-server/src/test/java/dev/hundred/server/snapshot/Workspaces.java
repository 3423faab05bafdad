package dev.hundred.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;

/**
 * A workspace filled the way a team sets one up, through the API: a custom template with roles,
 * settings, destinations and recordings; rooms (one disabled, one on the custom template, one naming a
 * poll); room codes (one disabled); polls; stream keys (one disabled, one active); emulator settings and a
 * signed workspace webhook.
 */
final class Workspaces {
    private Workspaces() {}

    static final String POLL = """
            {"title": "Lunch?", "type": "poll", "start": "manual",
             "questions": [{"text": "Where?", "options": [{"text": "Here"}, {"text": "There"}]},
                           {"text": "Why?", "type": "short-answer", "answer_max_len": 100}]}""";

    static final String QUIZ = """
            {"title": "Capitals", "type": "quiz", "questions": [{"text": "Italy?", "weight": 2,
             "options": [{"text": "Milan"}, {"text": "Rome"}], "answer": {"options": [2]}}]}""";

    /** The rooms it made, by name. */
    static Map<String, String> fill(Client api) {
        String stage = ok(api.post("/v2/templates", """
                {"name": "stage", "roles": {"speaker": {"priority": 2, "maxPeerCount": 5},
                 "viewer": {"publishParams": {"allowed": []}}},
                 "settings": {"region": "in"},
                 "destinations": {"rtmpDestinations": {"yt": {"rtmpUrls": ["rtmp://a.example/live"]}}}}""")).path("id").asText();
        ok(api.post("/v2/templates/" + stage + "/recordings",
                "[{\"name\": \"main\", \"role\": \"speaker\", \"maxDuration\": 1800, \"trackRecording\": {\"enabled\": true}}]"));
        String poll = ok(api.post("/v2/polls", POLL)).path("id").asText();
        ok(api.post("/v2/polls", QUIZ));
        String alpha = ok(api.post("/v2/rooms", Map.of("name", "alpha", "description", "the first"))).path("id").asText();
        String beta = ok(api.post("/v2/rooms", Map.of("name", "Beta", "template_id", stage, "size", 10,
                "max_duration_seconds", 600))).path("id").asText();
        String gamma = ok(api.post("/v2/rooms", Map.of("name", "gamma", "polls", List.of(poll),
                "webhook", Map.of("url", "http://127.0.0.1:9/room-hook")))).path("id").asText();
        String delta = ok(api.post("/v2/rooms", Map.of("name", "delta"))).path("id").asText();
        ok(api.post("/v2/rooms/" + delta, Map.of("enabled", false)));
        JsonNode codes = ok(api.post("/v2/room-codes/room/" + alpha, null));
        ok(api.post("/v2/room-codes/room/" + beta, null));
        ok(api.post("/v2/room-codes/code", Map.of("code", codes.path("data").path(0).path("code").asText(), "enabled", false)));
        ok(api.post("/v2/stream-keys/room/" + beta, null));
        ok(api.post("/v2/stream-keys/room/" + beta + "/disable", null));
        ok(api.post("/v2/stream-keys/room/" + beta, null));
        ok(api.post("/v2/stream-keys/room/" + alpha, null));
        ok(api.post("/emulator/v1/settings", Map.of("jobs", Map.of("start_delay_seconds", 2))));
        ok(api.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:9/hook", "headers", Map.of("X-Team", "a"),
                "signing_secret", "whsec-snapshot-test")));
        return Map.of("alpha", alpha, "beta", beta, "gamma", gamma, "delta", delta, "stage", stage, "poll", poll);
    }

    static JsonNode ok(Client.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.text().isEmpty() ? null : response.json();
    }

    static String export(Client api) {
        Client.Response response = api.get("/emulator/v1/export");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.text();
    }
}
