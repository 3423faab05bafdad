package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.createId;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule of a poll body: each broken one is 400 Invalid body param with the field in details. */
class PollValidationApiTest extends ApiTestBase {
    private static final String LONG_1025 = "x".repeat(1025);
    private static final String LONG_4097 = "x".repeat(4097);

    /** body -> the detail it must answer. */
    private static Map<String, String> refusedPolls() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[]", "body must be a JSON object");
        cases.put("{\"title\": 7}", "title must be a string");
        cases.put("{\"title\": \"" + LONG_1025 + "\"}", "title must be at most 1024 characters");
        cases.put("{\"title\": \"a\\u0000b\"}", "title must not contain NUL characters");
        cases.put("{\"duration\": \"10\"}", "duration must be an integer");
        cases.put("{\"duration\": 1.5}", "duration must be an integer");
        cases.put("{\"duration\": -1}", "duration must be between 0 and 43200");
        cases.put("{\"duration\": 43201}", "duration must be between 0 and 43200");
        cases.put("{\"duration\": 99999999999}", "duration is out of range");
        cases.put("{\"anonymous\": \"yes\"}", "anonymous must be a boolean");
        cases.put("{\"mode\": \"username\"}", "mode must be one of peerid, userid; got username");
        cases.put("{\"type\": \"survey\"}", "type must be one of poll, quiz; got survey");
        cases.put("{\"start\": \"later\"}", "start must be one of auto, manual; got later");
        cases.put("{\"questions\": {}}", "questions must be an array");
        cases.put("{\"questions\": [7]}", "questions[0] must be an object");
        cases.put("{\"questions\": [null]}", "questions[0] must be an object");
        cases.put("{\"questions\": [" + "{},".repeat(100) + "{}]}", "questions must have at most 100 questions");
        cases.put("{\"questions\": [{\"index\": 0}]}", "questions[0].index must be at least 1 (indexes start at 1)");
        cases.put("{\"questions\": [{\"index\": 3}, {}]}", "questions[0].index must be between 1 and 2 (indexes are positions)");
        cases.put("{\"questions\": [{}, {\"index\": 1}]}", "questions[1].index repeats index 1");
        cases.put("{\"questions\": [{\"text\": \"" + LONG_4097 + "\"}]}", "questions[0].text must be at most 4096 characters");
        cases.put("{\"questions\": [{\"text\": [\"q\"]}]}", "questions[0].text must be a string");
        cases.put("{\"questions\": [{\"format\": \"" + "f".repeat(65) + "\"}]}", "questions[0].format must be at most 64 characters");
        cases.put("{\"questions\": [{\"type\": \"essay\"}]}",
                "questions[0].type must be one of long-answer, multiple-choice, short-answer, single-choice; got essay");
        cases.put("{\"questions\": [{\"skippable\": 1}]}", "questions[0].skippable must be a boolean");
        cases.put("{\"questions\": [{\"once\": \"false\"}]}", "questions[0].once must be a boolean");
        cases.put("{\"questions\": [{\"duration\": 43201}]}", "questions[0].duration must be between 0 and 43200");
        cases.put("{\"questions\": [{\"weight\": -1}]}", "questions[0].weight must be between 0 and 1000000");
        cases.put("{\"questions\": [{\"weight\": 1000001}]}", "questions[0].weight must be between 0 and 1000000");
        cases.put("{\"questions\": [{\"answer_min_len\": -1}]}", "questions[0].answer_min_len must be between 0 and 65536");
        cases.put("{\"questions\": [{\"answer_max_len\": 65537}]}", "questions[0].answer_max_len must be between 0 and 65536");
        cases.put("{\"questions\": [{\"answer_min_len\": 5, \"answer_max_len\": 4}]}",
                "questions[0].answer_min_len must not exceed answer_max_len");
        cases.put("{\"questions\": [{\"type\": \"short-answer\", \"options\": [{}]}]}",
                "questions[0].options: short-answer questions have no options");
        cases.put("{\"questions\": [{\"options\": [" + "{},".repeat(50) + "{}]}]}",
                "questions[0].options must have at most 50 options");
        cases.put("{\"questions\": [{\"options\": [null]}]}", "questions[0].options[0] must be an object");
        cases.put("{\"questions\": [{\"options\": [{\"text\": 1}]}]}", "questions[0].options[0].text must be a string");
        cases.put("{\"questions\": [{\"options\": [{\"weight\": -2}]}]}",
                "questions[0].options[0].weight must be between 0 and 1000000");
        cases.put("{\"questions\": [{\"options\": [{\"index\": 2}]}]}",
                "questions[0].options[0].index must be between 1 and 1 (indexes are positions)");
        cases.put("{\"questions\": [{\"options\": [{}, {\"index\": 1}]}]}", "questions[0].options[1].index repeats index 1");
        cases.put("{\"questions\": [{\"answer\": []}]}", "questions[0].answer must be an object");
        cases.put("{\"questions\": [{\"answer\": {\"hidden\": \"no\"}}]}", "questions[0].answer.hidden must be a boolean");
        cases.put("{\"questions\": [{\"answer\": {\"case\": 0}}]}", "questions[0].answer.case must be a boolean");
        cases.put("{\"questions\": [{\"answer\": {\"options\": [1]}}]}",
                "questions[0].answer.options[0] names an option, but the question has none");
        cases.put("{\"questions\": [{\"options\": [{}, {}], \"answer\": {\"options\": [3]}}]}",
                "questions[0].answer.options[0] must be an option index between 1 and 2");
        cases.put("{\"questions\": [{\"options\": [{}, {}], \"answer\": {\"options\": [2, 2]}}]}",
                "questions[0].answer.options[1] repeats option 2");
        cases.put("{\"questions\": [{\"options\": [{}], \"answer\": {\"options\": [\"1\"]}}]}",
                "questions[0].answer.options[0] must be an integer");
        cases.put("{\"questions\": [{\"answer\": {\"text\": \"" + LONG_4097 + "\"}}]}",
                "questions[0].answer.text must be at most 4096 characters");
        cases.put("{\"questions\": [{\"attachment\": \"url\"}]}", "questions[0].attachment must be an array");
        cases.put("{\"questions\": [{\"attachment\": [1]}]}",
                "questions[0].attachment[0] must be a URL or an object with type and url");
        cases.put("{\"questions\": [{\"attachment\": [\"\"]}]}", "questions[0].attachment[0] must be a non-empty string");
        cases.put("{\"questions\": [{\"attachment\": [{\"type\": \"t\"}]}]}",
                "questions[0].attachment[0].url must be a non-empty string");
        cases.put("{\"questions\": [{\"attachment\": [{\"type\": 3, \"url\": \"u\"}]}]}",
                "questions[0].attachment[0].type must be a string");
        cases.put("{\"questions\": [{\"attachment\": [\"" + "u".repeat(2049) + "\"]}]}",
                "questions[0].attachment[0] must be at most 2048 characters");
        cases.put("{\"questions\": [{\"attachment\": [" + "\"u\",".repeat(10) + "\"u\"]}]}",
                "questions[0].attachment must have at most 10 attachments");
        cases.put("{\"title\": ", "malformed JSON");
        return cases;
    }

    @Test
    void every_broken_rule_of_a_create_is_400_with_the_field() {
        refusedPolls().forEach((body, detail) ->
                assertError(api.post("/v2/polls", body), 400, "Invalid body param", detail));
    }

    @Test
    void a_rewrite_follows_the_same_rules_and_changes_nothing_when_refused() {
        String id = createId(api, "{\"title\": \"kept\"}");
        refusedPolls().forEach((body, detail) ->
                assertError(api.post("/v2/polls/" + id, body), 400, "Invalid body param", detail));
        assertThat(api.get("/v2/polls/" + id).at("/title")).isEqualTo("kept");
    }

    @Test
    void a_question_rewrite_names_its_own_fields() {
        String id = createId(api, "{\"questions\": [{\"text\": \"kept\"}]}");
        String q = "/v2/polls/" + id + "/questions/1";
        assertError(api.post(q, "{\"weight\": \"2\"}"), 400, "Invalid body param", "weight must be an integer");
        assertError(api.post(q, "{\"type\": \"x\"}"), 400, "Invalid body param",
                "type must be one of long-answer, multiple-choice, short-answer, single-choice; got x");
        assertError(api.post(q, "{\"options\": [{\"weight\": -1}]}"), 400, "Invalid body param",
                "options[0].weight must be between 0 and 1000000");
        assertError(api.post(q, "{\"options\": [{}], \"answer\": {\"options\": [2]}}"), 400, "Invalid body param",
                "answer.options[0] must be an option index between 1 and 1");
        assertError(api.post(q + "/options/1", "{\"text\": 5}"), 400, "Invalid body param", "text must be a string");
        assertError(api.post(q + "/options/1", "{\"weight\": 1000001}"), 400, "Invalid body param",
                "weight must be between 0 and 1000000");
        assertError(api.post(q + "/options/1", "{\"index\": 0}"), 400, "Invalid body param",
                "index is 0 but the path names 1");
        assertThat(api.get("/v2/polls/" + id).at("/questions/0/text")).isEqualTo("kept");
    }

    @Test
    void a_poll_holds_at_most_100_questions_and_a_question_50_options() {
        String id = createId(api, "{\"questions\": [" + "{},".repeat(99) + "{\"options\": [" + "{},".repeat(49) + "{}]}]}");
        assertError(api.post("/v2/polls/" + id + "/questions/101", "{}"), 400, "Invalid body param",
                "questions must have at most 100 questions");
        assertError(api.post("/v2/polls/" + id + "/questions/100/options/51", "{}"), 400, "Invalid body param",
                "options must have at most 50 options");
    }
}
