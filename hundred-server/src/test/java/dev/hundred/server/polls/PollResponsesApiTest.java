package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.answer;
import static dev.hundred.server.polls.PollFixtures.answered;
import static dev.hundred.server.polls.PollFixtures.createId;
import static dev.hundred.server.polls.PollFixtures.items;
import static dev.hundred.server.polls.PollFixtures.keys;
import static dev.hundred.server.polls.PollFixtures.ok;
import static dev.hundred.server.polls.PollFixtures.start;
import static dev.hundred.server.polls.PollFixtures.stop;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers through the emulator: what is stored, changed answers, once, skipping, anonymity, the modes. */
class PollResponsesApiTest extends ApiTestBase {
    private static final String FOUR_KINDS = """
            {"start": "manual", "questions": [
              {"text": "Colour?", "options": [{"text": "red", "weight": 2}, {"text": "blue", "weight": 5}]},
              {"text": "Days?", "type": "multiple-choice", "options": [{"text": "Mon"}, {"text": "Tue", "weight": 3}, {"text": "Wed"}]},
              {"text": "Name?", "type": "short-answer", "answer_min_len": 2, "answer_max_len": 5, "skippable": false},
              {"text": "Why?", "type": "long-answer", "once": true}]}
            """;

    private String room;
    private String poll;

    private String peer(String role, String name) {
        return Live.join(api, room, role, name).path("id").asText();
    }

    private String running(String body) {
        room = Live.room(api);
        poll = createId(api, body);
        peer("host", "Host");
        start(api, room, poll);
        return poll;
    }

    private static Map<String, Object> body(String poll, int question, Object... fields) {
        Map<String, Object> m = new HashMap<>();
        m.put("poll_id", poll);
        m.put("question", question);
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        return m;
    }

    @Test
    void an_answer_of_each_kind_is_stored_as_the_docs_show_responses() {
        running(FOUR_KINDS);
        String ann = peer("guest", "Ann");
        String session = api.get("/v2/active-rooms/" + room).at("/session/id");
        JsonNode single = answered(api, room, ann, body(poll, 1, "option", 2, "duration", 1500));
        assertThat(keys(single)).containsExactly("id", "poll_id", "session_id", "duration", "question", "skipped",
                "option", "text", "update", "original_response", "retries", "sent_at", "peer_id", "user_id");
        assertThat(single.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(single.path("poll_id").asText()).isEqualTo(poll);
        assertThat(single.path("session_id").asText()).isEqualTo(session);
        assertThat(single.path("duration").asLong()).isEqualTo(1500);
        assertThat(single.path("question").asInt()).isEqualTo(1);
        assertThat(single.path("skipped").asBoolean()).isFalse();
        assertThat(single.path("option").asInt()).isEqualTo(2);
        assertThat(single.path("text").asText()).isEmpty();
        assertThat(single.path("update").asBoolean()).isFalse();
        assertThat(single.path("original_response").asText()).isEmpty();
        assertThat(single.path("retries").asInt()).isZero();
        assertThat(single.path("peer_id").asText()).isEqualTo(ann);
        assertThat(single.path("user_id").asText()).isEqualTo("user-Ann");

        JsonNode multiple = answered(api, room, ann, body(poll, 2, "options", List.of(3, 1)));
        assertThat(keys(multiple)).contains("options").doesNotContain("option");
        assertThat(multiple.path("options")).extracting(JsonNode::asInt).containsExactly(3, 1);
        assertThat(multiple.path("duration").asLong()).as("since the poll started").isGreaterThanOrEqualTo(0);
        JsonNode text = answered(api, room, ann, body(poll, 3, "text", "Ann"));
        assertThat(keys(text)).doesNotContain("option", "options");
        assertThat(text.path("text").asText()).isEqualTo("Ann");
        JsonNode single2 = answered(api, room, ann, body(poll, 1, "options", List.of(1)));
        assertThat(single2.path("option").asInt()).as("one of options counts as the option").isEqualTo(1);

        assertThat(ok(api.get("/v2/polls/" + poll + "/responses/" + single.path("id").asText()))).isEqualTo(single);
        assertThat(ok(api.get("/v2/polls/" + poll + "/sessions/" + session + "/responses/" + text.path("id").asText())))
                .isEqualTo(text);
        JsonNode page = ok(api.get("/v2/polls/" + poll + "/responses"));
        assertThat(keys(page)).containsExactly("last", "limit", "responses");
        assertThat(items(page, "responses")).extracting(r -> r.path("id").asText())
                .containsExactly(single2.path("id").asText(), text.path("id").asText(), multiple.path("id").asText());
        assertThat(page.path("last").asText()).isEqualTo(multiple.path("id").asText());
        JsonNode run = ok(api.get("/v2/polls/" + poll + "/sessions")).at("/responses/0");
        assertThat(run.path("total_responses").asInt()).isEqualTo(4);
        assertThat(run.path("unique_participants").asInt()).isEqualTo(1);
    }

    @Test
    void a_changed_answer_replaces_the_earlier_one_which_all_true_still_lists() {
        running(FOUR_KINDS);
        String ann = peer("guest", "Ann");
        JsonNode first = answered(api, room, ann, body(poll, 1, "option", 1));
        JsonNode second = answered(api, room, ann, body(poll, 1, "option", 2));
        JsonNode third = answered(api, room, ann, body(poll, 1, "option", 1));
        assertThat(second.path("update").asBoolean()).isTrue();
        assertThat(second.path("original_response").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("retries").asInt()).isEqualTo(1);
        assertThat(third.path("original_response").asText()).isEqualTo(second.path("id").asText());
        assertThat(third.path("retries").asInt()).isEqualTo(2);
        String path = "/v2/polls/" + poll + "/responses";
        assertThat(items(ok(api.get(path)), "responses")).extracting(r -> r.path("id").asText())
                .containsExactly(third.path("id").asText());
        assertThat(items(ok(api.get(path + "?all=true")), "responses")).extracting(r -> r.path("id").asText())
                .containsExactly(third.path("id").asText(), second.path("id").asText(), first.path("id").asText());
        assertThat(ok(api.get(path + "/" + first.path("id").asText()))).isEqualTo(first);
        JsonNode results = ok(api.get("/v2/polls/" + poll + "/results"));
        assertThat(items(results, "results")).hasSize(1);
        assertThat(results.at("/results/0/score").asInt()).as("option 1 weighs 2").isEqualTo(2);
    }

    @Test
    void a_question_answered_once_cannot_be_changed() {
        running(FOUR_KINDS);
        String ann = peer("guest", "Ann");
        answered(api, room, ann, body(poll, 4, "text", "because"));
        assertError(answer(api, room, ann, body(poll, 4, "text", "no, because")), 400, "Invalid request",
                "question 4 can be answered once");
        assertThat(items(ok(api.get("/v2/polls/" + poll + "/responses?all=true")), "responses")).hasSize(1);
        answered(api, room, peer("guest", "Bob"), body(poll, 4, "text", "other person"));
    }

    @Test
    void skipping_is_for_skippable_questions_and_stores_no_answer() {
        running(FOUR_KINDS);
        String ann = peer("guest", "Ann");
        JsonNode skipped = answered(api, room, ann, body(poll, 1, "skipped", true, "option", 2));
        assertThat(skipped.path("skipped").asBoolean()).isTrue();
        assertThat(keys(skipped)).doesNotContain("option", "options");
        assertThat(skipped.path("text").asText()).isEmpty();
        assertError(answer(api, room, ann, body(poll, 3, "skipped", true)), 400, "Invalid body param",
                "question 3 cannot be skipped");
        assertThat(ok(api.get("/v2/polls/" + poll + "/results")).at("/results/0/score").asInt()).isZero();
    }

    @Test
    void an_anonymous_poll_keeps_no_peer_or_user_id_but_still_knows_who_answered_once() {
        running("{\"anonymous\": true, \"start\": \"manual\", \"questions\": [{\"once\": true, \"options\": [{}, {}]}]}");
        String ann = peer("guest", "Ann");
        JsonNode r = answered(api, room, ann, body(poll, 1, "option", 1));
        assertThat(r.path("peer_id").asText()).isEmpty();
        assertThat(r.path("user_id").asText()).isEmpty();
        assertError(answer(api, room, ann, body(poll, 1, "option", 2)), 400, "Invalid request",
                "question 1 can be answered once");
        JsonNode result = ok(api.get("/v2/polls/" + poll + "/results")).at("/results/0");
        assertThat(result.path("peer_id").asText()).isEmpty();
        assertThat(result.path("user_id").asText()).isEmpty();
        assertThat(ok(api.get("/v2/polls/" + poll + "/sessions")).at("/responses/0/unique_participants").asInt())
                .isEqualTo(1);
    }

    @Test
    void in_userid_mode_a_user_who_rejoins_is_the_same_participant_in_peerid_mode_not() {
        for (String mode : new String[] {"userid", "peerid"}) {
            running("{\"mode\": \"" + mode + "\", \"start\": \"manual\", \"questions\": [{\"options\": [{}, {}]}]}");
            String first = peer("guest", "Ann");
            answered(api, room, first, body(poll, 1, "option", 1));
            Live.leave(api, room, first);
            JsonNode again = answered(api, room, peer("guest", "Ann"), body(poll, 1, "option", 2));
            boolean sameParticipant = mode.equals("userid");
            assertThat(again.path("update").asBoolean()).as(mode).isEqualTo(sameParticipant);
            JsonNode run = ok(api.get("/v2/polls/" + poll + "/sessions")).at("/responses/0");
            assertThat(run.path("unique_participants").asInt()).as(mode).isEqualTo(sameParticipant ? 1 : 2);
            assertThat(run.path("total_responses").asInt()).isEqualTo(2);
            assertThat(items(ok(api.get("/v2/polls/" + poll + "/results")), "results")).as(mode)
                    .hasSize(sameParticipant ? 1 : 2);
        }
    }

    @Test
    void every_broken_answer_is_refused_and_changes_nothing() {
        running(FOUR_KINDS);
        String ann = peer("guest", "Ann");
        Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
        bad.put(Map.of("question", 1, "option", 1), "poll_id is required");
        bad.put(Map.of("poll_id", poll, "option", 1), "question is required");
        bad.put(body(poll, 0, "option", 1), "question must be at least 1 (indexes start at 1)");
        bad.put(body(poll, 1), "option is required: question 1 is single-choice");
        bad.put(body(poll, 1, "option", 3), "option must be an option index between 1 and 2");
        bad.put(body(poll, 1, "option", 0), "option must be an option index between 1 and 2");
        bad.put(body(poll, 1, "option", "1"), "option must be an integer");
        bad.put(body(poll, 2), "options is required: question 2 is multiple-choice");
        bad.put(body(poll, 2, "options", List.of()), "options is required: question 2 is multiple-choice");
        bad.put(body(poll, 2, "options", List.of(1, 4)), "options[1] must be an option index between 1 and 3");
        bad.put(body(poll, 2, "options", List.of(2, 2)), "options[1] repeats option 2");
        bad.put(body(poll, 2, "options", "1,2"), "options must be an array");
        bad.put(body(poll, 3), "text is required: question 3 is short-answer");
        bad.put(body(poll, 3, "text", ""), "text is required: question 3 is short-answer");
        bad.put(body(poll, 3, "text", "A"), "text must be at least 2 characters");
        bad.put(body(poll, 3, "text", "Annabel"), "text must be at most 5 characters");
        bad.put(body(poll, 3, "text", "A\u0000n"), "text must not contain NUL characters");
        bad.put(body(poll, 4, "text", "x".repeat(65537)), "text must be at most 65536 characters");
        bad.put(body(poll, 1, "option", 1, "duration", -1), "duration must be between 0 and 43200000");
        bad.put(body(poll, 1, "option", 1, "duration", 43_200_001), "duration must be between 0 and 43200000");
        bad.put(body(poll, 1, "option", 1, "skipped", "no"), "skipped must be a boolean");
        bad.forEach((b, detail) -> assertError(answer(api, room, ann, b), 400, "Invalid body param", detail));
        assertError(answer(api, room, ann, body(poll, 5, "option", 1)), 404, "Question not found",
                "the poll has 4 questions; question 5 does not exist");
        assertError(answer(api, room, ann, body("655bffeecd34739a72637399", 1, "option", 1)), 404, "Poll not found");
        assertError(answer(api, room, "not-a-peer", body(poll, 1, "option", 1)), 404, "Peer not found");
        String foreign = createId(dev.hundred.server.support.Client.forNewWorkspace(api.server()), "{}");
        assertError(answer(api, room, ann, body(foreign, 1, "option", 1)), 404, "Poll not found");
        assertThat(ok(api.get("/v2/polls/" + poll + "/responses?all=true")).path("responses").isNull()).isTrue();

        stop(api, room, poll);
        assertError(answer(api, room, ann, body(poll, 1, "option", 1)), 400, "Invalid request",
                "poll not running in this session");
        String idle = createId(api, "{\"start\": \"manual\"}");
        assertError(answer(api, room, ann, body(idle, 1, "option", 1)), 400, "Invalid request",
                "poll not running in this session");
        String empty = Live.room(api);
        assertError(answer(api, empty, ann, body(poll, 1, "option", 1)), 404, "Active room not found");
        assertError(answer(api, "655bffeecd34739a72637399", ann, body(poll, 1, "option", 1)), 404, "Room not found");
    }

    @Test
    void unknown_response_and_result_ids_are_404() {
        running(FOUR_KINDS);
        JsonNode r = answered(api, room, peer("guest", "Ann"), body(poll, 1, "option", 1));
        String result = ok(api.get("/v2/polls/" + poll + "/results")).at("/results/0/id").asText();
        String base = "/v2/polls/" + poll;
        assertError(api.get(base + "/responses/655bffeecd34739a72637399"), 404, "Response not found");
        assertError(api.get(base + "/results/655bffeecd34739a72637399"), 404, "Result not found");
        assertError(api.get(base + "/sessions/655bffeecd34739a72637399/responses/" + r.path("id").asText()), 404,
                "Response not found");
        assertError(api.get(base + "/sessions/655bffeecd34739a72637399/results/" + result), 404, "Result not found");
        String other = createId(api, "{}");
        assertError(api.get("/v2/polls/" + other + "/responses/" + r.path("id").asText()), 404, "Response not found");
        assertError(api.get("/v2/polls/" + other + "/results/" + result), 404, "Result not found");
    }
}
