package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.QUIZ;
import static dev.hundred.server.polls.PollFixtures.answered;
import static dev.hundred.server.polls.PollFixtures.createId;
import static dev.hundred.server.polls.PollFixtures.items;
import static dev.hundred.server.polls.PollFixtures.keys;
import static dev.hundred.server.polls.PollFixtures.ok;
import static dev.hundred.server.polls.PollFixtures.start;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scores (quiz and poll), pagination of responses and results, and the per-session paths. */
class PollResultsApiTest extends ApiTestBase {
    private String room;

    private String runningIn(String body) {
        room = Live.room(api);
        String poll = createId(api, body);
        Live.join(api, room, "host", "Host");
        start(api, room, poll);
        return poll;
    }

    private String peer(String name) {
        return Live.join(api, room, "guest", name).path("id").asText();
    }

    private Map<String, Integer> scores(String poll, String query) {
        Map<String, Integer> byUserAndQuestion = new java.util.TreeMap<>();
        items(ok(api.get("/v2/polls/" + poll + "/results" + query)), "results").forEach(r ->
                byUserAndQuestion.put(r.path("user_id").asText() + "#" + r.path("question").asInt(), r.path("score").asInt()));
        return byUserAndQuestion;
    }

    @Test
    void a_quiz_scores_the_weight_of_each_right_answer() {
        String quiz = runningIn(QUIZ);
        String ann = peer("Ann");
        String bob = peer("Bob");
        answered(api, room, ann, Map.of("poll_id", quiz, "question", 1, "option", 2, "duration", 900));
        answered(api, room, ann, Map.of("poll_id", quiz, "question", 2, "options", List.of(3, 1)));
        answered(api, room, ann, Map.of("poll_id", quiz, "question", 3, "text", "  pARis "));
        answered(api, room, bob, Map.of("poll_id", quiz, "question", 1, "option", 1));
        answered(api, room, bob, Map.of("poll_id", quiz, "question", 2, "options", List.of(1)));
        answered(api, room, bob, Map.of("poll_id", quiz, "question", 3, "text", "Lyon"));
        assertThat(scores(quiz, "")).containsExactly(Map.entry("user-Ann#1", 2), Map.entry("user-Ann#2", 3),
                Map.entry("user-Ann#3", 5), Map.entry("user-Bob#1", 0), Map.entry("user-Bob#2", 0),
                Map.entry("user-Bob#3", 0));

        JsonNode page = ok(api.get("/v2/polls/" + quiz + "/results?question=1"));
        assertThat(keys(page)).containsExactly("last", "limit", "results");
        List<JsonNode> results = items(page, "results");
        assertThat(results).hasSize(2);
        JsonNode annFirst = results.get(1);
        assertThat(keys(annFirst)).containsExactly("id", "poll_id", "session_id", "question", "duration", "peer_id",
                "user_id", "score");
        assertThat(annFirst.path("peer_id").asText()).isEqualTo(ann);
        assertThat(annFirst.path("duration").asLong()).isEqualTo(900);
        assertThat(annFirst.path("session_id").asText()).isEqualTo(api.get("/v2/active-rooms/" + room).at("/session/id"));
        assertThat(page.path("last").asText()).isEqualTo(annFirst.path("id").asText());
        assertThat(ok(api.get("/v2/polls/" + quiz + "/results/" + annFirst.path("id").asText()))).isEqualTo(annFirst);

        answered(api, room, bob, Map.of("poll_id", quiz, "question", 1, "option", 2, "duration", 4000));
        JsonNode changed = ok(api.get("/v2/polls/" + quiz + "/results?question=1")).at("/results/0");
        assertThat(changed.path("user_id").asText()).isEqualTo("user-Bob");
        assertThat(changed.path("score").asInt()).as("the result follows the changed answer").isEqualTo(2);
        assertThat(changed.path("duration").asLong()).isEqualTo(4000);
        assertThat(changed.path("id").asText()).isEqualTo(results.get(0).path("id").asText());
    }

    @Test
    void text_answers_compare_by_the_answers_case_and_trim_rules() {
        String quiz = runningIn("""
                {"type": "quiz", "start": "manual", "questions": [
                  {"type": "short-answer", "answer": {"text": "Paris", "case": true}},
                  {"type": "long-answer", "answer": {"text": " Paris ", "trim": true}}]}""");
        Map<String, Integer> expected = new java.util.TreeMap<>();
        String[][] tries = {{"Paris", "1", "1"}, {"paris", "0", "1"}, {" Paris", "0", "1"}, {"PARIS ", "0", "1"},
                {"Pari", "0", "0"}};
        for (String[] t : tries) {
            String name = "P" + t[0].trim() + t[0].length();
            String peer = peer(name);
            answered(api, room, peer, Map.of("poll_id", quiz, "question", 1, "text", t[0]));
            answered(api, room, peer, Map.of("poll_id", quiz, "question", 2, "text", t[0]));
            expected.put("user-" + name + "#1", Integer.parseInt(t[1]));
            expected.put("user-" + name + "#2", Integer.parseInt(t[2]));
        }
        assertThat(scores(quiz, "")).isEqualTo(expected);
    }

    @Test
    void a_poll_without_right_answers_scores_the_weights_of_the_options_chosen() {
        String poll = runningIn("""
                {"start": "manual", "questions": [
                  {"type": "multiple-choice", "options": [{"weight": 2}, {"weight": 5}, {"weight": 0}]},
                  {"type": "short-answer"}]}""");
        String ann = peer("Ann");
        answered(api, room, ann, Map.of("poll_id", poll, "question", 1, "options", List.of(1, 2, 3)));
        answered(api, room, ann, Map.of("poll_id", poll, "question", 2, "text", "hello"));
        assertThat(scores(poll, "")).containsExactly(Map.entry("user-Ann#1", 7), Map.entry("user-Ann#2", 0));
    }

    @Test
    void responses_and_results_page_newest_first_from_an_exclusive_start() {
        StringBuilder questions = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            questions.append(i == 0 ? "" : ",").append("{\"options\": [{}]}");
        }
        String poll = runningIn("{\"start\": \"manual\", \"questions\": [" + questions + "]}");
        String ann = peer("Ann");
        List<String> ids = new ArrayList<>();
        for (int q = 1; q <= 25; q++) {
            ids.add(0, answered(api, room, ann, Map.of("poll_id", poll, "question", q, "option", 1)).path("id").asText());
        }
        for (String list : new String[] {"responses", "results"}) {
            List<String> seen = new ArrayList<>();
            String start = "";
            List<Integer> sizes = new ArrayList<>();
            while (true) {
                JsonNode page = ok(api.get("/v2/polls/" + poll + "/" + list + (start.isEmpty() ? "" : "?start=" + start)));
                assertThat(page.path("limit").asInt()).isEqualTo(10);
                if (page.path(list).isNull()) {
                    assertThat(page.path("last").asText()).isEmpty();
                    break;
                }
                sizes.add(page.path(list).size());
                page.path(list).forEach(r -> seen.add(r.path("id").asText()));
                start = page.path("last").asText();
                assertThat(start).isEqualTo(seen.get(seen.size() - 1));
            }
            assertThat(sizes).as(list).containsExactly(10, 10, 5);
            assertThat(seen).as(list).hasSize(25).doesNotHaveDuplicates();
            if (list.equals("responses")) {
                assertThat(seen).isEqualTo(ids);
            }
            assertThat(ok(api.get("/v2/polls/" + poll + "/" + list + "?limit=5")).path(list)).hasSize(10);
            JsonNode all = ok(api.get("/v2/polls/" + poll + "/" + list + "?limit=500"));
            assertThat(all.path("limit").asInt()).isEqualTo(100);
            assertThat(all.path(list)).hasSize(25);
            assertThat(ok(api.get("/v2/polls/" + poll + "/" + list + "?question=7")).path(list))
                    .extracting(r -> r.path("question").asInt()).containsExactly(7);
            assertThat(ok(api.get("/v2/polls/" + poll + "/" + list + "?question=0")).path(list)).hasSize(10);
            assertThat(ok(api.get("/v2/polls/" + poll + "/" + list + "?question=26")).path(list).isNull()).isTrue();
            assertError(api.get("/v2/polls/" + poll + "/" + list + "?limit=ten"), 400, "Invalid query parameter",
                    "limit must be an integer");
            assertError(api.get("/v2/polls/" + poll + "/" + list + "?question=-1"), 400, "Invalid query parameter",
                    "question must be a question index (an integer from 1)");
            assertError(api.get("/v2/polls/" + poll + "/" + list + "?question=two"), 400, "Invalid query parameter",
                    "question must be a question index (an integer from 1)");
        }
        assertError(api.get("/v2/polls/" + poll + "/responses?all=maybe"), 400, "Invalid query parameter",
                "all must be a boolean");
        assertThat(ok(api.get("/v2/polls/" + poll + "/sessions?limit=1")).path("limit").asInt()).isEqualTo(10);
    }

    @Test
    void the_nested_session_paths_show_one_session_of_the_poll() {
        String poll = createId(api, "{\"questions\": [{\"options\": [{}, {}]}]}");
        room = Live.room(api, Map.of("polls", List.of(poll)));
        String ann = peer("Ann");
        String first = api.get("/v2/active-rooms/" + room).at("/session/id");
        JsonNode r1 = answered(api, room, ann, Map.of("poll_id", poll, "question", 1, "option", 1));
        Live.leave(api, room, ann);
        String bob = peer("Bob");
        String second = api.get("/v2/active-rooms/" + room).at("/session/id");
        JsonNode r2 = answered(api, room, bob, Map.of("poll_id", poll, "question", 1, "option", 2));

        String base = "/v2/polls/" + poll + "/sessions/";
        assertThat(items(ok(api.get(base + first + "/responses")), "responses")).extracting(r -> r.path("id").asText())
                .containsExactly(r1.path("id").asText());
        assertThat(items(ok(api.get(base + second + "/responses")), "responses")).extracting(r -> r.path("id").asText())
                .containsExactly(r2.path("id").asText());
        assertThat(items(ok(api.get("/v2/polls/" + poll + "/responses")), "responses")).hasSize(2);
        List<JsonNode> results = items(ok(api.get(base + second + "/results")), "results");
        assertThat(results).extracting(r -> r.path("user_id").asText()).containsExactly("user-Bob");
        assertThat(ok(api.get(base + second + "/results/" + results.get(0).path("id").asText())))
                .isEqualTo(results.get(0));
        assertThat(ok(api.get(base + second + "/responses/" + r2.path("id").asText()))).isEqualTo(r2);
        assertError(api.get(base + first + "/responses/" + r2.path("id").asText()), 404, "Response not found");
        assertError(api.get(base + first + "/results/" + results.get(0).path("id").asText()), 404, "Result not found");
        assertThat(items(ok(api.get(base + first)), "responses")).extracting(s -> s.path("session_id").asText())
                .containsExactly(first);
        assertThat(ok(api.get(base + "655bffeecd34739a72637399")).path("responses").isNull()).isTrue();
    }
}
