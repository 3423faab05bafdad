package dev.hundred.server.streamkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Client;
import java.util.Map;

/** Steps the stream-key and ingest tests share, over real HTTP, each asserting success. */
final class Keys {
    private Keys() {}

    /** A template fit for RTMP-in, as the dashboard makes it: a broadcaster and a viewer, an HLS destination. */
    static String rtmpInTemplate(Client api) {
        Client.Response response = api.post("/v2/templates", """
                {"name": "rtmp-in-%s", "roles": {"broadcaster": {}, "viewer": {}},
                 "destinations": {"hlsDestinations": {"main": {}}}}""".formatted(System.nanoTime()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.at("/id");
    }

    /** A room on an RTMP-in template. */
    static String rtmpInRoom(Client api) {
        Client.Response response = api.post("/v2/rooms", Map.of("template_id", rtmpInTemplate(api)));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.at("/id");
    }

    static JsonNode create(Client api, String roomId) {
        Client.Response response = api.post("/v2/stream-keys/room/" + roomId, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static void setRoomEnabled(Client api, String roomId, boolean enabled) {
        Client.Response response = api.post("/v2/rooms/" + roomId, Map.of("enabled", enabled));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    /** The emulator's ingest call, which answers 200 whatever the connection's outcome. */
    static JsonNode ingest(Client api, String key, Map<String, ?> body) {
        Client.Response response = api.post("/emulator/v1/stream-keys/" + key + "/ingest", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
