package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small steps the live-plane tests share, each over real HTTP and asserting success. */
public final class Live {
    private Live() {}

    public static String room(Client api, Map<String, ?> body) {
        Client.Response response = api.post("/v2/rooms", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.at("/id");
    }

    public static String room(Client api) {
        return room(api, Map.of());
    }

    /** An emulator peer joins; answers the peer JSON. */
    public static JsonNode join(Client api, String roomId, String role, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("name", name);
        body.put("user_id", "user-" + name);
        Client.Response response = api.post("/emulator/v1/rooms/" + roomId + "/peers", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    public static JsonNode leave(Client api, String roomId, String peerId) {
        Client.Response response = api.post("/emulator/v1/rooms/" + roomId + "/peers/" + peerId + "/leave", null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    public static String appToken(Client api, String roomId, String role, String userId) {
        return api.server().tokens().app(api.workspace(), roomId, role, userId, Duration.ofHours(1));
    }

    /** A gateway peer that has joined; its {@code joined} message is consumed. */
    public static TestPeer gatewayPeer(Client api, String roomId, String role, String name) {
        TestPeer peer = TestPeer.connect(api.server(), appToken(api, roomId, role, "user-" + name));
        peer.join(name);
        return peer;
    }
}
