package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.exception.AuthenticationException;
import dev.hundred.client.exception.InvalidRequestException;
import dev.hundred.client.exception.NotFoundException;
import dev.hundred.client.exception.PermissionException;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.IdResult;
import dev.hundred.client.model.Poll;
import dev.hundred.client.model.PollResponse;
import dev.hundred.client.model.PollResult;
import dev.hundred.client.model.PollSession;
import dev.hundred.client.model.Room;
import dev.hundred.client.model.RoomCode;
import dev.hundred.client.param.PollOptionParams;
import dev.hundred.client.param.PollParams;
import dev.hundred.client.param.PollQuestionParams;
import dev.hundred.client.param.PollResponseListParams;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.SipCallParams;
import dev.hundred.client.param.SipTrunkParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollsAndSipTest {
    private final TestServer server = TestServer.shared();
    private final HmsClient hms = server.client();

    private static Map<String, Object> choice(String text) {
        return Map.of("text", text, "type", "single-choice", "options",
                List.of(Map.of("text", "yes"), Map.of("text", "no")), "answer", Map.of("options", List.of(1)));
    }

    @Test
    void pollsQuestionsOptionsRunsResponsesAndResults() {
        Poll poll = hms.polls().create(PollParams.builder().title("lunch?").type("quiz")
                .questions(List.of(choice("pizza?"), choice("sushi?"))).build());
        assertThat(poll.id()).matches("[0-9a-f]{24}");
        assertThat(poll.questions()).extracting(q -> q.index()).containsExactly(1, 2);
        assertThat(poll.questions().get(0).options()).hasSize(2);
        assertThat(poll.questions().get(0).answer().options()).containsExactly(1);
        assertThat(hms.polls().retrieve(poll.id()).title()).isEqualTo("lunch?");
        assertThat(hms.polls().update(poll.id(), PollParams.builder().title("dinner?").type("quiz")
                .questions(List.of(choice("pizza?"), choice("sushi?"))).build()).title()).isEqualTo("dinner?");
        assertThat(hms.polls().updateQuestion(poll.id(), 2, PollQuestionParams.builder().text("ramen?").type("single-choice")
                .options(List.of(Map.of("text", "yes"), Map.of("text", "no"))).build()).text()).isEqualTo("ramen?");
        assertThat(hms.polls().updateOption(poll.id(), 2, 3, PollOptionParams.builder().text("maybe").build()).index()).isEqualTo(3);
        hms.polls().deleteOption(poll.id(), 2, 3);
        hms.polls().deleteQuestion(poll.id(), 2);
        assertThat(hms.polls().retrieve(poll.id()).questions()).hasSize(1);

        // nothing ran yet: empty pages end the lists
        assertThat(hms.polls().listSessions(poll.id(), null).stream().count()).isZero();

        Room room = hms.rooms().create(RoomCreateParams.builder().polls(List.of(poll.id())).build());
        String ann = server.emulator("POST", "/rooms/" + room.id() + "/peers", Map.of("role", "host", "name", "ann"))
                .get("id").asText();
        HmsPage<PollSession> runs = hms.polls().listSessions(poll.id(), null);
        assertThat(runs.data()).singleElement().satisfies(s -> assertThat(s.stoppedAt()).isNull());
        server.emulator("POST", "/rooms/" + room.id() + "/peers/" + ann + "/poll-responses",
                Map.of("poll_id", poll.id(), "question", 1, "option", 1));
        PollResponse response = hms.polls().listResponses(poll.id(), PollResponseListParams.builder().question(1).build())
                .data().get(0);
        assertThat(response.peerId()).isEqualTo(ann);
        assertThat(response.extra()).containsEntry("option", 1); // a field this client does not name, kept
        assertThat(hms.polls().retrieveResponse(poll.id(), response.id()).id()).isEqualTo(response.id());
        PollResult result = hms.polls().listResults(poll.id(), null).data().get(0);
        assertThat(result.score()).isEqualTo(1);
        assertThat(hms.polls().retrieveResult(poll.id(), result.id()).score()).isEqualTo(1);

        assertThatThrownBy(() -> hms.polls().retrieve("000000000000000000000000"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.apiMessage()).isEqualTo("Poll not found"));
        assertThatThrownBy(() -> hms.polls().create(PollParams.builder().mode("nobody").build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void sipTrunksAndCalls() {
        IdResult trunk = hms.sip().createTrunk(SipTrunkParams.builder().username("u").password("p")
                .address("sip.example.com").from("+15550100").build());
        assertThat(trunk.id()).isNotBlank();
        assertThat(hms.sip().updateTrunk(trunk.id(), SipTrunkParams.builder().username("u2").password("p2")
                .address("sip.example.com").from("+15550100").build()).id()).isEqualTo(trunk.id());
        Room room = hms.rooms().create(RoomCreateParams.builder().build());
        RoomCode code = hms.roomCodes().create(room.id(), "guest");
        IdResult call = hms.sip().call(SipCallParams.builder().to("+15550199").name("Phone").roomCode(code.code())
                .trunkId(trunk.id()).build());
        assertThat(call.id()).isNotBlank();
        assertThat(hms.activeRooms().listPeers(room.id()).values()).extracting(p -> p.name()).containsExactly("Phone");
        assertThatThrownBy(() -> hms.sip().call(SipCallParams.builder().roomCode(code.code()).trunkId(trunk.id()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.apiMessage()).isEqualTo("to is mandatory"));
    }

    @Test
    void dtmfWithAnAppTokenReachesTheAnsweredCall() {
        IdResult trunk = hms.sip().createTrunk(SipTrunkParams.builder().username("u").password("p")
                .address("sip.example.com").from("+15550100").build());
        Room room = hms.rooms().create(RoomCreateParams.builder().build());
        RoomCode code = hms.roomCodes().create(room.id(), "guest");
        IdResult call = hms.sip().call(SipCallParams.builder().to("+15550199").roomCode(code.code())
                .trunkId(trunk.id()).build());

        String appToken = hms.tokens().app(room.id(), "host", "keypad-user");
        hms.sip().dtmf(appToken, List.of("1", "#", "a"));

        JsonNode tones = server.emulator("GET", "/sip/calls/" + call.id(), null).path("dtmf");
        assertThat(tones).hasSize(1);
        assertThat(tones.get(0).path("digits")).extracting(JsonNode::asText).containsExactly("1", "#", "a");
        assertThat(tones.get(0).path("user_id").asText()).isEqualTo("keypad-user");

        assertThatThrownBy(() -> hms.sip().dtmf(appToken, List.of("x")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.apiMessage()).isEqualTo("invalid digit"));
        assertThatThrownBy(() -> hms.sip().dtmf(appToken, List.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.apiMessage()).isEqualTo("digits are mandatory"));
        // a token the server cannot verify: 401 at once (there is no app token to mint again); a management token: 403
        assertThatThrownBy(() -> hms.sip().dtmf("not.a.token", List.of("1"))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> hms.sip().dtmf(hms.tokens().management(), List.of("1")))
                .isInstanceOf(PermissionException.class);
        assertThat(server.emulator("GET", "/sip/calls/" + call.id(), null).path("dtmf")).hasSize(1);
    }
}
