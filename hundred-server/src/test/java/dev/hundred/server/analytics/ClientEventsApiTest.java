package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.clientError;
import static dev.hundred.server.analytics.AnalyticsCalls.page;
import static dev.hundred.server.analytics.AnalyticsCalls.report;
import static dev.hundred.server.analytics.TrackEventsApiTest.fields;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client error events (error-events.mdx) as the emulator reports them for a peer. */
class ClientEventsApiTest extends ApiTestBase {
    static final String BAD_BODY = "Invalid body param";

    static Map<String, Object> agent() {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("sdk", "web");
        agent.put("device_model", "Chrome_125.0.0.0");
        agent.put("os_version", "10.15.7");
        agent.put("is_prebuilt", true);
        agent.put("framework_version", "18.2.0");
        agent.put("os", "web_Mac_OS");
        agent.put("framework_sdk_version", "0.10.15");
        agent.put("framework", "react-web");
        agent.put("domain", "HMS");
        agent.put("sdk_version", "0.12.15");
        return agent;
    }

    @Test
    void a_publish_failure_is_completed_from_the_peer_its_room_and_session() {
        String room = Live.room(api, Map.of("name", "errors-room"));
        JsonNode ann = Live.join(api, room, "host", "Ann");
        String peer = ann.path("id").asText();
        Map<String, Object> body = clientError("client.publish.failed");
        body.put("error_description", "local candidate - candidate:1 1 udp 41886207 35.207.224.32 52563 typ relay");
        body.put("is_terminal", false);
        body.put("agent", agent());
        body.put("audio", Map.of("maxBitrate", 32000, "deviceId", "default", "volume", 1, "codec", "opus"));
        body.put("devices", Map.of("audioInput", List.of("mic-1")));
        Client.Response response = report(api, room, peer, body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode event = response.json();
        assertThat(fields(event)).containsExactly("version", "id", "timestamp", "type", "data");
        JsonNode data = event.path("data");
        assertThat(fields(data)).containsExactly("user_id", "user_name", "peer_id", "account_id", "room_id",
                "session_id", "room_name", "template_id", "role", "error_code", "error_name", "error_message",
                "error_description", "domain", "is_terminal", "action", "audio", "video", "devices", "agent");
        JsonNode roomJson = api.get("/v2/rooms/" + room).json();
        JsonNode active = api.get("/v2/active-rooms/" + room).json();
        assertThat(data.path("user_id").asText()).isEqualTo("user-Ann");
        assertThat(data.path("user_name").asText()).isEqualTo("Ann");
        assertThat(data.path("peer_id").asText()).isEqualTo(peer);
        assertThat(data.path("account_id").asText()).isEqualTo(roomJson.path("customer_id").asText());
        assertThat(data.path("room_id").asText()).isEqualTo(room);
        assertThat(data.path("session_id").asText()).isEqualTo(active.path("session").path("id").asText());
        assertThat(data.path("room_name").asText()).isEqualTo("errors-room");
        assertThat(data.path("template_id").asText()).isEqualTo(roomJson.path("template_id").asText());
        assertThat(data.path("role").asText()).isEqualTo("host");
        assertThat(data.path("error_code").isInt()).isTrue();
        assertThat(data.path("error_code").asInt()).isEqualTo(4006);
        assertThat(data.path("domain").asText()).isEqualTo("HMS"); // from the agent
        assertThat(data.path("is_terminal").asBoolean()).isFalse();
        assertThat(data.path("action").asText()).isEqualTo("PUBLISH");
        assertThat(data.path("audio").toString())
                .isEqualTo("{\"maxBitrate\":32000,\"deviceId\":\"default\",\"volume\":1,\"codec\":\"opus\"}");
        assertThat(data.path("video").toString()).isEqualTo(
                "{\"deviceId\":\"\",\"maxFramerate\":0,\"maxBitrate\":0,\"codec\":\"\",\"height\":0,\"width\":0}");
        assertThat(data.path("devices").toString())
                .isEqualTo("{\"videoInput\":[],\"audioInput\":[\"mic-1\"],\"audioOutput\":[]}");
        assertThat(fields(data.path("agent"))).containsExactly("sdk", "device_model", "os_version", "is_prebuilt",
                "framework_version", "os", "framework_sdk_version", "string", "framework", "domain", "sdk_version");
        assertThat(data.path("agent").path("string").asText()).isEqualTo("os:web_Mac_OS,os_version:10.15.7,sdk:web,"
                + "sdk_version:0.12.15,device_model:Chrome_125.0.0.0,env:prod,domain:HMS,is_prebuilt:true,"
                + "framework:react-web,framework_version:18.2.0,framework_sdk_version:0.10.15");
        // what the emulator answered is what the API lists
        JsonNode listed = page(api, "room_id=" + room, "type=client.publish.failed").path("events").get(0);
        assertThat(listed).isEqualTo(event);
    }

    @Test
    void each_error_type_has_its_action_and_only_publish_failures_carry_media_settings() {
        String room = Live.room(api);
        String peer = Live.join(api, room, "guest", "Gus").path("id").asText();
        Map<String, String> actions = Map.of("client.publish.failed", "PUBLISH", "client.subscribe.failed", "SUBSCRIBE",
                "client.join.failed", "JOIN", "client.disconnected", "RECONNECT_SIGNAL", "client.connect.failed", "INIT");
        actions.forEach((type, action) -> {
            JsonNode data = report(api, room, peer, clientError(type)).json().path("data");
            assertThat(data.path("action").asText()).as(type).isEqualTo(action);
            assertThat(data.has("audio")).as(type).isEqualTo(type.equals("client.publish.failed"));
            assertThat(data.has("domain")).as("no domain unless told").isFalse();
            assertThat(data.path("error_description").asText()).isEmpty();
            assertThat(data.path("is_terminal").asBoolean()).isFalse();
            assertThat(data.path("agent").path("sdk").asText()).isEmpty();
        });
        Map<String, Object> told = clientError("client.disconnected");
        told.put("action", "RECONNECT_SIGNAL");
        told.put("is_terminal", true);
        told.put("domain", "CUSTOM");
        told.put("transport_state", "Preview");
        JsonNode data = report(api, room, peer, told).json().path("data");
        assertThat(data.path("is_terminal").asBoolean()).isTrue();
        assertThat(data.path("domain").asText()).isEqualTo("CUSTOM");
        assertThat(data.path("transport_state").asText()).isEqualTo("Preview");
        assertThat(page(api, "room_id=" + room, "error=true").path("total").asInt()).isEqualTo(6);
    }

    @Test
    void a_peer_that_left_or_never_got_in_can_still_report() {
        String room = Live.room(api);
        JsonNode ann = Live.join(api, room, "host", "Ann");
        String session = Live.leave(api, room, ann.path("id").asText()).path("session_id").asText();
        // after it left: still its session, its user and role
        JsonNode late = report(api, room, ann.path("id").asText(), clientError("client.disconnected")).json().path("data");
        assertThat(late.path("session_id").asText()).isEqualTo(session);
        assertThat(late.path("role").asText()).isEqualTo("host");

        // a connection that failed before any peer existed: no session, identity from the body
        Map<String, Object> connect = clientError("client.connect.failed");
        connect.put("user_id", "u-7");
        connect.put("user_name", "shubham");
        connect.put("endpoint", "");
        String stranger = "b3f3c6bc-d942-4446-96dd-b7e141189e7a";
        JsonNode data = report(api, room, stranger, connect).json().path("data");
        assertThat(fields(data)).containsExactly("user_id", "user_name", "peer_id", "account_id", "room_id",
                "room_name", "template_id", "error_code", "error_name", "error_message", "error_description",
                "is_terminal", "action", "endpoint", "agent");
        assertThat(data.path("user_id").asText()).isEqualTo("u-7");
        assertThat(data.path("peer_id").asText()).isEqualTo(stranger);
        assertThat(page(api, "room_id=" + room, "user_id=u-7").path("total").asInt()).isEqualTo(1);

        // a join that failed while a session was live belongs to that session
        String live = Live.join(api, room, "host", "Bea").path("id").asText();
        Map<String, Object> join = clientError("client.join.failed");
        join.put("role", "guest");
        join.put("retries_join", 0);
        JsonNode joinData = report(api, room, "58ddb219-e3de-41f6-9511-a0bdf06823ef", join).json().path("data");
        assertThat(joinData.path("session_id").asText())
                .isEqualTo(api.get("/v2/active-rooms/" + room).json().path("session").path("id").asText());
        assertThat(joinData.path("user_id").asText()).isEqualTo("58ddb219-e3de-41f6-9511-a0bdf06823ef");
        assertThat(joinData.path("role").asText()).isEqualTo("guest");
        assertThat(joinData.path("retries_join").asInt()).isZero();
        assertThat(live).isNotEmpty();
    }

    @Test
    void a_gateway_peer_s_errors_are_reported_the_same_way() {
        String room = Live.room(api);
        try (TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            JsonNode data = report(api, room, bob.peerId(), clientError("client.subscribe.failed")).json().path("data");
            assertThat(data.path("user_id").asText()).isEqualTo("user-Bob");
            assertThat(data.path("session_id").asText()).isEqualTo(bob.sessionId());
        }
    }

    @Test
    void unknown_rooms_and_peers_answer_404() {
        String room = Live.room(api);
        assertError(report(api, "000000000000000000000000", "p", clientError("client.join.failed")), 404, "Room not found");
        assertError(report(Client.forNewWorkspace(api.server()), room, "p", clientError("client.join.failed")), 404,
                "Room not found");
        // only a join or a connection can fail before the room knows the peer
        for (String type : List.of("client.publish.failed", "client.subscribe.failed", "client.disconnected")) {
            assertError(report(api, room, "not-a-peer", clientError(type)), 404, "Peer not found");
        }
        String otherRoom = Live.room(api);
        String elsewhere = Live.join(api, otherRoom, "host", "Ann").path("id").asText();
        assertError(report(api, room, elsewhere, clientError("client.publish.failed")), 404, "Peer not found");
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isZero();
    }

    @Test
    void a_body_that_breaks_the_rules_is_refused() {
        String room = Live.room(api);
        String peer = Live.join(api, room, "host", "Ann").path("id").asText();
        assertError(report(api, room, peer, Map.of()), 400, BAD_BODY, "type is required");
        assertError(report(api, room, peer, with("type", "track.add.success")), 400, BAD_BODY,
                "type must be one of client.publish.failed, client.subscribe.failed, client.join.failed,"
                        + " client.disconnected, client.connect.failed");
        assertError(report(api, room, peer, with("error_code", null)), 400, BAD_BODY, "error_code is required");
        assertError(report(api, room, peer, with("error_code", "4006")), 400, BAD_BODY, "error_code must be an integer");
        assertError(report(api, room, peer, with("error_code", 1.5)), 400, BAD_BODY, "error_code must be an integer");
        assertError(report(api, room, peer, with("error_name", "")), 400, BAD_BODY, "error_name is required");
        assertError(report(api, room, peer, with("error_message", null)), 400, BAD_BODY, "error_message is required");
        assertError(report(api, room, peer, with("is_terminal", "yes")), 400, BAD_BODY, "is_terminal must be a boolean");
        assertError(report(api, room, peer, with("action", "DANCE")), 400, BAD_BODY,
                "action must be one of PUBLISH, SUBSCRIBE, JOIN, RECONNECT_SIGNAL, INIT");
        assertError(report(api, room, peer, with("agent", "web")), 400, BAD_BODY, "agent must be an object");
        assertError(report(api, room, peer, with("agent", Map.of("is_prebuilt", 1))), 400, BAD_BODY,
                "agent.is_prebuilt must be a boolean");
        assertError(report(api, room, peer, with("audio", Map.of())), 400, BAD_BODY,
                "audio is only for client.publish.failed");
        assertError(report(api, room, peer, with("retries_join", -1)), 400, BAD_BODY, "retries_join must not be negative");
        assertError(report(api, room, peer, with("error_message", "x".repeat(1025))), 400, BAD_BODY,
                "error_message is longer than 1024 characters");
        assertError(report(api, room, peer, with("error_description", "x".repeat(4097))), 400, BAD_BODY,
                "error_description is longer than 4096 characters");
        assertError(report(api, room, peer, with("agent", Map.of("os", "x".repeat(1025)))), 400, BAD_BODY,
                "agent.os is longer than 1024 characters");
        Client.Response notJson = api.send("POST", "/emulator/v1/rooms/" + room + "/peers/" + peer + "/client-events",
                "{", Map.of());
        assertError(notJson, 400, BAD_BODY, "malformed JSON");
        Map<String, Object> publish = clientError("client.publish.failed");
        publish.put("video", Map.of("maxFramerate", "30"));
        assertError(report(api, room, peer, publish), 400, BAD_BODY, "video.maxFramerate must be an integer");
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isZero();
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = clientError("client.subscribe.failed");
        body.put(field, value);
        return body;
    }
}
