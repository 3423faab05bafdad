package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.DEFAULT_QUESTION;
import static dev.hundred.server.polls.PollFixtures.DOCS_EXAMPLE;
import static dev.hundred.server.polls.PollFixtures.create;
import static dev.hundred.server.polls.PollFixtures.createId;
import static dev.hundred.server.polls.PollFixtures.json;
import static dev.hundred.server.polls.PollFixtures.keys;
import static dev.hundred.server.polls.PollFixtures.ok;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Poll definitions (spec §14.2): create, read, rewrite, and the question and option rewrites and deletes. */
class PollApiTest extends ApiTestBase {

    @Test
    void create_answers_the_docs_example_as_sent_with_an_id() {
        JsonNode poll = create(api, DOCS_EXAMPLE);
        assertThat(poll.path("id").asText()).matches("[0-9a-f]{24}");
        ObjectNode expected = (ObjectNode) json(DOCS_EXAMPLE);
        ObjectNode withId = Client.JSON.createObjectNode().put("id", poll.path("id").asText());
        withId.setAll(expected);
        assertThat(poll).isEqualTo(withId);
        assertThat(keys(poll)).containsExactly("id", "title", "duration", "anonymous", "mode", "type", "start",
                "questions");
        assertThat(keys(poll.path("questions").get(0))).containsExactly("index", "text", "format", "attachment",
                "skippable", "duration", "once", "weight", "answer_min_len", "answer_max_len", "type", "answer",
                "options");
        assertThat(keys(poll.path("questions").get(0).path("answer")))
                .containsExactly("hidden", "options", "text", "case", "trim");
        assertThat(ok(api.get("/v2/polls/" + poll.path("id").asText()))).isEqualTo(poll);
    }

    @Test
    void every_field_has_its_default() {
        JsonNode poll = create(api, "{\"questions\": [{}, {\"options\": [{}, {\"text\": \"b\"}], \"answer\": {}}]}");
        assertThat(poll).isEqualTo(json("""
                {"id": "%s", "title": "", "duration": 0, "anonymous": false, "mode": "userid", "type": "poll",
                 "start": "auto", "questions": [%s,
                  {"index": 2, "text": "", "format": "text", "attachment": [], "skippable": true, "duration": 0,
                   "once": false, "weight": 1, "answer_min_len": 0, "answer_max_len": 0, "type": "single-choice",
                   "answer": {"hidden": false, "options": [], "text": "", "case": false, "trim": false},
                   "options": [{"index": 1, "text": "", "weight": 1}, {"index": 2, "text": "b", "weight": 1}]}]}
                """.formatted(poll.path("id").asText(), DEFAULT_QUESTION)));
        JsonNode ignored = create(api, "{\"id\": \"mine\", \"extra\": [1]}");
        assertThat(ignored.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(keys(ignored)).doesNotContain("extra");
        assertError(api.get("/v2/polls"), 405, "Method not allowed");
        JsonNode empty = ok(api.post("/v2/polls", null));
        assertThat(empty.path("questions").isArray()).isTrue();
        assertThat(empty.path("questions")).isEmpty();
    }

    @Test
    void questions_and_options_sent_out_of_order_are_ordered_by_index() {
        JsonNode poll = create(api, """
                {"questions": [{"index": 2, "text": "second"}, {"index": 1, "text": "first",
                  "options": [{"index": 2, "text": "b"}, {"text": "a", "index": 1}]}]}
                """);
        assertThat(poll.at("/questions/0/text").asText()).isEqualTo("first");
        assertThat(poll.at("/questions/0/options/0/text").asText()).isEqualTo("a");
        assertThat(poll.at("/questions/1/index").asInt()).isEqualTo(2);
    }

    @Test
    void attachments_may_be_urls_or_type_and_url_objects() {
        JsonNode poll = create(api, """
                {"questions": [{"attachment": ["https://example.test/a.png", {"url": "https://example.test/b"},
                                               {"type": "image/png", "url": "u", "extra": 1}]}]}
                """);
        assertThat(poll.at("/questions/0/attachment")).isEqualTo(json("""
                ["https://example.test/a.png", {"url": "https://example.test/b"}, {"type": "image/png", "url": "u"}]
                """));
    }

    @Test
    void a_rewrite_replaces_every_field_and_keeps_the_id() {
        String id = createId(api, DOCS_EXAMPLE);
        JsonNode rewritten = ok(api.post("/v2/polls/" + id, Map.of("title", "second", "type", "quiz")));
        assertThat(rewritten).isEqualTo(json("""
                {"id": "%s", "title": "second", "duration": 0, "anonymous": false, "mode": "userid", "type": "quiz",
                 "start": "auto", "questions": []}
                """.formatted(id)));
        assertThat(ok(api.get("/v2/polls/" + id))).isEqualTo(rewritten);
    }

    @Test
    void a_post_without_any_body_reads_the_poll_as_the_docs_get_poll_curl_does() {
        JsonNode poll = create(api, DOCS_EXAMPLE);
        String id = poll.path("id").asText();
        assertThat(ok(api.post("/v2/polls/" + id, null))).isEqualTo(poll);
        assertThat(ok(api.post("/v2/polls/" + id, "  \n"))).isEqualTo(poll);
        assertThat(ok(api.get("/v2/polls/" + id))).isEqualTo(poll);
        assertThat(ok(api.post("/v2/polls/" + id, "{}")).path("questions")).isEmpty();
    }

    @Test
    void unknown_and_other_workspaces_polls_are_404_everywhere() {
        String id = createId(api, DOCS_EXAMPLE);
        Client other = Client.forNewWorkspace(api.server());
        for (Client.Response r : new Client.Response[] {
                other.get("/v2/polls/" + id), other.post("/v2/polls/" + id, Map.of("title", "x")),
                other.post("/v2/polls/" + id + "/questions/1", Map.of()), other.delete("/v2/polls/" + id + "/questions/1"),
                other.post("/v2/polls/" + id + "/questions/1/options/1", Map.of()),
                other.delete("/v2/polls/" + id + "/questions/1/options/1"),
                other.get("/v2/polls/" + id + "/sessions"), other.get("/v2/polls/" + id + "/responses"),
                other.get("/v2/polls/" + id + "/results"), other.get("/v2/polls/" + id + "/responses/" + id),
                other.get("/v2/polls/" + id + "/results/" + id), other.get("/v2/polls/" + id + "/sessions/" + id),
                other.get("/v2/polls/" + id + "/sessions/" + id + "/responses"),
                other.get("/v2/polls/" + id + "/sessions/" + id + "/results"),
                api.get("/v2/polls/655bffeecd34739a72637305"), api.get("/v2/polls/not-an-id")}) {
            assertError(r, 404, "Poll not found");
        }
        assertThat(ok(api.get("/v2/polls/" + id)).path("title").asText()).isEqualTo("first poll");
    }

    @Test
    void a_question_is_rewritten_at_its_index_and_added_at_the_next_one() {
        String id = createId(api, DOCS_EXAMPLE);
        JsonNode rewritten = ok(api.post("/v2/polls/" + id + "/questions/1", Map.of("text", "new q1", "type", "long-answer")));
        assertThat(rewritten).isEqualTo(json("""
                {"index": 1, "text": "new q1", "format": "text", "attachment": [], "skippable": true, "duration": 0,
                 "once": false, "weight": 1, "answer_min_len": 0, "answer_max_len": 0, "type": "long-answer", "options": []}
                """));
        JsonNode added = ok(api.post("/v2/polls/" + id + "/questions/3", Map.of("index", 3, "text", "q3")));
        assertThat(added.path("index").asInt()).isEqualTo(3);
        JsonNode poll = ok(api.get("/v2/polls/" + id));
        assertThat(poll.path("questions")).hasSize(3);
        assertThat(poll.at("/questions/0")).isEqualTo(rewritten);
        assertThat(poll.at("/questions/1/text").asText()).isEqualTo("q2");
        assertThat(poll.at("/questions/2")).isEqualTo(added);
        assertError(api.post("/v2/polls/" + id + "/questions/5", Map.of()), 404, "Question not found",
                "the poll has 3 questions; a new question takes index 4, not 5");
        assertError(api.post("/v2/polls/" + id + "/questions/2", Map.of("index", 3)), 400, "Invalid body param",
                "index is 3 but the path names 2");
    }

    @Test
    void deleting_a_question_moves_the_later_ones_down() {
        String id = createId(api, """
                {"questions": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"}]}""");
        Client.Response deleted = api.delete("/v2/polls/" + id + "/questions/2");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        JsonNode questions = ok(api.get("/v2/polls/" + id)).path("questions");
        assertThat(questions).extracting(q -> q.path("index").asInt() + q.path("text").asText())
                .containsExactly("1a", "2c", "3d");
        assertThat(api.delete("/v2/polls/" + id + "/questions/3").status()).isEqualTo(204);
        assertError(api.delete("/v2/polls/" + id + "/questions/3"), 404, "Question not found",
                "the poll has 2 questions; question 3 does not exist");
        assertThat(ok(api.get("/v2/polls/" + id)).path("questions")).extracting(q -> q.path("text").asText())
                .containsExactly("a", "c");
    }

    @Test
    void options_are_rewritten_added_and_deleted_with_the_answer_following_them() {
        String id = createId(api, """
                {"type": "quiz", "questions": [{"type": "multiple-choice",
                  "options": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"}],
                  "answer": {"options": [2, 4, 1]}}]}""");
        assertThat(ok(api.post("/v2/polls/" + id + "/questions/1/options/1", Map.of("text", "A", "weight", 3))))
                .isEqualTo(json("{\"index\": 1, \"text\": \"A\", \"weight\": 3}"));
        assertThat(ok(api.post("/v2/polls/" + id + "/questions/1/options/5", Map.of("index", 5, "text", "e"))))
                .isEqualTo(json("{\"index\": 5, \"text\": \"e\", \"weight\": 1}"));
        Client.Response deleted = api.delete("/v2/polls/" + id + "/questions/1/options/2");
        assertThat(deleted.status()).isEqualTo(204);
        JsonNode q = ok(api.get("/v2/polls/" + id)).at("/questions/0");
        assertThat(q.path("options")).isEqualTo(json("""
                [{"index": 1, "text": "A", "weight": 3}, {"index": 2, "text": "c", "weight": 1},
                 {"index": 3, "text": "d", "weight": 1}, {"index": 4, "text": "e", "weight": 1}]"""));
        assertThat(q.at("/answer/options")).isEqualTo(json("[3, 1]"));
        assertError(api.delete("/v2/polls/" + id + "/questions/1/options/5"), 404, "Option not found",
                "the question has 4 options; option 5 does not exist");
        assertError(api.post("/v2/polls/" + id + "/questions/1/options/6", Map.of()), 404, "Option not found",
                "the question has 4 options; a new option takes index 5, not 6");
        assertError(api.post("/v2/polls/" + id + "/questions/1/options/2", Map.of("index", 1)), 400,
                "Invalid body param", "index is 1 but the path names 2");
        assertError(api.post("/v2/polls/" + id + "/questions/2/options/1", Map.of()), 404, "Question not found",
                "the poll has 1 questions; question 2 does not exist");
        assertError(api.delete("/v2/polls/" + id + "/questions/2/options/1"), 404, "Question not found",
                "the poll has 1 questions; question 2 does not exist");
    }

    @Test
    void text_questions_take_no_options() {
        String id = createId(api, "{\"questions\": [{\"type\": \"short-answer\"}]}");
        assertError(api.post("/v2/polls/" + id + "/questions/1/options/1", Map.of("text", "x")), 400,
                "Invalid request", "short-answer questions have no options");
    }

    @Test
    void path_indexes_must_be_positive_integers() {
        String id = createId(api, DOCS_EXAMPLE);
        for (String bad : new String[] {"0", "-1", "one", "1.5", "99999999999"}) {
            assertError(api.post("/v2/polls/" + id + "/questions/" + bad, Map.of()), 400, "Invalid path parameter",
                    "question_id must be a positive integer (indexes start at 1)");
            assertError(api.delete("/v2/polls/" + id + "/questions/" + bad), 400, "Invalid path parameter",
                    "question_id must be a positive integer (indexes start at 1)");
            assertError(api.delete("/v2/polls/" + id + "/questions/1/options/" + bad), 400, "Invalid path parameter",
                    "option_id must be a positive integer (indexes start at 1)");
        }
    }

    @Test
    void reads_answer_post_too_as_the_docs_curls_send_it() {
        String id = createId(api, DOCS_EXAMPLE);
        for (String path : new String[] {"/sessions", "/responses", "/results", "/sessions/" + id,
                "/sessions/" + id + "/responses", "/sessions/" + id + "/results"}) {
            JsonNode page = ok(api.post("/v2/polls/" + id + path, null));
            assertThat(page.path("last").asText()).as(path).isEmpty();
            assertThat(page.path("limit").asInt()).isEqualTo(10);
        }
    }

    @Test
    void a_poll_needs_a_management_token() {
        assertError(api.withToken(null).post("/v2/polls", "{}"), 401, "Token validation error");
        assertError(api.withToken(null).get("/v2/polls/x"), 401, "Token validation error");
    }
}
