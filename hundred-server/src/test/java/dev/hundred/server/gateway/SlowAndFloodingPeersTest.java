package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that do not keep up and clients that send too much (docs/gateway.md, Limits and misbehaving
 * clients): a socket whose client stops reading is dropped once 1 MiB is queued for it, with close 1008
 * {@code too slow}, while the room's other peers get every message in order; a client that floods is
 * answered in order, one message after the other, and nobody else waits for it.
 */
class SlowAndFloodingPeersTest extends ApiTestBase {
    /** Most of a chat message's 64 Ki characters, so the queue to a client that does not read fills soon. */
    private static final String PAD = "p".repeat(60_000);
    /** Far more than what a socket's buffers and its outbox hold (a few MiB): the drop comes well before. */
    private static final int MAX_MESSAGES = 2_000;

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    /** Sends a chat message and answers the ok; the notices that come before it go to {@code notices}. */
    private static void say(TestPeer peer, String id, String text, List<JsonNode> notices) {
        peer.send(Map.of("type", "send-message", "request_id", id, "message", text));
        for (JsonNode m = peer.next(); ; m = peer.next()) {
            if (id.equals(m.path("request_id").asText(null))) {
                assertThat(m.path("type").asText()).as("%s", m).isEqualTo("ok");
                return;
            }
            notices.add(m);
        }
    }

    @Test
    void a_peer_that_stops_reading_is_dropped_and_the_others_get_every_message_in_order() {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "host", "Bob");
             RawSocket sid = RawSocket.open(api.server(), Live.appToken(api, room, "guest", "u-sid"), null, 4096)) {
            ann.next("peer-joined");
            sid.sendText("{\"type\":\"join\",\"name\":\"Sid\"}"); // and then it reads nothing
            String sidId = ann.next("peer-joined").path("peer").path("id").asText();
            assertThat(bob.next("peer-joined").path("peer").path("id").asText()).isEqualTo(sidId);

            List<JsonNode> bobHeard = new ArrayList<>();
            JsonNode sidLeft = null;
            int sent = 0;
            // Bob talks until Ann hears that Sid is gone, and a few messages more; Ann must hear each, in order.
            for (int afterDrop = 0; afterDrop < 5 && sent < MAX_MESSAGES; sent++) {
                say(bob, "m" + sent, "m" + sent + " " + PAD, bobHeard);
                JsonNode heard = ann.next();
                if (heard.path("type").asText().equals("peer-left")) {
                    assertThat(sidLeft).as("one peer-left").isNull();
                    sidLeft = heard;
                    heard = ann.next();
                }
                assertThat(heard.path("type").asText()).as("%s", heard).isEqualTo("message");
                assertThat(heard.path("message").asText()).startsWith("m" + sent + " ");
                if (sidLeft != null) {
                    afterDrop++;
                }
            }
            assertThat(sidLeft).as("Sid dropped after %d messages", sent).isNotNull();
            assertThat(sidLeft.path("peer_id").asText()).isEqualTo(sidId);
            assertThat(sidLeft.path("reason").asText()).isEqualTo("websocket closed");
            assertThat(sidLeft.path("message").asText()).isEqualTo("too slow");
            assertThat(bobHeard).extracting(m -> m.path("type").asText()).containsExactly("peer-left");

            RoomEvent leave = RecordedEvents.of(api.server(), api.workspace().id()).stream()
                    .filter(e -> e.type().equals("peer.leave.success")).findFirst().orElseThrow();
            assertThat(leave.data().get("peer_id")).isEqualTo(sidId);
            assertThat(leave.data().get("reason")).isEqualTo("websocket closed");
            assertThat(leave.data().get("message")).isEqualTo("too slow");
            assertThat(api.get("/v2/active-rooms/" + room + "/peers/" + sidId).status()).isEqualTo(404);
            JsonNode record = api.get("/emulator/v1/sessions/" + ann.sessionId() + "/messages").json();
            assertThat(record.path("messages")).hasSize(sent);

            // Sid, reading at last, finds what was sent before the drop, in order, then the close.
            List<String> sidHeard = new ArrayList<>();
            RawSocket.Frame close = null;
            for (RawSocket.Frame f = sid.read(); f != null; f = sid.read()) {
                if (f.opcode() == 8) {
                    close = f;
                    break;
                }
                sidHeard.add(json(f.text()).path("type").asText() + " " + json(f.text()).path("message").asText("").split(" ")[0]);
            }
            assertThat(close).as("close frame after %s", sidHeard.size()).isNotNull();
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).isEqualTo("too slow");
            assertThat(sidHeard.get(0)).isEqualTo("joined ");
            for (int i = 1; i < sidHeard.size(); i++) {
                assertThat(sidHeard.get(i)).isEqualTo("message m" + (i - 1));
            }
        }
    }

    @Test
    void a_flood_of_requests_is_answered_in_order_and_every_message_reaches_the_room() {
        int flood = 500;
        String room = Live.room(api);
        String otherRoom = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "host", "Bob");
             TestPeer cy = Live.gatewayPeer(api, otherRoom, "host", "Cy")) {
            ann.next("peer-joined");
            for (int i = 0; i < flood; i++) {
                bob.send(Map.of("type", "send-message", "request_id", "f" + i, "message", "hello " + i));
            }
            // Another room's peer is not held up by the flood.
            assertThat(cy.request("update", Map.of("name", "Cyd")).path("type").asText()).isEqualTo("ok");
            for (int i = 0; i < flood; i++) {
                JsonNode reply = bob.next("ok");
                assertThat(reply.path("request_id").asText()).isEqualTo("f" + i);
            }
            for (int i = 0; i < flood; i++) {
                assertThat(ann.next("message").path("message").asText()).isEqualTo("hello " + i);
            }
            assertThat(api.get("/emulator/v1/sessions/" + ann.sessionId() + "/messages").json().path("messages"))
                    .hasSize(flood);
            assertThat(bob.request("leave", Map.of()).path("type").asText()).isEqualTo("ok");
        }
    }

    private static JsonNode json(String text) {
        try {
            return Client.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
