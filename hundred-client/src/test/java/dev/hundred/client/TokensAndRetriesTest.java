package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.exception.ApiConnectionException;
import dev.hundred.client.exception.ApiException;
import dev.hundred.client.exception.AuthenticationException;
import dev.hundred.client.model.Room;
import dev.hundred.client.net.RetryPolicy;
import dev.hundred.client.net.TransportRequest;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.server.auth.Jwt;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokensAndRetriesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.own(); // its clock moves a day: nobody else's tokens should care
    }

    @AfterAll
    static void stop() {
        server.hundred.close();
    }

    @AfterEach
    void noFaultsLeft() {
        server.emulator("DELETE", "/faults", null);
    }

    private static JsonNode fault(Map<String, Object> rule) {
        return server.emulator("POST", "/faults", rule);
    }

    @Test
    void theManagementTokenIsCachedAndRenewedWhenItsDayIsOver() {
        MovableClock clock = new MovableClock(server.hundred.clock().instant());
        RecordingTransport wire = new RecordingTransport();
        HmsClient hms = server.clientBuilder().clock(clock).transport(wire).build();
        hms.rooms().list();
        hms.rooms().list();
        assertThat(wire.requests.get(0).header("Authorization")).isEqualTo(wire.requests.get(1).header("Authorization"));

        Duration day = Duration.ofHours(24).plusMinutes(2);
        server.emulator("POST", "/clock", Map.of("advance_seconds", day.toSeconds()));
        clock.advance(day);
        hms.rooms().list();
        assertThat(wire.statuses).containsExactly(200, 200, 200); // renewed before the call, not after a 401
        assertThat(wire.requests.get(2).header("Authorization")).isNotEqualTo(wire.requests.get(1).header("Authorization"));
    }

    @Test
    void aRefusedTokenIsMintedAgainAndTheCallTriedOnce() {
        RecordingTransport wire = new RecordingTransport();
        HmsClient hms = server.clientBuilder().transport(wire).build();
        fault(Map.of("method", "GET", "path", "/v2/rooms", "status", 401, "times", 1));
        hms.rooms().list();
        assertThat(wire.statuses).containsExactly(401, 200);
        assertThat(wire.requests.get(0).header("Authorization")).isNotEqualTo(wire.requests.get(1).header("Authorization"));

        fault(Map.of("method", "GET", "path", "/v2/rooms", "status", 401, "times", 2));
        assertThatThrownBy(() -> hms.rooms().list()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void appTokensAreSignedWithTheSecretAndCarryTheGrant() {
        HmsClient hms = server.client();
        String token = hms.tokens().app("65f0c3a1e4b0d5c2a1b3c4d5", "host", "alice");
        Jwt.Parsed parsed = Jwt.parse(token).orElseThrow();
        assertThat(parsed.signedWith(server.workspace.secret())).isTrue();
        assertThat(parsed.claims().get("type").asText()).isEqualTo("app");
        assertThat(parsed.claims().get("room_id").asText()).isEqualTo("65f0c3a1e4b0d5c2a1b3c4d5");
        assertThat(parsed.claims().get("role").asText()).isEqualTo("host");
        assertThat(parsed.claims().get("user_id").asText()).isEqualTo("alice");
        assertThat(parsed.claims().get("access_key").asText()).isEqualTo(server.workspace.accessKey());
        assertThat(Jwt.parse(hms.tokens().app("r", "guest", null)).orElseThrow().claims().has("user_id")).isFalse();
    }

    @Test
    void getsAreRetriedThroughServerErrorsAndRateLimits() {
        Room room = server.client().rooms().create(RoomCreateParams.builder().name("retried").build());
        RecordingTransport wire = new RecordingTransport();
        HmsClient hms = server.clientBuilder().transport(wire).build();
        fault(Map.of("method", "GET", "path", "/v2/rooms/*", "status", 503, "times", 1));
        fault(Map.of("method", "GET", "path", "/v2/rooms/*", "status", 429, "times", 1));
        assertThat(hms.rooms().retrieve(room.id()).id()).isEqualTo(room.id());
        assertThat(wire.statuses).containsExactly(503, 429, 200);

        JsonNode rule = fault(Map.of("method", "GET", "path", "/v2/rooms/*", "status", 500, "times", 3));
        assertThatThrownBy(() -> hms.rooms().retrieve(room.id())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.details()).containsExactly("injected fault " + rule.get("id").asText());
        });
    }

    @Test
    void aPostIsRetriedWithTheSameIdempotencyKeyAndMadeOnce() {
        RecordingTransport wire = new RecordingTransport();
        HmsClient hms = server.clientBuilder().transport(wire).build();
        fault(Map.of("method", "POST", "path", "/v2/rooms", "status", 502, "times", 1));
        Room room = hms.rooms().create(RoomCreateParams.builder().name("once").build());
        assertThat(wire.statuses).containsExactly(502, 200);
        TransportRequest first = wire.requests.get(0);
        assertThat(first.header("Idempotency-Key")).isNotBlank().isEqualTo(wire.requests.get(1).header("Idempotency-Key"));
        assertThat(room.name()).isEqualTo("once");
    }

    @Test
    void aPostWithoutAKeyIsNotRetried() {
        RecordingTransport wire = new RecordingTransport();
        HmsClient hms = server.clientBuilder().idempotencyKeys(false).transport(wire).build();
        fault(Map.of("method", "POST", "path", "/v2/rooms", "status", 503, "times", 1));
        assertThatThrownBy(() -> hms.rooms().create(RoomCreateParams.builder().name("not-twice").build()))
                .isInstanceOf(ApiException.class);
        assertThat(wire.statuses).containsExactly(503);
        assertThat(wire.requests.get(0).header("Idempotency-Key")).isNull();
    }

    @Test
    void aSlowAnswerTimesOutAndTheGetIsTriedAgain() {
        RecordingTransport wire = new RecordingTransport();
        // 2 s against a 10 s delay: only the first can time out, whatever the load on the machine, and the
        // others answer well within it (more than one retry may still happen on a starved machine).
        HmsClient hms = server.clientBuilder().timeout(Duration.ofSeconds(2)).transport(wire).build();
        fault(Map.of("method", "GET", "path", "/v2/templates", "delay_ms", 10000, "times", 1));
        hms.templates().list();
        assertThat(wire.requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(wire.statuses).containsExactly(200); // the first never answered in time
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() {
        RecordingTransport wire = new RecordingTransport();
        HmsClient hms = HmsClient.builder().credentials("k", "s").baseUrl("http://127.0.0.1:1/v2").transport(wire)
                .retries(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5))).build();
        assertThatThrownBy(() -> hms.rooms().create(RoomCreateParams.builder().build()))
                .isInstanceOfSatisfying(ApiConnectionException.class, e -> assertThat(e.status()).isZero());
        assertThat(wire.requests).hasSize(3); // never reached a server: safe to retry even a POST
    }
}
