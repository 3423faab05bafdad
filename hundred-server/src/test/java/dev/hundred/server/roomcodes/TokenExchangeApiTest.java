package dev.hundred.server.roomcodes;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/token}: a room code becomes an app token, with no management token (spec §2.3). */
class TokenExchangeApiTest extends ApiTestBase {

    private Client anonymous() {
        return api.withToken(null);
    }

    private String newCode(String room, String role) {
        Client.Response created = api.post("/v2/room-codes/room/" + room + "/role/" + role, null);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.at("/code");
    }

    /** The claims of an HS256 token, after checking its signature with the workspace secret ourselves. */
    private JsonNode verifiedClaims(String token) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder b64 = Base64.getUrlDecoder();
        JsonNode header = Client.JSON.readTree(b64.decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("HS256");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(api.workspace().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));
        assertThat(MessageDigest.isEqual(expected, b64.decode(parts[2]))).as("signed with the workspace secret").isTrue();
        return Client.JSON.readTree(b64.decode(parts[1]));
    }

    @Test
    void an_enabled_code_becomes_an_app_token_for_its_room_and_role() throws Exception {
        String room = RoomCodeApiTest.newRoom(api);
        String code = newCode(room, "guest");

        Client.Response response = anonymous().post("/v2/token", Map.of("code", code, "user_id", "user-42"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().fieldNames()).toIterable().containsExactly("token");

        JsonNode claims = verifiedClaims(response.at("/token"));
        assertThat(claims.path("access_key").asText()).isEqualTo(api.workspace().accessKey());
        assertThat(claims.path("type").asText()).isEqualTo("app");
        assertThat(claims.path("version").asInt()).isEqualTo(2);
        assertThat(claims.path("version").isInt()).isTrue();
        assertThat(claims.path("room_id").asText()).isEqualTo(room);
        assertThat(claims.path("role").asText()).isEqualTo("guest");
        assertThat(claims.path("user_id").asText()).isEqualTo("user-42");
        assertThat(claims.path("jti").asText()).matches("[0-9a-f-]{36}");
        long now = Instant.now().getEpochSecond();
        assertThat(claims.path("iat").asLong()).isCloseTo(now, within(60L));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(24 * 3600);
    }

    @Test
    void without_a_user_id_the_token_gets_a_fresh_one() throws Exception {
        String code = newCode(RoomCodeApiTest.newRoom(api), "host");
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        String first = verifiedClaims(anonymous().post("/v2/token", body).at("/token")).path("user_id").asText();
        String second = verifiedClaims(anonymous().post("/v2/token", body).at("/token")).path("user_id").asText();
        assertThat(first).matches("[0-9a-f-]{36}").isNotEqualTo(second);
    }

    @Test
    void unknown_and_disabled_codes_and_disabled_rooms_are_refused() {
        assertError(anonymous().post("/v2/token", Map.of("code", "aaa-aaaa-aaa")), 404, "Code not found");

        String room = RoomCodeApiTest.newRoom(api);
        String code = newCode(room, "host");
        assertThat(api.post("/v2/room-codes/code", Map.of("code", code, "enabled", false)).status()).isEqualTo(200);
        assertError(anonymous().post("/v2/token", Map.of("code", code)), 403, "Code is disabled");

        assertThat(api.post("/v2/room-codes/code", Map.of("code", code, "enabled", true)).status()).isEqualTo(200);
        assertThat(api.post("/v2/rooms/" + room, Map.of("enabled", false)).status()).isEqualTo(200);
        assertError(anonymous().post("/v2/token", Map.of("code", code)), 403, "Room is disabled");

        assertThat(api.post("/v2/rooms/" + room, Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(anonymous().post("/v2/token", Map.of("code", code)).status()).isEqualTo(200);
    }

    /** The router ignores a trailing slash, and so does the list of paths that need no token (the fuzz found it). */
    @Test
    void the_exchange_needs_no_token_with_a_trailing_slash_either() {
        Client.Response slashed = api.withToken("not-a-token").post("/v2/token/", Map.of("code", "aaa-aaaa-aaa"));
        assertError(slashed, 404, "Code not found");
    }

    @Test
    void malformed_bodies_are_400() {
        assertError(anonymous().post("/v2/token", "{\"code\":"), 400, "Invalid body param", "malformed JSON");
        assertError(anonymous().post("/v2/token", null), 400, "Invalid body param", "code is required");
        assertError(anonymous().post("/v2/token", Map.of("code", 12)), 400, "Invalid body param", "code must be a string");
        assertError(anonymous().post("/v2/token", Map.of("code", "aaa-aaaa-aaa", "user_id", 5)), 400,
                "Invalid body param", "user_id must be a string");
        assertError(anonymous().post("/v2/token", "[1]"), 400, "Invalid body param", "body must be a JSON object");
    }
}
