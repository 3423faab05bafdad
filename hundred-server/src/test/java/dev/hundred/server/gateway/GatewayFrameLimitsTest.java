package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frames the gateway does not take (docs/gateway.md, Limits and misbehaving clients): a text message over
 * 512 KiB closes its socket with 1009 {@code message too big}, a binary one with 1003; the peer leaves with
 * reason {@code websocket closed} and the close reason as message, and the room's other peers go on.
 */
class GatewayFrameLimitsTest extends ApiTestBase {
    private static final int MAX = 512 * 1024;

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    /** An update of {@code bytes} UTF-8 bytes in all, padded with a field the server ignores. */
    private static String updateOf(int bytes) {
        String head = "{\"type\":\"update\",\"request_id\":\"big\",\"name\":\"Bo\",\"pad\":\"";
        String tail = "\"}";
        String text = head + "x".repeat(bytes - head.length() - tail.length()) + tail;
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return text;
    }

    /** The peer-left Ann hears and the webhook of Bob's leave: reason websocket closed, message {@code message}. */
    private void assertBobLeft(TestPeer ann, TestPeer bob, String message) throws InterruptedException {
        JsonNode left = ann.next("peer-left");
        assertThat(left.path("peer_id").asText()).isEqualTo(bob.peerId());
        assertThat(left.path("reason").asText()).isEqualTo("websocket closed");
        assertThat(left.path("message").asText()).isEqualTo(message);
        List<RoomEvent> events = RecordedEvents.await(api.server(), api.workspace().id(), 4);
        RoomEvent leave = events.get(events.size() - 1);
        assertThat(leave.type()).isEqualTo("peer.leave.success");
        assertThat(leave.data().get("peer_id")).isEqualTo(bob.peerId());
        assertThat(leave.data().get("reason")).isEqualTo("websocket closed");
        assertThat(leave.data().get("message")).isEqualTo(message);
        assertThat(api.get("/v2/sessions/" + ann.sessionId()).json().path("peers").path(bob.peerId()).has("left_at")).isTrue();
        // Ann is still in and still heard.
        assertThat(ann.request("update", java.util.Map.of("name", "Ann2")).path("type").asText()).isEqualTo("ok");
    }

    @Test
    void a_message_of_the_largest_size_is_read() {
        String room = Live.room(api);
        try (TestPeer bob = Live.gatewayPeer(api, room, "host", "Bob")) {
            bob.sendText(updateOf(MAX));
            JsonNode reply = bob.next();
            assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ok");
            assertThat(reply.path("peer").path("name").asText()).isEqualTo("Bo");
        }
    }

    @Test
    void a_message_over_the_limit_is_answered_413_and_closes_the_socket_with_1009() throws InterruptedException {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");
            bob.sendText(updateOf(MAX + 1));
            JsonNode error = bob.next("error");
            assertThat(error.path("code").asInt()).isEqualTo(413);
            assertThat(error.path("message").asText()).isEqualTo("Message too big");
            assertThat(error.path("details").get(0).asText()).isEqualTo("a message must be at most 524288 bytes");
            assertThat(bob.awaitClose()).isEqualTo(new TestPeer.Closed(1009, "message too big"));
            assertBobLeft(ann, bob, "message too big");
            assertThat(api.get("/v2/sessions/" + ann.sessionId()).json().path("peers").path(bob.peerId())
                    .path("name").asText()).isEqualTo("Bob"); // the update was not made
        }
    }

    @Test
    void a_message_over_what_jetty_reads_closes_with_1009_and_the_same_leave() throws InterruptedException {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");
            try {
                bob.sendText(updateOf(2 * 1024 * 1024));
            } catch (IllegalStateException closedWhileSending) {
                // the server may close before the client has sent it all
            }
            TestPeer.Closed closed = bob.awaitClose();
            // 1009 when the close frame reaches the client; when the server closes while the client is
            // still writing the 2 MiB, the client's write fails first (-1, a reset). Either way the server
            // refused it, and what it tells the room below is the same.
            assertThat(closed.code()).as(closed.reason()).isIn(1009, -1);
            if (closed.code() == 1009) {
                assertThat(closed.reason()).startsWith("Text message too large");
            }
            assertBobLeft(ann, bob, "message too big");
        }
    }

    @Test
    void a_binary_message_is_refused_and_closes_the_socket_with_1003() throws InterruptedException {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");
            bob.sendBinary("{\"type\":\"update\",\"name\":\"B\"}".getBytes(StandardCharsets.UTF_8));
            JsonNode error = bob.next("error");
            assertThat(error.path("code").asInt()).isEqualTo(400);
            assertThat(error.path("message").asText()).isEqualTo("Invalid message");
            assertThat(error.path("details").get(0).asText())
                    .isEqualTo("binary messages are not accepted: messages are JSON text");
            assertThat(bob.awaitClose()).isEqualTo(new TestPeer.Closed(1003, "binary messages are not accepted"));
            assertBobLeft(ann, bob, "binary messages are not accepted");
        }
    }

    @Test
    void a_binary_message_before_the_join_closes_the_socket_and_nobody_joins() {
        String room = Live.room(api);
        try (TestPeer bob = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u-bob"))) {
            bob.sendBinary(new byte[] {1, 2, 3});
            assertThat(bob.next("error").path("code").asInt()).isEqualTo(400);
            assertThat(bob.awaitClose()).isEqualTo(new TestPeer.Closed(1003, "binary messages are not accepted"));
            assertThat(api.get("/v2/active-rooms/" + room).status()).isEqualTo(404);
            assertThat(RecordedEvents.types(api.server(), api.workspace().id())).isEmpty();
        }
    }
}
