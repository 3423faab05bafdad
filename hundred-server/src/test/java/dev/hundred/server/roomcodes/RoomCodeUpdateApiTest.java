package dev.hundred.server.roomcodes;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomCodeUpdateApiTest extends ApiTestBase {

    private JsonNode newCode() {
        String room = RoomCodeApiTest.newRoom(api);
        Client.Response created = api.post("/v2/room-codes/room/" + room + "/role/host", null);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json();
    }

    private JsonNode update(Object body) {
        Client.Response response = api.post("/v2/room-codes/code", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void disable_and_enable_move_updated_at_only_when_enabled_changes() {
        JsonNode code = newCode();
        String value = code.path("code").asText();

        JsonNode disabled = update(Map.of("code", value, "enabled", false));
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(disabled.path("code").asText()).isEqualTo(value);
        assertThat(disabled.path("room_id")).isEqualTo(code.path("room_id"));
        assertThat(disabled.path("role").asText()).isEqualTo("host");
        assertThat(disabled.path("created_at")).isEqualTo(code.path("created_at"));
        assertThat(disabled.path("updated_at").asText()).isNotEqualTo(code.path("updated_at").asText());

        JsonNode again = update(Map.of("code", value, "enabled", false));
        assertThat(again).isEqualTo(disabled);

        JsonNode enabled = update(Map.of("code", value, "enabled", true));
        assertThat(enabled.path("enabled").asBoolean()).isTrue();
        assertThat(enabled.path("updated_at").asText()).isNotEqualTo(disabled.path("updated_at").asText());
        JsonNode listed = api.get("/v2/room-codes/room/" + code.path("room_id").asText()).json().path("data").get(0);
        assertThat(listed).isEqualTo(enabled);
    }

    @Test
    void an_unknown_code_is_404() {
        assertError(api.post("/v2/room-codes/code", Map.of("code", "aaa-aaaa-aaa", "enabled", true)), 404,
                "Code not found");
    }

    @Test
    void bad_bodies_are_invalid_body_parameter() {
        String value = newCode().path("code").asText();
        assertError(api.post("/v2/room-codes/code", Map.of("code", value, "enabled", false, "role", "guest")), 400,
                "Invalid body parameter", "unknown field role");
        assertError(api.post("/v2/room-codes/code", Map.of("code", value, "enabled", "false")), 400,
                "Invalid body parameter", "enabled must be a boolean");
        assertError(api.post("/v2/room-codes/code", Map.of("code", value, "enabled", 0)), 400,
                "Invalid body parameter", "enabled must be a boolean");
        assertError(api.post("/v2/room-codes/code", Map.of("code", value)), 400,
                "Invalid body parameter", "enabled is required");
        assertError(api.post("/v2/room-codes/code", Map.of("enabled", true)), 400,
                "Invalid body parameter", "code is required");
        assertError(api.post("/v2/room-codes/code", Map.of("code", 7, "enabled", true)), 400,
                "Invalid body parameter", "code must be a non-empty string");
        assertError(api.post("/v2/room-codes/code", null), 400, "Invalid body parameter");
        assertError(api.post("/v2/room-codes/code", "[]"), 400, "Invalid body parameter");
        assertError(api.post("/v2/room-codes/code", "{\"code\":"), 400, "Invalid body parameter", "malformed JSON");
        assertThat(api.get("/v2/room-codes/room/" + newCode().path("room_id").asText()).json()
                .path("data").get(0).path("enabled").asBoolean()).isTrue();
    }
}
