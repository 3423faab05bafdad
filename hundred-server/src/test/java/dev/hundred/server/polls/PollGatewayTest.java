package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.QUIZ;
import static dev.hundred.server.polls.PollFixtures.answered;
import static dev.hundred.server.polls.PollFixtures.createId;
import static dev.hundred.server.polls.PollFixtures.items;
import static dev.hundred.server.polls.PollFixtures.keys;
import static dev.hundred.server.polls.PollFixtures.ok;
import static dev.hundred.server.polls.PollFixtures.start;
import static dev.hundred.server.polls.PollFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Polls on the peer gateway (docs/gateway.md, Polls): peers whose role may read polls hear them start and
 * stop, peers with pollWrite start and stop them, peers with pollRead answer; a poll and a quiz run through,
 * with a gateway peer and an emulator peer side by side.
 */
class PollGatewayTest extends ApiTestBase {
    private static final String POLL = """
            {"title": "Lunch", "start": "manual", "questions": [
              {"text": "Where?", "options": [{"text": "in"}, {"text": "out"}]},
              {"text": "Why?", "type": "short-answer"}]}""";

    /** A room whose guests may read (and so answer) polls; hosts may write them (the default template). */
    private String roomWithReadingGuests() {
        String room = Live.room(api);
        String template = api.get("/v2/rooms/" + room).at("/template_id");
        ok(api.post("/v2/templates/" + template + "/roles/guest", Map.of("permissions", Map.of("pollRead", true))));
        return room;
    }

    private static JsonNode error(JsonNode reply, int code, String message, String... details) {
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("error");
        assertThat(reply.path("code").asInt()).isEqualTo(code);
        assertThat(reply.path("message").asText()).isEqualTo(message);
        assertThat(reply.path("details")).extracting(JsonNode::asText).containsExactly(details);
        return reply;
    }

    @Test
    void a_poll_runs_through_with_a_gateway_peer_and_an_emulator_peer() {
        String room = roomWithReadingGuests();
        String poll = createId(api, POLL);
        try (TestPeer host = Live.gatewayPeer(api, room, "host", "Hal");
             TestPeer guest = Live.gatewayPeer(api, room, "guest", "Gil")) {
            host.next("peer-joined");
            String emulated = Live.join(api, room, "guest", "Emu").path("id").asText();
            host.next("peer-joined");
            guest.next("peer-joined");

            host.send(Map.of("type", "poll-start", "request_id", "s1", "poll_id", poll));
            JsonNode started = host.next("poll-started");
            JsonNode ok = host.next("ok");
            assertThat(ok.path("request_id").asText()).isEqualTo("s1");
            assertThat(keys(ok.path("poll_session"))).containsExactly("id", "poll_id", "session_id", "started_at",
                    "stopped_at", "total_responses", "unique_participants");
            assertThat(keys(started)).containsExactly("type", "poll", "session_id", "started_at", "started_by", "stops_at");
            assertThat(started.path("poll")).isEqualTo(ok(api.get("/v2/polls/" + poll)));
            assertThat(started.path("session_id").asText()).isEqualTo(host.sessionId());
            assertThat(started.path("started_by").asText()).isEqualTo(host.peerId());
            assertThat(started.path("stops_at").isNull()).isTrue();
            assertThat(guest.next("poll-started")).isEqualTo(started);

            JsonNode reply = guest.request("poll-response", Map.of("poll_id", poll, "question", 1, "option", 2,
                    "duration", 700));
            assertThat(reply.path("type").asText()).isEqualTo("ok");
            assertThat(reply.has("correct")).as("a poll has no right answers").isFalse();
            JsonNode response = reply.path("response");
            assertThat(response.path("peer_id").asText()).isEqualTo(guest.peerId());
            assertThat(response.path("user_id").asText()).isEqualTo("user-Gil");
            assertThat(response.path("option").asInt()).isEqualTo(2);
            assertThat(guest.request("poll-response", Map.of("poll_id", poll, "question", 2, "text", "sun"))
                    .path("type").asText()).isEqualTo("ok");
            answered(api, room, emulated, Map.of("poll_id", poll, "question", 1, "option", 1));
            assertThat(host.request("poll-response", Map.of("poll_id", poll, "question", 2, "skipped", true))
                    .path("response").path("skipped").asBoolean()).as("pollWrite includes pollRead").isTrue();

            host.send(Map.of("type", "poll-stop", "request_id", "s2", "poll_id", poll));
            JsonNode stopped = host.next("poll-stopped");
            assertThat(host.next("ok").at("/poll_session/stopped_at").asText()).isEqualTo(stopped.path("stopped_at").asText());
            assertThat(keys(stopped)).containsExactly("type", "poll_id", "session_id", "stopped_at", "reason", "poll");
            assertThat(stopped.path("reason").asText()).isEqualTo("client request");
            assertThat(guest.next("poll-stopped")).isEqualTo(stopped);

            assertThat(items(ok(api.get("/v2/polls/" + poll + "/responses")), "responses"))
                    .extracting(r -> r.path("user_id").asText()).containsExactly("user-Hal", "user-Emu", "user-Gil", "user-Gil");
            JsonNode run = ok(api.get("/v2/polls/" + poll + "/sessions")).at("/responses/0");
            assertThat(run.path("total_responses").asInt()).isEqualTo(4);
            assertThat(run.path("unique_participants").asInt()).isEqualTo(3);
            assertThat(run.path("stopped_at").asText()).isEqualTo(stopped.path("stopped_at").asText());
            JsonNode late = guest.request("poll-response", Map.of("poll_id", poll, "question", 1, "option", 1));
            error(late, 400, "Invalid request", "poll not running in this session");
        }
    }

    @Test
    void a_quiz_hides_hidden_answers_while_it_runs_and_marks_visible_ones() {
        String room = roomWithReadingGuests();
        String quiz = createId(api, QUIZ);
        try (TestPeer guest = Live.gatewayPeer(api, room, "guest", "Gil")) {
            start(api, room, quiz);
            JsonNode started = guest.next("poll-started");
            assertThat(started.path("started_by").isNull()).as("the emulator started it").isTrue();
            JsonNode questions = started.at("/poll/questions");
            assertThat(questions.get(0).at("/answer/options")).extracting(JsonNode::asInt).containsExactly(2);
            assertThat(questions.get(1).has("answer")).as("hidden").isFalse();
            assertThat(questions.get(2).at("/answer/text").asText()).isEqualTo("Paris");

            assertThat(guest.request("poll-response", Map.of("poll_id", quiz, "question", 1, "option", 2))
                    .path("correct").asBoolean()).isTrue();
            JsonNode hidden = guest.request("poll-response", Map.of("poll_id", quiz, "question", 2, "options", List.of(1, 3)));
            assertThat(hidden.path("type").asText()).isEqualTo("ok");
            assertThat(hidden.has("correct")).as("a hidden answer is not told").isFalse();
            JsonNode wrong = guest.request("poll-response", Map.of("poll_id", quiz, "question", 3, "text", "Lyon"));
            assertThat(wrong.path("correct").isBoolean()).isTrue();
            assertThat(wrong.path("correct").asBoolean()).isFalse();

            stop(api, room, quiz);
            JsonNode stopped = guest.next("poll-stopped");
            assertThat(stopped.at("/poll/questions/1/answer/options")).extracting(JsonNode::asInt).containsExactly(1, 3);
            assertThat(items(ok(api.get("/v2/polls/" + quiz + "/results")), "results"))
                    .extracting(r -> r.path("question").asInt() + "=" + r.path("score").asInt())
                    .containsExactly("3=0", "2=3", "1=2");
        }
    }

    @Test
    void roles_without_poll_permissions_are_not_told_and_may_not_answer_or_start() {
        String room = Live.room(api);
        String poll = createId(api, POLL);
        try (TestPeer guest = Live.gatewayPeer(api, room, "guest", "Gil")) {
            error(guest.request("poll-start", Map.of("poll_id", poll)), 403, "Permission denied",
                    "role guest lacks pollWrite");
            start(api, room, poll);
            // Notices of the start were sent before the emulator answered: the next message is the reply.
            error(guest.request("poll-response", Map.of("poll_id", poll, "question", 1, "option", 1)), 403,
                    "Permission denied", "role guest lacks pollRead");
            error(guest.request("poll-stop", Map.of("poll_id", poll)), 403, "Permission denied",
                    "role guest lacks pollWrite");
            assertThat(ok(api.get("/v2/polls/" + poll + "/responses")).path("responses").isNull()).isTrue();
        }
    }

    @Test
    void a_peer_hears_of_running_polls_right_after_it_joined() {
        String room = roomWithReadingGuests();
        String auto = createId(api, "{\"title\": \"auto\", \"duration\": 600}");
        String manual = createId(api, "{\"title\": \"manual\", \"start\": \"manual\"}");
        ok(api.post("/v2/rooms/" + room, Map.of("polls", List.of(auto, manual))));
        try (TestPeer first = Live.gatewayPeer(api, room, "guest", "Gil")) {
            JsonNode opened = first.next("poll-started");
            assertThat(opened.at("/poll/title").asText()).isEqualTo("auto");
            assertThat(opened.path("stops_at").asText()).isNotEmpty();
            start(api, room, manual);
            assertThat(first.next("poll-started").at("/poll/title").asText()).isEqualTo("manual");
            try (TestPeer second = Live.gatewayPeer(api, room, "guest", "Ann")) {
                assertThat(second.next("poll-started")).isEqualTo(opened);
                assertThat(second.next("poll-started").at("/poll/title").asText()).isEqualTo("manual");
                first.next("peer-joined");
            }
        }
    }

    @Test
    void poll_messages_are_checked_like_any_other() {
        String room = roomWithReadingGuests();
        String poll = createId(api, POLL);
        try (TestPeer early = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u-early"))) {
            error(early.request("poll-start", Map.of("poll_id", poll)), 400, "Invalid request", "join first");
        }
        try (TestPeer host = Live.gatewayPeer(api, room, "host", "Hal")) {
            host.sendText("null");
            error(host.next("error"), 400, "Invalid message", "a message is a JSON object");
            host.sendText("[1]");
            assertThat(host.next("error").path("message").asText()).isEqualTo("Invalid message");
            error(host.request("poll-response", Map.of("poll_id", poll, "question", 1, "options", "1")), 400,
                    "Invalid message", "options must be an array");
            error(host.request("poll-response", Map.of("poll_id", poll, "question", "1")), 400,
                    "Invalid message", "question must be an integer");
            error(host.request("poll-response", Map.of("poll_id", poll, "question", 1, "option", 1)), 400,
                    "Invalid request", "poll not running in this session");
            error(host.request("poll-start", Map.of()), 400, "Invalid body param", "poll_id is required");
            error(host.request("poll-start", Map.of("poll_id", "655bffeecd34739a72637399")), 404, "Poll not found");
        }
    }
}
