package dev.hundred.server.auth;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenApiTest extends ApiTestBase {

    private ObjectNode claims(long iatOffsetSeconds, long expOffsetSeconds) {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = Json.MAPPER.createObjectNode();
        claims.put("access_key", api.workspace().accessKey());
        claims.put("type", "management");
        claims.put("version", 2);
        claims.put("iat", now + iatOffsetSeconds);
        claims.put("nbf", now + iatOffsetSeconds);
        claims.put("exp", now + expOffsetSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private Client.Response roomsWith(String token) {
        return api.withToken(token).get("/v2/rooms");
    }

    @Test
    void a_valid_management_token_is_accepted() {
        assertThat(roomsWith(Jwt.sign(claims(-10, 3600), api.workspace().secret())).status()).isEqualTo(200);
    }

    @Test
    void a_missing_token_is_401_token_validation_error() {
        assertError(roomsWith(null), 401, "Token validation error", "not found");
        assertError(api.withToken("").send("GET", "/v2/rooms", null, Map.of("Authorization", "Basic abc")),
                401, "Token validation error", "not found");
    }

    @Test
    void an_expired_token_is_401_with_the_reason() {
        assertError(roomsWith(Jwt.sign(claims(-7200, -3600), api.workspace().secret())), 401,
                "Token validation error", "token expired");
    }

    @Test
    void expiry_and_not_before_have_a_60_second_leeway() {
        assertThat(roomsWith(Jwt.sign(claims(-100, -30), api.workspace().secret())).status()).isEqualTo(200);
        assertThat(roomsWith(Jwt.sign(claims(30, 3600), api.workspace().secret())).status()).isEqualTo(200);
        assertError(roomsWith(Jwt.sign(claims(600, 3600), api.workspace().secret())), 401,
                "Token validation error", "token not yet valid");
    }

    @Test
    void a_token_issued_in_the_future_beyond_the_leeway_is_401() {
        ObjectNode future = claims(-10, 3600);
        future.put("iat", Instant.now().getEpochSecond() + 600);
        assertError(roomsWith(Jwt.sign(future, api.workspace().secret())), 401, "Token validation error",
                "token issued in the future");
        ObjectNode skewed = claims(-10, 3600);
        skewed.put("iat", Instant.now().getEpochSecond() + 30);
        assertThat(roomsWith(Jwt.sign(skewed, api.workspace().secret())).status()).isEqualTo(200);
    }

    @Test
    void a_token_whose_version_is_not_2_is_401() {
        for (Object version : new Object[] {1, 3, "2", 2.5, null}) {
            ObjectNode claims = claims(-10, 3600);
            if (version == null) {
                claims.remove("version");
            } else {
                claims.set("version", Json.MAPPER.valueToTree(version));
            }
            assertError(roomsWith(Jwt.sign(claims, api.workspace().secret())), 401, "Token validation error",
                    "version must be 2");
        }
    }

    @Test
    void a_token_signed_with_another_secret_is_401_signature_mismatch() {
        assertError(roomsWith(Jwt.sign(claims(0, 3600), "not-the-secret")), 401, "Token validation error",
                "signature mismatch");
    }

    @Test
    void an_unknown_access_key_is_401() {
        ObjectNode claims = claims(0, 3600);
        claims.put("access_key", "000000000000000000000000");
        assertError(roomsWith(Jwt.sign(claims, api.workspace().secret())), 401, "Token validation error",
                "unknown access key");
    }

    @Test
    void alg_none_and_garbage_are_refused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(Json.write(claims(0, 3600)).getBytes(StandardCharsets.UTF_8));
        assertError(roomsWith(header + "." + body + "."), 401, "Token validation error", "malformed token");
        assertError(roomsWith(header + "." + body + ".c2ln"), 401, "Token validation error", "malformed token");
        assertError(roomsWith("not-a-jwt"), 401, "Token validation error", "malformed token");
        assertError(roomsWith("a.b.c"), 401, "Token validation error", "malformed token");
    }

    @Test
    void an_app_token_on_the_management_api_is_403() {
        String app = api.server().tokens().app(api.workspace(), "000000000000000000000000", "host", "u1", Duration.ofHours(1));
        Client.Response response = roomsWith(app);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("message").asText()).isEqualTo("Token validation error");
    }

    @Test
    void a_short_user_supplied_secret_works() {
        Client shortSecret = new Client(api.server(), api.server().workspaces().create("short", "ak-" + UUID.randomUUID(), "s3cr3t"), null);
        String token = api.server().tokens().management(shortSecret.workspace(), Duration.ofMinutes(5));
        assertThat(shortSecret.withToken(token).get("/v2/rooms").status()).isEqualTo(200);
    }

    @Test
    void a_cached_token_still_expires() {
        // On a server of its own with its clock frozen: the expiry is checked on the server clock, exactly.
        try (dev.hundred.server.Hundred server = dev.hundred.server.support.Backends.fresh(backend)) {
            Client own = Client.forNewWorkspace(server);
            own.freezeClock(true);
            long now = server.clock().instant().getEpochSecond();
            ObjectNode claims = claims(-7200, -55);
            claims.put("access_key", own.workspace().accessKey()).put("iat", now - 7200).put("nbf", now - 7200)
                    .put("exp", now - 55);
            String token = Jwt.sign(claims, own.workspace().secret());
            assertThat(own.withToken(token).get("/v2/rooms").status()).as("within leeway").isEqualTo(200);
            own.advanceClock(5);
            assertThat(own.withToken(token).get("/v2/rooms").status()).as("the leeway's last second").isEqualTo(200);
            own.advanceClock(1);
            // the same token, once past the leeway, is refused even though it was verified (and cached) before
            assertError(own.withToken(token).get("/v2/rooms"), 401, "Token validation error", "token expired");
        }
    }

}
