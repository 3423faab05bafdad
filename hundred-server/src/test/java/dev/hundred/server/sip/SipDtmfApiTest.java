package dev.hundred.server.sip;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DTMF (SIP-DTMF-transmission.mdx): a client of the room, with its app token, sends tones to every answered
 * SIP call of the room; the calls record them. The management token is refused.
 */
class SipDtmfApiTest extends ApiTestBase {
    private static final String DTMF = "/v2/sip/dtmf";

    private String room;
    private String trunk;
    private String code;
    private Client client;

    @BeforeEach
    void roomWithAClient() {
        room = Live.room(api);
        trunk = Sip.trunk(api);
        code = Sip.code(api, room, "guest");
        client = api.withToken(Live.appToken(api, room, "host", "u-host"));
    }

    private String dial(String to) {
        return Sip.call(api, Sip.callBody(to, code, trunk));
    }

    private static List<List<String>> digits(JsonNode call) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode tones : call.path("dtmf")) {
            List<String> one = new ArrayList<>();
            tones.path("digits").forEach(d -> one.add(d.asText()));
            out.add(one);
        }
        return out;
    }

    @Test
    void every_answered_call_of_the_room_receives_the_tones_in_order() {
        String first = dial("+15550001");
        String second = dial("+15550002");
        try (TestPeer host = Live.gatewayPeer(api, room, "host", "Hana")) {
            Client.Response sent = client.post(DTMF, Map.of("digits", List.of("0", "1")));
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.text()).isEqualTo("{}");
            assertThat(client.post(DTMF, Map.of("digits", List.of("*", "#", "a", "b", "c", "d", "9"))).status()).isEqualTo(200);
        }
        for (String call : List.of(first, second)) {
            JsonNode view = Sip.callView(api, call);
            assertThat(digits(view)).containsExactly(List.of("0", "1"), List.of("*", "#", "a", "b", "c", "d", "9"));
            JsonNode tone = view.path("dtmf").get(0);
            assertThat(Sip.fields(tone)).containsExactly("digits", "user_id", "role", "sent_at");
            assertThat(tone.path("user_id").asText()).isEqualTo("u-host");
            assertThat(tone.path("role").asText()).isEqualTo("host");
        }
    }

    @Test
    void a_call_that_ended_or_another_rooms_call_hears_nothing() {
        String ended = dial("+15550001");
        api.post("/emulator/v1/sip/calls/" + ended + "/hangup", null);
        String elsewhere = Sip.call(api, Sip.callBody("+15550003", Sip.code(api, Live.room(api), "guest"), trunk));
        assertThat(client.post(DTMF, Map.of("digits", List.of("5"))).status()).as("nobody to hear it: still 200").isEqualTo(200);
        assertThat(Sip.callView(api, ended).path("dtmf")).isEmpty();
        assertThat(Sip.callView(api, elsewhere).path("dtmf")).isEmpty();
    }

    @Test
    void digits_are_mandatory_and_each_must_be_a_dtmf_tone() {
        for (Object body : new Object[] {null, Map.of(), "{\"digits\": null}", Map.of("digits", List.of())}) {
            Client.Response refused = client.post(DTMF, body);
            assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(refused.text()).isEqualTo("{\"code\":400,\"message\":\"digits are mandatory\",\"details\":[]}");
        }
        for (String bad : List.of("x", "12", "A", "", " ", "e")) {
            assertError(client.post(DTMF, Map.of("digits", List.of("1", bad))), 400, "invalid digit",
                    "digits[1] must be one of 0-9, *, #, a, b, c, d");
        }
        assertError(client.post(DTMF, Map.of("digits", List.of("1", "\u0000"))), 400, "Invalid body param",
                "digits[1] must not contain NUL characters");
        assertError(client.post(DTMF, "{\"digits\": [null]}"), 400, "invalid digit");
        assertError(client.post(DTMF, Map.of("digits", "01")), 400, "Invalid body param", "digits must be an array");
        assertError(client.post(DTMF, Map.of("digits", List.of(1))), 400, "Invalid body param", "digits[0] must be a string");
        assertError(client.post(DTMF, Map.of("digits", Collections.nCopies(257, "1"))), 400, "Invalid body param",
                "digits must have at most 256 entries");
        assertThat(client.post(DTMF, Map.of("digits", Collections.nCopies(256, "1"))).status()).isEqualTo(200);
    }

    @Test
    void only_an_app_token_is_accepted() {
        assertError(api.post(DTMF, Map.of("digits", List.of("1"))), 403, "Token validation error", "an app token is required");
        assertError(api.withToken(null).post(DTMF, Map.of("digits", List.of("1"))), 401, "Token validation error", "not found");
        assertError(api.withToken("not.a.jwt").post(DTMF, Map.of("digits", List.of("1"))), 401, "Token validation error",
                "malformed token");
        assertError(api.withToken(null).post(DTMF, "{bad json"), 401, "Token validation error");
    }

    @Test
    void an_app_token_for_a_room_this_workspace_does_not_have_is_not_found() {
        String theirRoom = Live.room(Client.forNewWorkspace(api.server()));
        for (String roomId : List.of(theirRoom, "000000000000000000000000", "nope\u0000")) {
            Client stranger = api.withToken(api.server().tokens().app(api.workspace(), roomId, "host", "u",
                    Duration.ofMinutes(5)));
            assertError(stranger.post(DTMF, Map.of("digits", List.of("1"))), 404, "Room not found");
        }
    }
}
