package dev.hundred.server.polls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Polls the tests share, and small steps over real HTTP that assert success. */
final class PollFixtures {
    private PollFixtures() {}

    /** The create body of the docs' example (create-polls-via-api.mdx), values as the docs give them. */
    static final String DOCS_EXAMPLE = """
            {"title": "first poll", "duration": 235, "anonymous": true, "mode": "userid", "type": "poll", "start": "auto",
             "questions": [
              {"index": 1, "text": "q1", "format": "text", "attachment": [{"type": "mimetype", "url": "url"}],
               "skippable": true, "duration": 0, "once": false, "weight": 2, "answer_min_len": 1, "answer_max_len": 1024,
               "type": "single-choice",
               "answer": {"hidden": false, "options": [1, 2], "text": "optoin1", "case": false, "trim": true},
               "options": [{"index": 1, "text": "optoin1", "weight": 1}, {"index": 2, "text": "optoin1", "weight": 1}]},
              {"index": 2, "text": "q2", "format": "text", "attachment": [{"type": "mimetype", "url": "url"}],
               "skippable": true, "duration": 0, "once": false, "weight": 1, "answer_min_len": 1, "answer_max_len": 1024,
               "type": "single-choice",
               "answer": {"hidden": false, "options": [1, 2], "text": "optoin1", "case": false, "trim": true},
               "options": [{"index": 1, "text": "optoin1", "weight": 1}, {"index": 2, "text": "optoin1", "weight": 1}]}]}
            """;

    /**
     * A quiz of three questions: single-choice (right: 2, weight 2), multiple-choice (right: 1 and 3, weight 3,
     * hidden), short answer (right: "Paris", trimmed, any case, weight 5).
     */
    static final String QUIZ = """
            {"title": "Capitals", "type": "quiz", "start": "manual",
             "questions": [
              {"text": "Capital of Italy?", "weight": 2,
               "options": [{"text": "Milan"}, {"text": "Rome"}, {"text": "Turin"}], "answer": {"options": [2]}},
              {"text": "Which are in France?", "type": "multiple-choice", "weight": 3,
               "options": [{"text": "Lyon"}, {"text": "Bonn"}, {"text": "Nice"}],
               "answer": {"hidden": true, "options": [1, 3]}},
              {"text": "Capital of France?", "type": "short-answer", "weight": 5, "answer_max_len": 20,
               "answer": {"text": "Paris", "trim": true, "case": false}}]}
            """;

    /** The question every default gives: what {@code {}} becomes. */
    static final String DEFAULT_QUESTION = """
            {"index": 1, "text": "", "format": "text", "attachment": [], "skippable": true, "duration": 0, "once": false,
             "weight": 1, "answer_min_len": 0, "answer_max_len": 0, "type": "single-choice", "options": []}
            """;

    static JsonNode json(String text) {
        try {
            return Client.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode create(Client api, String body) {
        Client.Response response = api.post("/v2/polls", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static String createId(Client api, String body) {
        return create(api, body).path("id").asText();
    }

    static JsonNode ok(Client.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode start(Client api, String room, String poll) {
        return ok(api.post("/emulator/v1/rooms/" + room + "/polls/" + poll + "/start", null));
    }

    static JsonNode stop(Client api, String room, String poll) {
        return ok(api.post("/emulator/v1/rooms/" + room + "/polls/" + poll + "/stop", null));
    }

    static Client.Response answer(Client api, String room, String peer, Map<String, ?> body) {
        return api.post("/emulator/v1/rooms/" + room + "/peers/" + peer + "/poll-responses", body);
    }

    static JsonNode answered(Client api, String room, String peer, Map<String, ?> body) {
        return ok(answer(api, room, peer, body));
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        Iterator<String> names = object.fieldNames();
        names.forEachRemaining(keys::add);
        return keys;
    }

    static List<JsonNode> items(JsonNode page, String key) {
        List<JsonNode> out = new ArrayList<>();
        page.path(key).forEach(out::add);
        return out;
    }
}
