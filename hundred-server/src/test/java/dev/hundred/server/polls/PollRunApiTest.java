package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.DOCS_EXAMPLE;
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
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When polls run: at the start of a linked room's session, by the emulator, until stopped or the session ends. */
class PollRunApiTest extends ApiTestBase {

    private JsonNode sessions(String poll) {
        return ok(api.get("/v2/polls/" + poll + "/sessions"));
    }

    @Test
    void linked_auto_polls_start_with_the_session_and_stop_when_it_closes() {
        String auto = createId(api, DOCS_EXAMPLE);
        String manual = createId(api, "{\"start\": \"manual\"}");
        String unlinked = createId(api, "{}");
        String room = Live.room(api, Map.of("polls", List.of(auto, manual, "655bffeecd34739a72637399")));
        assertThat(sessions(auto).toString()).isEqualTo("{\"last\":\"\",\"limit\":10,\"responses\":null}");

        JsonNode ann = Live.join(api, room, "host", "Ann");
        String session = api.get("/v2/active-rooms/" + room).at("/session/id");
        JsonNode page = sessions(auto);
        assertThat(keys(page)).containsExactly("last", "limit", "responses");
        JsonNode run = page.path("responses").get(0);
        assertThat(keys(run)).containsExactly("id", "poll_id", "session_id", "started_at", "stopped_at",
                "total_responses", "unique_participants");
        assertThat(run.path("id").asText()).matches("[0-9a-f]{24}").isEqualTo(page.path("last").asText());
        assertThat(run.path("poll_id").asText()).isEqualTo(auto);
        assertThat(run.path("session_id").asText()).isEqualTo(session);
        assertThat(run.path("started_at").asText()).isEqualTo(ann.path("joined_at").asText());
        assertThat(run.path("stopped_at").isNull()).isTrue();
        assertThat(run.path("total_responses").asInt()).isZero();
        assertThat(run.path("unique_participants").asInt()).isZero();
        assertThat(sessions(manual).path("responses").isNull()).isTrue();
        assertThat(sessions(unlinked).path("responses").isNull()).isTrue();

        JsonNode left = Live.leave(api, room, ann.path("id").asText());
        JsonNode stopped = sessions(auto).path("responses").get(0);
        assertThat(stopped.path("id").asText()).isEqualTo(run.path("id").asText());
        assertThat(stopped.path("stopped_at").asText()).isEqualTo(left.path("left_at").asText());

        Live.join(api, room, "guest", "Bob");
        JsonNode two = sessions(auto);
        assertThat(items(two, "responses")).hasSize(2);
        assertThat(two.at("/responses/0/stopped_at").isNull()).isTrue();
        assertThat(two.at("/responses/1/id").asText()).isEqualTo(run.path("id").asText());
        assertThat(ok(api.get("/v2/polls/" + auto + "/sessions/" + session)).path("responses"))
                .extracting(r -> r.path("id").asText()).containsExactly(run.path("id").asText());
    }

    @Test
    void polls_linked_on_update_start_with_the_next_session() {
        String poll = createId(api, "{}");
        String room = Live.room(api);
        JsonNode first = Live.join(api, room, "host", "Ann");
        assertThat(ok(api.post("/v2/rooms/" + room, Map.of("polls", List.of(poll)))).path("polls"))
                .extracting(JsonNode::asText).containsExactly(poll);
        assertThat(sessions(poll).path("responses").isNull()).as("not in the session already open").isTrue();
        Live.leave(api, room, first.path("id").asText());
        Live.join(api, room, "host", "Ann");
        assertThat(items(sessions(poll), "responses")).hasSize(1);
    }

    @Test
    void the_emulator_starts_and_stops_a_poll_once_per_session() {
        String poll = createId(api, "{\"start\": \"manual\", \"title\": \"by hand\"}");
        String room = Live.room(api);
        JsonNode ann = Live.join(api, room, "host", "Ann");
        JsonNode started = start(api, room, poll);
        assertThat(keys(started)).containsExactly("id", "poll_id", "session_id", "started_at", "stopped_at",
                "total_responses", "unique_participants");
        assertThat(started.path("stopped_at").isNull()).isTrue();
        assertError(api.post("/emulator/v1/rooms/" + room + "/polls/" + poll + "/start", null), 400,
                "Invalid request", "poll already running in this session");
        JsonNode stopped = stop(api, room, poll);
        assertThat(stopped.path("id").asText()).isEqualTo(started.path("id").asText());
        assertThat(stopped.path("stopped_at").isTextual()).isTrue();
        assertThat(ok(api.get("/v2/polls/" + poll + "/sessions")).path("responses").get(0)).isEqualTo(stopped);
        assertError(api.post("/emulator/v1/rooms/" + room + "/polls/" + poll + "/stop", null), 400,
                "Invalid request", "poll not running in this session");
        assertError(api.post("/emulator/v1/rooms/" + room + "/polls/" + poll + "/start", null), 400,
                "Invalid request", "poll already ran in this session");

        Live.leave(api, room, ann.path("id").asText());
        Live.join(api, room, "host", "Ann");
        assertThat(start(api, room, poll).path("id").asText()).isNotEqualTo(started.path("id").asText());
    }

    @Test
    void the_emulator_controls_refuse_what_is_not_there() {
        String poll = createId(api, "{\"start\": \"manual\"}");
        String room = Live.room(api);
        String emulator = "/emulator/v1/rooms/";
        assertError(api.post(emulator + room + "/polls/" + poll + "/start", null), 404, "Active room not found");
        assertError(api.post(emulator + room + "/polls/" + poll + "/stop", null), 404, "Active room not found");
        assertError(api.post(emulator + "655bffeecd34739a72637399/polls/" + poll + "/start", null), 404, "Room not found");
        Live.join(api, room, "host", "Ann");
        assertError(api.post(emulator + room + "/polls/655bffeecd34739a72637399/start", null), 404, "Poll not found");
        assertError(api.post(emulator + room + "/polls/655bffeecd34739a72637399/stop", null), 404, "Poll not found");

        Client other = Client.forNewWorkspace(api.server());
        String foreign = createId(other, "{}");
        assertError(api.post(emulator + room + "/polls/" + foreign + "/start", null), 404, "Poll not found");
        assertError(other.post(emulator + room + "/polls/" + foreign + "/start", null), 404, "Room not found");
        assertError(api.withToken(null).post(emulator + room + "/polls/" + poll + "/start", null), 401,
                "Token validation error");
    }

    @Test
    void ending_the_room_stops_its_running_polls() {
        String poll = createId(api, "{\"start\": \"manual\"}");
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        start(api, room, poll);
        ok(api.post("/v2/active-rooms/" + room + "/end-room", Map.of("reason", "done")));
        assertThat(sessions(poll).at("/responses/0/stopped_at").isTextual()).isTrue();
    }
}
