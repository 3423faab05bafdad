package dev.hundred.server.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Role changes over HTTP reach the room codes of the template's rooms (spec §4.2), end to end. */
class RoleChangesReachRoomCodesApiTest extends ApiTestBase {

    /** role -> enabled, for the room's codes. */
    private Map<String, Boolean> codes(String roomId) {
        Map<String, Boolean> byRole = new LinkedHashMap<>();
        JsonNode data = api.get("/v2/room-codes/room/" + roomId + "?limit=100").json().path("data");
        data.forEach(c -> byRole.put(c.path("role").asText(), c.path("enabled").asBoolean()));
        return byRole;
    }

    @Test
    void created_renamed_and_deleted_roles_add_and_disable_codes() {
        String templateId = api.post("/v2/templates", "{\"roles\": {\"host\": {}, \"guest\": {}}}").json().path("id").asText();
        String roomId = api.post("/v2/rooms", Map.of("template_id", templateId)).json().path("id").asText();
        assertThat(api.post("/v2/room-codes/room/" + roomId, null).status()).isEqualTo(200);
        String roles = "/v2/templates/" + templateId + "/roles/";

        assertThat(api.post(roles + "viewer", Map.of()).status()).isEqualTo(200);
        assertThat(codes(roomId)).containsEntry("viewer", true).containsEntry("host", true).containsEntry("guest", true);

        assertThat(api.post(roles + "viewer", Map.of("name", "audience")).status()).isEqualTo(200);
        assertThat(codes(roomId)).containsEntry("viewer", false).containsEntry("audience", true);

        assertThat(api.delete(roles + "guest").status()).isEqualTo(204);
        assertThat(codes(roomId)).containsEntry("guest", false).containsEntry("host", true);
    }
}
