package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Deliveries on the shared server with the default schedule (retries at +1 s, +3 s, +10 s; 5 s timeout). */
class WebhookDeliveryTest extends ApiTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private void setWorkspaceWebhook(Map<String, Object> body) {
        assertThat(api.post("/emulator/v1/webhook", body).status()).isEqualTo(200);
    }

    @Test
    void a_delivery_carries_the_envelope_the_custom_headers_and_a_standard_webhooks_signature() throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        try (Receiver receiver = Receiver.ok()) {
            setWorkspaceWebhook(Map.of("url", receiver.url(), "headers", Map.of("X-Secret", "s3cr3t"), "signing_secret", secret));
            JsonNode room = RoomEvents.room(api, Map.of("name", "signed"));
            Instant at = RoomEvents.sessionOpen(api, room, "64f1a0b2c3d4e5f60718293a");

            Receiver.Hit hit = receiver.await(1, WAIT).get(0); // how soon it comes is bench/webhooks.sh's to measure
            assertThat(hit.header("Content-Type")).isEqualTo("application/json");
            assertThat(hit.header("X-Secret")).isEqualTo("s3cr3t");

            JsonNode body = hit.json();
            assertThat(fieldNames(body)).containsExactly("version", "id", "app_id", "account_id", "timestamp", "type", "data");
            assertThat(body.path("version").asText()).isEqualTo("2.0");
            assertThat(body.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(body.path("app_id").asText()).isEqualTo(api.workspace().id());
            assertThat(body.path("account_id").asText()).isEqualTo(api.workspace().customerId());
            assertThat(body.path("timestamp").asText()).isEqualTo(Timestamps.format(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
            assertThat(body.path("type").asText()).isEqualTo("session.open.success");
            assertThat(fieldNames(body.path("data")))
                    .containsExactly("room_id", "room_name", "session_id", "template_id", "session_started_at");
            assertThat(body.path("data").path("template_id").asText()).isEqualTo(room.path("template_id").asText());
            assertThat(body.path("data").path("session_started_at").asText()).isEqualTo(Timestamps.format(at));
            assertThat(body.has("template_id")).as("template_id is inside data").isFalse();

            String id = hit.header("webhook-id");
            String timestamp = hit.header("webhook-timestamp");
            assertThat(id).isEqualTo(body.path("id").asText());
            assertThat(Long.parseLong(timestamp)).as("the attempt's time on the server clock")
                    .isBetween(at.getEpochSecond(), api.server().clock().instant().getEpochSecond());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + hit.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(hit.header("webhook-signature")).isEqualTo(expected);
        }
    }

    @Test
    void without_a_signing_secret_no_signature_headers_are_sent() {
        try (Receiver receiver = Receiver.ok()) {
            setWorkspaceWebhook(Map.of("url", receiver.url()));
            RoomEvents.sessionOpen(api, RoomEvents.room(api, Map.of()), "64f1a0b2c3d4e5f60718293b");
            Receiver.Hit hit = receiver.await(1, WAIT).get(0);
            assertThat(hit.header("webhook-signature")).isNull();
            assertThat(hit.header("webhook-id")).isNull();
        }
    }

    @Test
    void a_room_webhook_wins_for_its_room_and_the_workspace_webhook_serves_the_others() {
        try (Receiver workspace = Receiver.ok(); Receiver roomOwn = Receiver.ok()) {
            setWorkspaceWebhook(Map.of("url", workspace.url(), "headers", Map.of("X-From", "workspace")));
            JsonNode own = RoomEvents.room(api, Map.of("name", "own",
                    "webhook", Map.of("url", roomOwn.url(), "headers", Map.of("X-From", "room"))));
            JsonNode plain = RoomEvents.room(api, Map.of("name", "plain"));

            RoomEvents.sessionOpen(api, own, "64f1a0b2c3d4e5f60718293c");
            RoomEvents.sessionOpen(api, plain, "64f1a0b2c3d4e5f60718293d");

            Receiver.Hit toRoom = roomOwn.await(1, WAIT).get(0);
            Receiver.Hit toWorkspace = workspace.await(1, WAIT).get(0);
            assertThat(toRoom.json().path("data").path("room_id").asText()).isEqualTo(own.path("id").asText());
            assertThat(toRoom.header("X-From")).isEqualTo("room");
            assertThat(toWorkspace.json().path("data").path("room_id").asText()).isEqualTo(plain.path("id").asText());
            assertThat(toWorkspace.header("X-From")).isEqualTo("workspace");
            // One delivery per event, to the one destination chosen when it was queued: the history says where.
            JsonNode history = awaitHistory(2);
            Map<String, String> urlByRoom = new java.util.HashMap<>();
            history.forEach(e -> urlByRoom.put(e.path("room_id").asText(), e.path("payload").path("webhook_url").asText()));
            assertThat(urlByRoom).containsOnly(Map.entry(own.path("id").asText(), roomOwn.url()),
                    Map.entry(plain.path("id").asText(), workspace.url()));
        }
    }

    @Test
    void with_no_webhook_configured_nothing_is_queued_even_later() {
        JsonNode room = RoomEvents.room(api, Map.of());
        RoomEvents.sessionOpen(api, room, "64f1a0b2c3d4e5f60718293e");
        try (Receiver receiver = Receiver.ok()) {
            setWorkspaceWebhook(Map.of("url", receiver.url()));
            RoomEvents.publish(api.server(), List.of(RoomEvents.peerJoin(api, room, 2)));
            // The room's next event arrives, and alone: the one before had no destination and was never queued.
            List<Receiver.Hit> hits = receiver.await(1, WAIT);
            assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("peer.join.success");
            assertThat(awaitHistory(1)).hasSize(1);
        }
    }

    @Test
    void a_change_that_rolls_back_sends_nothing() {
        try (Receiver receiver = Receiver.ok()) {
            setWorkspaceWebhook(Map.of("url", receiver.url()));
            JsonNode room = RoomEvents.room(api, Map.of());
            try {
                api.server().database().tx(h -> {
                    api.server().events().publish(h, RoomEvents.peerJoin(api, room, 1));
                    throw new IllegalStateException("the change fails after publishing");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back, outbox row included
            }
            RoomEvents.publish(api.server(), List.of(RoomEvents.peerJoin(api, room, 2)));
            RoomEvents.publish(api.server(), List.of(RoomEvents.peerJoin(api, room, 3)));
            // The room's events go out in order: had the rolled-back one been queued, it would have come first.
            assertThat(receiver.await(2, WAIT)).extracting(h -> h.json().path("data").path("user_id").asText())
                    .containsExactly("user-2", "user-3");
        }
    }

    @Test
    void a_rooms_events_arrive_in_order_even_when_one_needs_a_retry() {
        try (Receiver receiver = Receiver.answering(n -> n == 1 ? 503 : 200)) {
            setWorkspaceWebhook(Map.of("url", receiver.url()));
            JsonNode room = RoomEvents.room(api, Map.of());
            List<RoomEvent> events = new ArrayList<>();
            IntStream.rangeClosed(1, 20).forEach(n -> events.add(RoomEvents.peerJoin(api, room, n)));
            RoomEvents.publishEach(api.server(), events);

            List<Receiver.Hit> hits = receiver.await(21, Duration.ofSeconds(15));
            List<String> users = hits.stream().map(h -> h.json().path("data").path("user_id").asText()).toList();
            List<String> expected = new ArrayList<>(List.of("user-1"));
            IntStream.rangeClosed(1, 20).forEach(n -> expected.add("user-" + n));
            assertThat(users).as("user-1 failed once; nobody overtook it").containsExactlyElementsOf(expected);
        }
    }

    /** The delivery history once it holds {@code total} finished deliveries (polled, up to WAIT). */
    private JsonNode awaitHistory(int total) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode events = api.get("/v2/analytics/webhooks").json().path("events");
        while (events.size() < total) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("history never reached " + total + ": " + events);
            }
            WebhookHistoryTest.sleep(20);
            events = api.get("/v2/analytics/webhooks").json().path("events");
        }
        return events;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
