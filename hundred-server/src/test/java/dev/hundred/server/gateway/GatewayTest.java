package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayTest extends ApiTestBase {

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    @Test
    void joining_gives_the_peer_its_id_and_the_rooms_peers_and_tells_the_others() {
        String room = Live.room(api, Map.of("name", "standup"));
        try (TestPeer ann = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u-ann"));
             TestPeer bob = TestPeer.connectWithHeader(api.server(), Live.appToken(api, room, "guest", "u-bob"))) {
            JsonNode annJoined = ann.join("Ann");
            assertThat(annJoined.path("peer_id").asText()).matches("[0-9a-f-]{36}");
            assertThat(annJoined.path("room_id").asText()).isEqualTo(room);
            assertThat(annJoined.path("room_name").asText()).isEqualTo("standup");
            assertThat(annJoined.path("session_id").asText()).matches("[0-9a-f]{24}");
            assertThat(annJoined.path("peer").path("name").asText()).isEqualTo("Ann");
            assertThat(annJoined.path("peer").path("role").asText()).isEqualTo("host");
            assertThat(annJoined.path("peer").path("user_id").asText()).isEqualTo("u-ann");
            assertThat(annJoined.path("peers").size()).isEqualTo(1);

            JsonNode bobJoined = bob.join("Bob");
            assertThat(bobJoined.path("session_id").asText()).isEqualTo(annJoined.path("session_id").asText());
            List<String> ids = List.of(ann.peerId(), bob.peerId());
            assertThat(bobJoined.path("peers").fieldNames()).toIterable().containsExactlyElementsOf(ids);
            JsonNode told = ann.next("peer-joined");
            assertThat(told.path("peer").path("id").asText()).isEqualTo(bob.peerId());
            assertThat(told.path("peer").path("name").asText()).isEqualTo("Bob");
            assertThat(told.path("peer").path("tracks").size()).isZero();

            JsonNode active = api.get("/v2/active-rooms/" + room).json();
            assertThat(active.path("session").path("peers")).hasSize(2);
        }
    }

    @Test
    void a_peer_that_leaves_is_told_ok_and_closed_and_the_others_hear_it() {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");
            JsonNode reply = bob.request("leave", Map.of());
            assertThat(reply.path("type").asText()).isEqualTo("ok");
            assertThat(bob.awaitClose()).isEqualTo(new TestPeer.Closed(1000, "client request"));

            JsonNode left = ann.next("peer-left");
            assertThat(left.path("peer_id").asText()).isEqualTo(bob.peerId());
            assertThat(left.path("reason").asText()).isEqualTo("client request");
        }
    }

    @Test
    void a_socket_that_drops_ends_its_peer_with_websocket_closed_and_the_last_one_closes_the_session()
            throws InterruptedException {
        String room = Live.room(api);
        TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
        String session = api.get("/v2/active-rooms/" + room).at("/session/id");
        ann.abort();

        List<RoomEvent> events = RecordedEvents.await(api.server(), api.workspace().id(), 4);
        assertThat(events).extracting(RoomEvent::type).containsExactly(
                "session.open.success", "peer.join.success", "peer.leave.success", "session.close.success");
        assertThat(events.get(2).data().get("reason")).isEqualTo("websocket closed");
        JsonNode closed = api.get("/v2/sessions/" + session).json();
        assertThat(closed.path("active").asBoolean()).isFalse();
        assertThat(closed.path("peers").path(ann.peerId()).has("left_at")).isTrue();
    }

    @Test
    void gateway_changes_reach_the_other_peers_and_the_api() {
        String room = Live.room(api);
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            ann.next("peer-joined");

            JsonNode updated = bob.request("update", Map.of("name", "Robert", "metadata", "{\"hand\":true}"));
            assertThat(updated.path("type").asText()).isEqualTo("ok");
            assertThat(updated.path("peer").path("name").asText()).isEqualTo("Robert");
            assertThat(ann.next("peer-updated").path("peer").path("metadata").asText()).isEqualTo("{\"hand\":true}");

            JsonNode published = bob.request("publish-track", Map.of("track", Map.of("type", "audio")));
            String trackId = published.path("track").path("id").asText();
            assertThat(published.path("track").path("source").asText()).isEqualTo("regular");
            assertThat(published.path("track").path("mute").asBoolean()).isFalse();
            assertThat(ann.next("peer-updated").path("peer").path("tracks").has(trackId)).isTrue();

            JsonNode muted = bob.request("mute-track", Map.of("track_id", trackId, "mute", true));
            assertThat(muted.path("track").path("mute").asBoolean()).isTrue();
            assertThat(ann.next("peer-updated").path("peer").path("tracks").path(trackId).path("mute").asBoolean()).isTrue();
            JsonNode viaApi = api.get("/v2/active-rooms/" + room + "/peers/" + bob.peerId()).json();
            assertThat(viaApi.path("tracks").path(trackId).path("mute").asBoolean()).isTrue();
            assertThat(viaApi.path("name").asText()).isEqualTo("Robert");

            assertThat(bob.request("unpublish-track", Map.of("track_id", trackId)).path("type").asText()).isEqualTo("ok");
            assertThat(ann.next("peer-updated").path("peer").path("tracks").size()).isZero();

            JsonNode sent = bob.request("send-message", Map.of("message", "hello"));
            assertThat(sent.path("message_id").asText()).matches("[0-9a-f-]{36}");
            JsonNode message = ann.next("message");
            assertThat(message.path("message").asText()).isEqualTo("hello");
            assertThat(message.path("message_type").asText()).isEqualTo("chat");
            assertThat(message.path("sender").path("peer_id").asText()).isEqualTo(bob.peerId());
            assertThat(message.path("sender").path("name").asText()).isEqualTo("Robert");

            JsonNode record = api.get("/emulator/v1/sessions/" + ann.sessionId() + "/messages").json();
            assertThat(record.path("messages")).hasSize(1);
            assertThat(record.path("messages").get(0).path("sender_peer_id").asText()).isEqualTo(bob.peerId());
        }
    }

    @Test
    void requests_before_the_join_and_unknown_requests_get_errors() {
        String room = Live.room(api);
        try (TestPeer ann = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u"))) {
            JsonNode early = ann.request("send-message", Map.of("message", "hi"));
            assertThat(early.path("type").asText()).isEqualTo("error");
            assertThat(early.path("code").asInt()).isEqualTo(400);
            assertThat(early.path("message").asText()).isEqualTo("Invalid request");
            assertThat(early.path("details").get(0).asText()).isEqualTo("join first");

            ann.join("Ann");
            JsonNode unknown = ann.request("dance", Map.of());
            assertThat(unknown.path("message").asText()).isEqualTo("Invalid message");
            assertThat(unknown.path("details").get(0).asText()).isEqualTo("unknown type dance");
            JsonNode again = ann.request("join", Map.of());
            assertThat(again.path("details").get(0).asText()).isEqualTo("already joined");
            JsonNode badTrack = ann.request("publish-track", Map.of("track", Map.of("type", "smell")));
            assertThat(badTrack.path("code").asInt()).isEqualTo(400);
            assertThat(badTrack.path("details").get(0).asText()).isEqualTo("type must be audio or video");
            ann.send(Map.of("type", 7));
            JsonNode notJson = ann.next("error");
            assertThat(notJson.path("details").get(0).asText()).isEqualTo("type must be a string");
        }
    }
}
