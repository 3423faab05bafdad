package dev.hundred.server.sip;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIP outbound calls (spec §16) with the emulator's far end: answered (a peer of type sip joins the code's
 * room and role), declined, timed out; hang-ups; the documented errors; custom headers; and dial-in.
 */
class SipCallApiTest extends ApiTestBase {
    private static final String CALL = "/v2/sip/outbound/call";
    private static final String NUMBER = "+16692418750";

    private String room;
    private String trunk;
    private String guestCode;

    @BeforeEach
    void roomTrunkAndCode() {
        room = Live.room(api);
        trunk = Sip.trunk(api);
        guestCode = Sip.code(api, room, "guest");
    }

    private Map<String, Object> body() {
        return Sip.callBody(NUMBER, guestCode, trunk);
    }

    private JsonNode peers() {
        return api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
    }

    @Test
    void the_three_mandatory_fields_are_checked_in_the_docs_order_with_the_docs_messages() {
        assertThat(api.post(CALL, null).text()).isEqualTo("{\"code\":400,\"message\":\"to is mandatory\",\"details\":[]}");
        assertThat(api.post(CALL, Map.of("to", NUMBER)).text())
                .isEqualTo("{\"code\":400,\"message\":\"room_code is mandatory\",\"details\":[]}");
        assertThat(api.post(CALL, Map.of("to", NUMBER, "room_code", guestCode)).text())
                .isEqualTo("{\"code\":400,\"message\":\"trunk_id is mandatory\",\"details\":[]}");
        assertError(api.post(CALL, Map.of("to", "", "room_code", guestCode, "trunk_id", trunk)), 400, "to is mandatory");
        assertError(api.post(CALL, Map.of("to", "  ", "room_code", "", "trunk_id", trunk)), 400, "to is mandatory");
        assertError(api.post(CALL, Map.of("to", NUMBER, "room_code", guestCode, "trunk_id", "")), 400,
                "trunk_id is mandatory");
        assertThat(peers().isMissingNode()).as("nobody joined").isTrue();
    }

    @Test
    void an_answered_call_puts_a_sip_peer_of_the_codes_role_in_the_room() {
        try (Receiver receiver = Receiver.ok()) {
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
            Map<String, Object> body = body();
            body.put("name", "Alex");
            body.put("user_id", "u-alex");
            Client.Response answer = api.post(CALL, body);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(Sip.fields(answer.json())).containsExactly("id");
            String callId = answer.at("/id");
            assertThat(callId).matches("[0-9a-f]{24}");

            JsonNode call = Sip.callView(api, callId);
            assertThat(call.path("status").asText()).isEqualTo("answered");
            assertThat(call.path("direction").asText()).isEqualTo("outbound");
            assertThat(call.path("trunk_id").asText()).isEqualTo(trunk);
            assertThat(call.path("room_id").asText()).isEqualTo(room);
            assertThat(call.path("room_code").asText()).isEqualTo(guestCode);
            assertThat(call.path("role").asText()).isEqualTo("guest");
            assertThat(call.path("to").asText()).isEqualTo(NUMBER);
            assertThat(call.path("from").asText()).isEqualTo("+15550100");
            assertThat(call.path("video").asBoolean()).isFalse();
            assertThat(call.path("dtmf")).isEmpty();

            String peerId = call.path("peer_id").asText();
            JsonNode peer = api.get("/v2/active-rooms/" + room + "/peers/" + peerId).json();
            assertThat(peer.path("name").asText()).isEqualTo("Alex");
            assertThat(peer.path("user_id").asText()).isEqualTo("u-alex");
            assertThat(peer.path("role").asText()).isEqualTo("guest");
            assertThat(peer.path("joined_at").asText()).isEqualTo(call.path("answered_at").asText());
            assertThat(peer.path("tracks")).hasSize(1);
            assertThat(peer.path("tracks").elements().next().path("type").asText()).isEqualTo("audio");

            String session = api.get("/v2/sessions?room_id=" + room).json().path("data").get(0).path("id").asText();
            assertThat(api.get("/v2/sessions/" + session).json().path("peers").path(peerId).path("name").asText())
                    .isEqualTo("Alex");

            JsonNode hungUp = api.post("/emulator/v1/sip/calls/" + callId + "/hangup", null).json();
            assertThat(hungUp.path("status").asText()).isEqualTo("ended");
            assertThat(hungUp.path("end_reason").asText()).isEqualTo("client request");
            assertThat(hungUp.path("ended_at").isTextual()).isTrue();
            assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
            assertError(api.post("/emulator/v1/sip/calls/" + callId + "/hangup", null), 400, "Invalid request",
                    "call is not connected");

            List<Receiver.Hit> hits = receiver.await(4, Duration.ofSeconds(10));
            assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("session.open.success",
                    "peer.join.success", "peer.leave.success", "session.close.success");
            for (int i : new int[] {1, 2}) {
                JsonNode data = hits.get(i).json().path("data");
                assertThat(data.path("type").asText()).isEqualTo("sip");
                assertThat(data.path("peer_id").asText()).isEqualTo(peerId);
                assertThat(data.path("user_name").asText()).isEqualTo("Alex");
                assertThat(data.path("role").asText()).isEqualTo("guest");
            }
            assertThat(hits.get(2).json().path("data").path("reason").asText()).isEqualTo("client request");
        }
    }

    @Test
    void a_video_call_publishes_video_too_and_a_caller_without_a_name_shows_its_masked_number() {
        Map<String, Object> body = body();
        body.put("video", true);
        String callId = Sip.call(api, body);
        JsonNode call = Sip.callView(api, callId);
        assertThat(call.path("video").asBoolean()).isTrue();
        assertThat(call.path("name").asText()).isEqualTo("+*******8750");
        JsonNode peer = api.get("/v2/active-rooms/" + room + "/peers/" + call.path("peer_id").asText()).json();
        assertThat(peer.path("name").asText()).isEqualTo("+*******8750");
        assertThat(peer.path("user_id").asText()).as("no user_id: the peer's id").isEqualTo(call.path("peer_id").asText());
        assertThat(peer.path("tracks")).extracting(t -> t.path("type").asText()).containsExactly("audio", "video");
    }

    @Test
    void a_caller_publishes_only_what_its_role_may() {
        String template = api.post("/v2/templates", """
                {"name": "sip-%s", "roles": {"listener": {"publishParams": {"allowed": ["video"]}}}}"""
                .formatted(System.nanoTime())).at("/id");
        String quiet = Live.room(api, Map.of("template_id", template));
        Map<String, Object> body = Sip.callBody(NUMBER, Sip.code(api, quiet, "listener"), trunk);
        body.put("video", true);
        JsonNode call = Sip.callView(api, Sip.call(api, body));
        JsonNode peer = api.get("/v2/active-rooms/" + quiet + "/peers/" + call.path("peer_id").asText()).json();
        assertThat(peer.path("role").asText()).isEqualTo("listener");
        assertThat(peer.path("tracks")).extracting(t -> t.path("type").asText()).containsExactly("video");
    }

    @Test
    void custom_headers_are_kept_in_order_and_reserved_ones_dropped_in_any_case_or_compact_form() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("x-language-id", "5");
        headers.put("To", "sip:evil@example.com");
        headers.put("x-mrn", "1234567");
        headers.put("P-ASSERTED-IDENTITY", "sip:boss@example.com");
        headers.put("f", "sip:evil@example.com");
        headers.put("call-id", "abc");
        headers.put("X-Provider-Name", "Dr. Gregory House");
        headers.put("Plain", "no x- prefix is fine");
        Map<String, Object> body = body();
        body.put("headers", headers);
        JsonNode call = Sip.callView(api, Sip.call(api, body));
        assertThat(call.path("headers").toString()).isEqualTo("{\"x-language-id\":\"5\",\"x-mrn\":\"1234567\","
                + "\"X-Provider-Name\":\"Dr. Gregory House\",\"Plain\":\"no x- prefix is fine\"}");
    }

    @Test
    void header_names_that_are_not_sip_tokens_and_line_breaks_are_rejected() {
        for (Map<String, Object> headers : List.<Map<String, Object>>of(Map.of("x-bad\r\nVia", "1"),
                Map.of("x-bad", "1\r\nVia: x"), Map.of("x bad", "1"), Map.of("x:bad", "1"), Map.of("", "1"),
                Map.of("x-" + "n".repeat(127), "1"), Map.of("x-long", "v".repeat(1025)))) {
            Map<String, Object> body = body();
            body.put("headers", headers);
            assertError(api.post(CALL, body), 400, "invalid header");
        }
        Map<String, Object> nul = body();
        nul.put("headers", Map.of("x-nul", "a\u0000b")); // NUL is refused for every body, before the SIP rules
        assertError(api.post(CALL, nul), 400, "Invalid body param", "headers.x-nul must not contain NUL characters");
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("x-h" + i, "v");
        }
        Map<String, Object> body = body();
        body.put("headers", many);
        assertError(api.post(CALL, body), 400, "invalid header", "at most 32 headers");
        body.put("headers", Map.of("x-n", 5));
        assertError(api.post(CALL, body), 400, "Invalid body param", "headers.x-n must be a string");
        body.put("headers", List.of("x"));
        assertError(api.post(CALL, body), 400, "Invalid body param", "headers must be an object");
        assertThat(peers().isMissingNode()).as("nobody joined").isTrue();
    }

    @Test
    void bad_fields_are_400() {
        Map<String, Object> body = body();
        body.put("video", "yes");
        assertError(api.post(CALL, body), 400, "Invalid body param", "video must be a boolean");
        body = body();
        body.put("to", 16692418750L);
        assertError(api.post(CALL, body), 400, "Invalid body param", "to must be a string");
        body = body();
        body.put("to", "+1".repeat(200));
        assertError(api.post(CALL, body), 400, "invalid to");
        body = body();
        body.put("name", "Al\u0000ex");
        assertError(api.post(CALL, body), 400, "Invalid body param", "name must not contain NUL characters");
        body = body();
        body.put("user_id", "u".repeat(1025));
        assertError(api.post(CALL, body), 400, "invalid user_id");
        assertThat(peers().isMissingNode()).as("nobody joined").isTrue();
    }

    @Test
    void unknown_trunks_and_codes_and_another_workspaces_are_not_found() {
        Client other = Client.forNewWorkspace(api.server());
        String theirTrunk = Sip.trunk(other);
        String theirCode = Sip.code(other, Live.room(other), "host");
        for (String t : List.of(theirTrunk, "000000000000000000000000")) {
            assertError(api.post(CALL, Sip.callBody(NUMBER, guestCode, t)), 404, "trunk not found");
        }
        for (String c : List.of(theirCode, "aaa-aaaa-aaa", "NOT-A-CODE")) {
            assertError(api.post(CALL, Sip.callBody(NUMBER, c, trunk)), 404, "room code not found");
        }
        assertError(api.post(CALL, Sip.callBody(NUMBER, guestCode, "x\u0000")), 400, "Invalid body param",
                "trunk_id must not contain NUL characters");
        assertError(api.post(CALL, Sip.callBody(NUMBER, "a\u0000b", trunk)), 400, "Invalid body param",
                "room_code must not contain NUL characters");
        assertThat(peers().isMissingNode()).isTrue();
    }

    @Test
    void a_disabled_code_is_403_and_a_room_that_refuses_the_caller_fails_the_call() {
        assertThat(api.post("/v2/room-codes/code", Map.of("code", guestCode, "enabled", false)).status()).isEqualTo(200);
        assertError(api.post(CALL, body()), 403, "room code is disabled");

        String hostCode = Sip.code(api, room, "host");
        assertThat(api.post("/v2/rooms/" + room, Map.of("enabled", false)).status()).isEqualTo(200);
        assertError(api.post(CALL, Sip.callBody(NUMBER, hostCode, trunk)), 403, "Peer join refused", "room is disabled");
        assertThat(api.get("/v2/sessions?room_id=" + room).json().path("data").isNull()).isTrue();
    }

    @Test
    void a_declined_call_answers_its_id_and_nobody_joins() {
        Sip.outcome(api, "declined");
        String callId = Sip.call(api, body());
        JsonNode call = Sip.callView(api, callId);
        assertThat(call.path("status").asText()).isEqualTo("declined");
        assertThat(call.path("answered_at").isNull()).isTrue();
        assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
        assertError(api.post("/emulator/v1/sip/calls/" + callId + "/hangup", null), 400, "Invalid request");
    }

    @Test
    void an_unanswered_call_times_out_with_408() {
        Sip.outcome(api, "timed_out");
        Client.Response timedOut = api.post(CALL, body());
        assertThat(timedOut.status()).isEqualTo(408);
        assertThat(timedOut.text()).isEqualTo("{\"code\":408,\"message\":\"timed out\",\"details\":[]}");
        assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
        Sip.outcome(api, "answered");
        Sip.call(api, body());
        assertThat(peers()).hasSize(1);
    }

    @Test
    void the_outcome_setting_takes_only_its_three_values() {
        assertThat(api.get("/emulator/v1/settings").json().path("sip").toString()).isEqualTo("{\"outbound_call\":\"answered\"}");
        assertError(api.post("/emulator/v1/settings", Map.of("sip", Map.of("outbound_call", "busy"))), 400,
                "Invalid body param", "sip.outbound_call must be one of answered, declined, timed_out");
        assertError(api.post("/emulator/v1/settings", Map.of("sip", Map.of("outbound_call", 1))), 400, "Invalid body param");
    }

    @Test
    void a_caller_removed_by_the_api_or_by_the_room_ending_ends_its_call() {
        String first = Sip.call(api, body());
        String second = Sip.call(api, body());
        String peer = Sip.callView(api, first).path("peer_id").asText();
        assertThat(api.post("/v2/active-rooms/" + room + "/remove-peers", Map.of("peer_id", peer)).status()).isEqualTo(200);
        assertThat(Sip.callView(api, first).path("status").asText()).isEqualTo("ended");
        assertThat(Sip.callView(api, first).path("end_reason").asText()).isEqualTo("peer kicked");
        assertThat(api.post("/v2/active-rooms/" + room + "/end-room", Map.of("reason", "bye")).status()).isEqualTo(200);
        assertThat(Sip.callView(api, second).path("status").asText()).isEqualTo("ended");
        assertThat(Sip.callView(api, second).path("end_reason").asText()).isEqualTo("room ended");
    }

    @Test
    void calls_of_another_workspace_and_unknown_calls_are_not_found() {
        String callId = Sip.call(api, body());
        Client other = Client.forNewWorkspace(api.server());
        for (String id : List.of(callId, "000000000000000000000000", "junk")) {
            assertError(other.get("/emulator/v1/sip/calls/" + id), 404, "call not found");
            assertError(other.post("/emulator/v1/sip/calls/" + id + "/hangup", null), 404, "call not found");
        }
        assertThat(Sip.callView(api, callId).path("status").asText()).isEqualTo("answered");
    }

    @Test
    void a_dial_in_joins_with_the_identity_headers() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room_code", guestCode);
        body.put("from", "+14155550142");
        body.put("headers", Map.of("x-100ms-display-name", "John Doe", "X-100MS-USERID", "xyz", "Via", "drop me"));
        Client.Response answer = api.post("/emulator/v1/sip/inbound", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode call = answer.json();
        assertThat(call.path("direction").asText()).isEqualTo("inbound");
        assertThat(call.has("trunk_id")).isFalse();
        assertThat(call.path("to").asText()).isEqualTo("sip:" + guestCode + "@127.0.0.1");
        assertThat(call.path("status").asText()).isEqualTo("answered");
        assertThat(call.path("headers").has("Via")).isFalse();
        JsonNode peer = api.get("/v2/active-rooms/" + room + "/peers/" + call.path("peer_id").asText()).json();
        assertThat(peer.path("name").asText()).isEqualTo("John Doe");
        assertThat(peer.path("user_id").asText()).isEqualTo("xyz");

        JsonNode anonymous = api.post("/emulator/v1/sip/inbound", Map.of("room_code", guestCode, "from", "+14155550199")).json();
        assertThat(anonymous.path("name").asText()).isEqualTo("+*******0199");
        assertError(api.post("/emulator/v1/sip/inbound", Map.of()), 400, "room_code is mandatory");
        assertError(api.post("/emulator/v1/sip/inbound", Map.of("room_code", "zzz-zzzz-zzz")), 404, "room code not found");
    }

    @Test
    void the_management_token_is_required() {
        assertError(api.withToken(null).post(CALL, body()), 401, "Token validation error");
        assertError(api.withToken(Live.appToken(api, room, "guest", "u1")).post(CALL, body()), 403, "Token validation error");
        assertError(api.withToken(null).get("/emulator/v1/sip/calls/000000000000000000000000"), 401, "Token validation error");
    }
}
