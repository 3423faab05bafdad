package com.example.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hundred.client.HmsClient;
import dev.hundred.client.model.Room;
import dev.hundred.junit.HundredServer;
import dev.hundred.junit.HundredTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend against a real 100ms API (Hundred, in this JVM): rooms, tokens, webhooks. */
@HundredTest
class BackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Backend backend;

    @BeforeEach
    void start(HmsClient hms, HundredServer hundred) {
        backend = new Backend(hms, "s3cret", 0);
        hundred.webhook(backend.url() + "/webhooks", Map.of(Backend.WEBHOOK_HEADER, "s3cret"), null);
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void aCallIsARoomWithCodesAndAHostToken(HmsClient hms) throws Exception {
        HttpResponse<String> answer = post(backend.url() + "/calls?name=standup", Map.of(), "");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        Room room = hms.rooms().retrieve(body.get("room_id").asText());
        assertEquals("standup", room.name());
        assertEquals(2, hms.roomCodes().list(room.id()).data().size()); // host and guest

        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(body.get("host_token").asText().split("\\.")[1]));
        assertEquals(room.id(), claims.get("room_id").asText());
        assertEquals("host", claims.get("role").asText());
        assertEquals("app", claims.get("type").asText());
    }

    @Test
    void webhooksKeepTheAttendanceAndTheEndOfACall(HundredServer hundred) {
        Calls.Call call = backend.calls().create("retro");
        hundred.emulator().join(call.roomId(), "host", "ann");
        hundred.emulator().join(call.roomId(), "guest", "bob");
        eventually(() -> backend.attendance().present(call.roomId()).equals(Set.of("ann", "bob")));

        backend.calls().hangUp(call.roomId());
        eventually(() -> backend.attendance().ended(call.roomId()));
        assertTrue(backend.attendance().present(call.roomId()).isEmpty());
    }

    @Test
    void aWebhookWithoutTheSharedHeaderIsRefused() throws Exception {
        String event = "{\"version\":\"2.0\",\"id\":\"x\",\"type\":\"session.close.success\",\"data\":{\"room_id\":\"r1\"}}";
        assertEquals(401, post(backend.url() + "/webhooks", Map.of(Backend.WEBHOOK_HEADER, "guess"), event).statusCode());
        assertFalse(backend.attendance().ended("r1"));
        assertEquals(200, post(backend.url() + "/webhooks", Map.of(Backend.WEBHOOK_HEADER, "s3cret"), event).statusCode());
        assertTrue(backend.attendance().ended("r1"));
    }

    private HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Webhooks are asynchronous: wait for the condition, with a deadline. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.onSpinWait();
        }
    }
}
