package dev.hundred.server.activerooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.RecordedEvents;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the active-rooms API does reaches the peers connected to the gateway at once. */
class ActiveRoomGatewayTest extends ApiTestBase {

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    private String path(String room, String rest) {
        return "/v2/active-rooms/" + room + rest;
    }

    @Test
    void an_update_through_the_api_reaches_every_connected_peer() {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");

            api.post(path(room, "/peers/" + bob.peerId()), Map.of("metadata", "{\"hand\":true}"));
            for (TestPeer peer : new TestPeer[] {ann, bob}) {
                JsonNode updated = peer.next("peer-updated");
                assertThat(updated.path("peer").path("id").asText()).isEqualTo(bob.peerId());
                assertThat(updated.path("peer").path("metadata").asText()).isEqualTo("{\"hand\":true}");
            }

            api.post(path(room, "/peers/" + bob.peerId()), Map.of("role", "host"));
            for (TestPeer peer : new TestPeer[] {ann, bob}) {
                JsonNode changed = peer.next("role-changed");
                assertThat(changed.path("peer").path("role").asText()).isEqualTo("host");
                assertThat(changed.path("previous_role").asText()).isEqualTo("guest");
            }
        }
    }

    @Test
    void send_message_reaches_the_peer_the_role_or_everyone() throws InterruptedException {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob");
             TestPeer cat = Live.gatewayPeer(api, room, "guest", "Cat")) {
            ann.next("peer-joined");
            ann.next("peer-joined");
            bob.next("peer-joined");

            api.post(path(room, "/send-message"), Map.of("message", "to bob", "peer_id", bob.peerId(), "role", "host"));
            JsonNode toBob = bob.next("message");
            assertThat(toBob.path("message").asText()).isEqualTo("to bob");
            assertThat(toBob.path("sender").isNull()).as("from the API").isTrue();
            assertThat(toBob.path("recipient_peer_id").asText()).isEqualTo(bob.peerId());

            api.post(path(room, "/send-message"), Map.of("message", "to guests", "role", "guest", "type", "custom_event"));
            assertThat(bob.next("message").path("message_type").asText()).isEqualTo("custom_event");
            assertThat(cat.next("message").path("recipient_role").asText()).isEqualTo("guest");

            api.post(path(room, "/send-message"), Map.of("message", "to all"));
            for (TestPeer peer : new TestPeer[] {ann, bob, cat}) {
                assertThat(peer.next("message").path("message").asText()).isEqualTo("to all");
            }
            ann.assertNothingWithin(200);
            cat.assertNothingWithin(0);
        }
    }

    @Test
    void a_removed_peer_is_told_why_and_closed_and_the_others_hear_it() throws InterruptedException {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");

            api.post(path(room, "/remove-peers"), Map.of("peer_id", bob.peerId(), "reason", "be nice"));
            JsonNode removed = bob.next("removed");
            assertThat(removed.path("reason").asText()).isEqualTo("peer kicked");
            assertThat(removed.path("message").asText()).isEqualTo("be nice");
            assertThat(bob.awaitClose()).isEqualTo(new TestPeer.Closed(4001, "peer kicked"));
            JsonNode left = ann.next("peer-left");
            assertThat(left.path("peer_id").asText()).isEqualTo(bob.peerId());
            assertThat(left.path("reason").asText()).isEqualTo("peer kicked");
            assertThat(left.path("message").asText()).isEqualTo("be nice");
        }
        // Ann's socket closed when the block ended: she leaves, the session closes; Bob's close added nothing.
        assertThat(RecordedEvents.await(api.server(), api.workspace().id(), 6)).extracting(RoomEvent::type)
                .containsExactly("session.open.success", "peer.join.success", "peer.join.success",
                        "peer.leave.success", "peer.leave.success", "session.close.success");
        Thread.sleep(100);
        assertThat(RecordedEvents.of(api.server(), api.workspace().id())).hasSize(6);
    }

    @Test
    void end_room_tells_every_peer_closes_them_and_the_session() throws InterruptedException {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");
            String session = ann.sessionId();

            api.post(path(room, "/end-room"), Map.of("reason", "bye", "lock", false));
            for (TestPeer peer : new TestPeer[] {ann, bob}) {
                JsonNode ended = peer.next("room-ended");
                assertThat(ended.path("reason").asText()).isEqualTo("bye");
                assertThat(ended.path("lock").asBoolean()).isFalse();
                assertThat(peer.awaitClose()).isEqualTo(new TestPeer.Closed(4002, "room ended"));
            }
            assertThat(api.get("/v2/sessions/" + session).json().path("active").asBoolean()).isFalse();
        }
        Thread.sleep(200); // the closes arrive at the server after the room ended: they must change nothing
        assertThat(RecordedEvents.types(api.server(), api.workspace().id())).endsWith("room.end.success",
                "peer.leave.success", "peer.leave.success", "session.close.success");
    }

    @Test
    void an_emulator_leave_of_a_gateway_peer_closes_its_socket() {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann")) {
            Live.leave(api, room, ann.peerId());
            assertThat(ann.next("left").path("reason").asText()).isEqualTo("client request");
            assertThat(ann.awaitClose()).isEqualTo(new TestPeer.Closed(4000, "client request"));
        }
    }
}
