package dev.hundred.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Steps the SIP tests share, over real HTTP, each asserting success. */
final class Sip {
    static final String PASSWORD = "s3cret-Pa55word";

    private Sip() {}

    static Map<String, Object> trunkBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "hundred-user");
        body.put("password", PASSWORD);
        body.put("address", "hundred.pstn.twilio.com");
        body.put("from", "+15550100");
        return body;
    }

    static String trunk(Client api) {
        Client.Response response = api.post("/v2/sip/outbound/trunks", trunkBody());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.at("/id");
    }

    /** A room code for {@code role} of the room. */
    static String code(Client api, String roomId, String role) {
        Client.Response response = api.post("/v2/room-codes/room/" + roomId + "/role/" + role, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.at("/code");
    }

    static Map<String, Object> callBody(String to, String code, String trunk) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("room_code", code);
        body.put("trunk_id", trunk);
        return body;
    }

    /** Dials out and answers the call id (the emulator's far end answers by default). */
    static String call(Client api, Map<String, Object> body) {
        Client.Response response = api.post("/v2/sip/outbound/call", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.at("/id");
    }

    static JsonNode callView(Client api, String callId) {
        Client.Response response = api.get("/emulator/v1/sip/calls/" + callId);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static void outcome(Client api, String outcome) {
        Client.Response response = api.post("/emulator/v1/settings", Map.of("sip", Map.of("outbound_call", outcome)));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
