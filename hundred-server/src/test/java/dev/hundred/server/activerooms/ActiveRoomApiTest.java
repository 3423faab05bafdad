package dev.hundred.server.activerooms;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.RecordedEvents;
import dev.hundred.server.http.Json;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The active-rooms API on peers made through the emulator; ActiveRoomGatewayTest has connected sockets. */
class ActiveRoomApiTest extends ApiTestBase {

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    private String path(String room, String rest) {
        return "/v2/active-rooms/" + room + rest;
    }

    @Test
    void without_a_live_session_every_call_is_404_active_room_not_found() {
        String room = Live.room(api);
        String peer = "/peers/00000000-0000-4000-8000-000000000000";
        assertError(api.get(path(room, "")), 404, "Active room not found");
        assertError(api.get(path(room, "/peers")), 404, "Active room not found");
        assertError(api.get(path(room, peer)), 404, "Active room not found");
        assertError(api.post(path(room, peer), Map.of("name", "x")), 404, "Active room not found");
        assertError(api.post(path(room, "/send-message"), Map.of("message", "x")), 404, "Active room not found");
        assertError(api.post(path(room, "/remove-peers"), Map.of("role", "host")), 404, "Active room not found");
        assertError(api.post(path(room, "/end-room"), null), 404, "Active room not found");

        assertError(api.get(path("000000000000000000000000", "")), 404, "Room not found");
        Client other = Client.forNewWorkspace(api.server());
        Live.join(api, room, "host", "Ann");
        assertError(other.get(path(room, "")), 404, "Room not found");
        assertError(other.post(path(room, "/end-room"), null), 404, "Room not found");
    }

    @Test
    void retrieve_shows_the_session_and_its_connected_peers_in_join_order() {
        String room = Live.room(api, Map.of("name", "daily"));
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String bob = Live.join(api, room, "guest", "Bob").path("id").asText();
        String cat = Live.join(api, room, "guest", "Cat").path("id").asText();
        Live.leave(api, room, bob);

        JsonNode active = api.get(path(room, "")).json();
        assertThat(active.fieldNames()).toIterable().containsExactly("id", "name", "customer_id", "session");
        assertThat(active.path("id").asText()).isEqualTo(room);
        assertThat(active.path("name").asText()).isEqualTo("daily");
        assertThat(active.path("customer_id").asText()).isEqualTo(api.workspace().customerId());
        assertThat(active.path("session").fieldNames()).toIterable().containsExactly("id", "created_at", "peers");
        assertThat(active.path("session").path("peers")).extracting(JsonNode::asText).containsExactly(ann, cat);
        JsonNode session = api.get("/v2/sessions/" + active.path("session").path("id").asText()).json();
        assertThat(session.path("created_at").asText()).isEqualTo(active.path("session").path("created_at").asText());
    }

    @Test
    void peers_are_a_map_that_filters_by_user_id_and_role() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String bob = Live.join(api, room, "guest", "Bob").path("id").asText();
        String cat = Live.join(api, room, "guest", "Cat").path("id").asText();

        JsonNode all = api.get(path(room, "/peers")).json();
        assertThat(all.fieldNames()).toIterable().containsExactly("peers");
        assertThat(all.path("peers").fieldNames()).toIterable().containsExactly(ann, bob, cat);
        assertThat(all.path("peers").path(ann).fieldNames()).toIterable()
                .containsExactly("id", "name", "user_id", "metadata", "role", "joined_at");
        assertThat(api.get(path(room, "/peers?role=guest")).json().path("peers").fieldNames()).toIterable()
                .containsExactly(bob, cat);
        assertThat(api.get(path(room, "/peers?user_id=user-Cat")).json().path("peers").fieldNames()).toIterable()
                .containsExactly(cat);
        assertThat(api.get(path(room, "/peers?user_id=user-Cat&role=host")).json().path("peers").size()).isZero();
        assertThat(api.get(path(room, "/peers?role=nobody")).text()).isEqualTo("{\"peers\":{}}");
    }

    @Test
    void a_peer_is_shown_with_its_tracks_while_connected_only() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String bob = Live.join(api, room, "guest", "Bob").path("id").asText();
        api.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/tracks", Map.of("type", "audio"));

        JsonNode peer = api.get(path(room, "/peers/" + ann)).json();
        assertThat(peer.fieldNames()).toIterable()
                .containsExactly("id", "name", "user_id", "metadata", "role", "joined_at", "tracks");
        assertThat(peer.path("tracks")).hasSize(1);
        assertThat(api.get(path(room, "/peers/" + bob)).json().path("tracks").isObject()).isTrue();

        Live.leave(api, room, bob);
        assertError(api.get(path(room, "/peers/" + bob)), 404, "Peer not found");
        assertError(api.get(path(room, "/peers/nope")), 404, "Peer not found");
    }

    @Test
    void update_changes_name_and_metadata_and_a_new_role_emits_role_change_success() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();

        JsonNode renamed = api.post(path(room, "/peers/" + ann), Map.of("name", "Anna", "metadata", "{\"x\":1}")).json();
        assertThat(renamed.path("name").asText()).isEqualTo("Anna");
        assertThat(renamed.path("metadata").asText()).isEqualTo("{\"x\":1}");
        assertThat(renamed.path("role").asText()).isEqualTo("host");
        assertThat(renamed.has("tracks")).isTrue();

        JsonNode demoted = api.post(path(room, "/peers/" + ann), Map.of("role", "guest")).json();
        assertThat(demoted.path("role").asText()).isEqualTo("guest");
        assertThat(demoted.path("name").asText()).as("unchanged").isEqualTo("Anna");
        assertThat(api.get("/v2/sessions?room_id=" + room).json().path("data").get(0).path("peers").path(ann)
                .path("role").asText()).isEqualTo("guest");

        List<RoomEvent> events = RecordedEvents.of(api.server(), api.workspace().id());
        assertThat(events).extracting(RoomEvent::type)
                .containsExactly("session.open.success", "peer.join.success", "role.change.success");
        JsonNode change = Client.JSON.valueToTree(Json.MAPPER.valueToTree(events.get(2).data()));
        assertThat(change.fieldNames()).toIterable().containsExactly("room_id", "room_name", "session_id", "peer_id",
                "user_id", "template_id", "user_name", "user_data", "role", "previous_role", "joined_at",
                "session_started_at", "role_changed_at");
        assertThat(change.path("role").asText()).isEqualTo("guest");
        assertThat(change.path("previous_role").asText()).isEqualTo("host");
        assertThat(change.path("user_name").asText()).isEqualTo("Anna");

        assertError(api.post(path(room, "/peers/" + ann), Map.of("role", "director")), 400, "Invalid body param",
                "role director does not exist in the room's template");
        assertError(api.post(path(room, "/peers/" + ann), Map.of("metadata", Map.of("x", 1))), 400,
                "Invalid body param", "metadata must be a string");
        assertError(api.post(path(room, "/peers/nope"), Map.of("name", "x")), 404, "Peer not found");
        assertThat(RecordedEvents.of(api.server(), api.workspace().id())).hasSize(3);
    }

    @Test
    void send_message_answers_message_sent_and_keeps_the_chat_record() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String session = api.get(path(room, "")).at("/session/id");

        Client.Response sent = api.post(path(room, "/send-message"), Map.of("message", "hi", "peer_id", "", "role", ""));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.text()).isEqualTo("{\"message\":\"message sent\"}");
        api.post(path(room, "/send-message"), Map.of("message", "psst", "peer_id", ann, "role", "guest", "type", "emoji"));

        JsonNode record = api.get("/emulator/v1/sessions/" + session + "/messages").json().path("messages");
        assertThat(record).hasSize(2);
        assertThat(record.get(0).path("type").asText()).isEqualTo("chat");
        assertThat(record.get(0).path("recipient_peer_id").isNull()).isTrue();
        assertThat(record.get(0).path("sender_peer_id").isNull()).isTrue();
        assertThat(record.get(1).path("recipient_peer_id").asText()).isEqualTo(ann);
        assertThat(record.get(1).path("recipient_role").isNull()).as("peer_id wins").isTrue();
        assertThat(record.get(1).path("type").asText()).isEqualTo("emoji");

        assertError(api.post(path(room, "/send-message"), Map.of()), 400, "Invalid body param", "message is required");
        assertError(api.post(path(room, "/send-message"), Map.of("message", 5)), 400, "Invalid body param",
                "message must be a string");
        assertError(api.post(path(room, "/send-message"), Map.of("message", "x", "peer_id", "nope")), 404,
                "Peer not found");
    }

    @Test
    void remove_peers_kicks_by_peer_id_or_role_and_the_last_one_closes_the_session() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        Live.join(api, room, "guest", "Bob");
        Live.join(api, room, "guest", "Cat");

        assertError(api.post(path(room, "/remove-peers"), Map.of("reason", "x")), 400, "Invalid body param",
                "peer_id or role is required");
        Client.Response byRole = api.post(path(room, "/remove-peers"), Map.of("role", "guest", "reason", "spam"));
        assertThat(byRole.text()).isEqualTo("{\"message\":\"peer remove request submitted\"}");
        assertThat(api.get(path(room, "/peers")).json().path("peers").fieldNames()).toIterable().containsExactly(ann);
        assertError(api.post(path(room, "/remove-peers"), Map.of("peer_id", "nope")), 404, "Peer not found");
        api.post(path(room, "/remove-peers"), Map.of("peer_id", ann, "role", "guest"));
        assertError(api.get(path(room, "")), 404, "Active room not found");

        List<RoomEvent> events = RecordedEvents.of(api.server(), api.workspace().id());
        assertThat(events).extracting(RoomEvent::type).containsExactly("session.open.success", "peer.join.success",
                "peer.join.success", "peer.join.success", "peer.leave.success", "peer.leave.success",
                "peer.leave.success", "session.close.success");
        assertThat(events.subList(4, 7)).allSatisfy(e -> assertThat(e.data().get("reason")).isEqualTo("peer kicked"));
        assertThat(events.get(4).data().get("message")).isEqualTo("spam");
        assertThat(events.get(6).data().get("message")).isEqualTo("");
        assertThat(events.get(6).data().get("peer_id")).isEqualTo(ann);
    }

    @Test
    void end_room_ends_every_peer_and_the_session_and_lock_disables_the_room() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        Live.join(api, room, "guest", "Bob");

        Client.Response ended = api.post(path(room, "/end-room"), Map.of("reason", "class over", "lock", true));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text()).isEqualTo("{\"message\":\"session is ending\"}");
        assertError(api.get(path(room, "")), 404, "Active room not found");
        assertThat(api.get("/v2/rooms/" + room).json().path("enabled").asBoolean()).isFalse();
        assertError(api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host")), 403,
                "Peer join refused", "room is disabled");

        List<RoomEvent> events = RecordedEvents.of(api.server(), api.workspace().id());
        assertThat(events).extracting(RoomEvent::type).containsExactly("session.open.success", "peer.join.success",
                "peer.join.success", "room.end.success", "peer.leave.success", "peer.leave.success",
                "session.close.success", "peer.join.failure");
        JsonNode end = Client.JSON.valueToTree(Json.MAPPER.valueToTree(events.get(3).data()));
        assertThat(end.fieldNames()).toIterable().containsExactly("room_id", "room_name", "session_id", "peer_id",
                "user_id", "template_id", "user_name", "role", "lock_room", "reason", "source", "session_started_at");
        assertThat(end.path("lock_room").asBoolean()).isTrue();
        assertThat(end.path("reason").asText()).isEqualTo("class over");
        assertThat(events.get(4).data().get("reason")).isEqualTo("room ended");
        assertThat(events.get(4).data().get("message")).isEqualTo("class over");
    }

    @Test
    void end_room_without_lock_keeps_the_room_open_for_a_new_session() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String first = api.get(path(room, "")).at("/session/id");
        assertThat(api.post(path(room, "/end-room"), null).status()).isEqualTo(200);
        assertThat(api.get("/v2/rooms/" + room).json().path("enabled").asBoolean()).isTrue();

        Live.join(api, room, "host", "Ann");
        assertThat(api.get(path(room, "")).at("/session/id")).isNotEqualTo(first);
    }
}
