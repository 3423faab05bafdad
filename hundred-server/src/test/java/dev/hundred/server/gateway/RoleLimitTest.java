package dev.hundred.server.gateway;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.store.Database;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.workspaces.Workspace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A role's maxPeerCount (0 unlimited, -1 nobody) on joins and on role changes. The template's roles are
 * set with SQL because the templates role API is another feature's (GatewayJoinRulesTest has the same
 * case over that API, and runs once it exists).
 */
class RoleLimitTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2-file", Backends.POSTGRES})
    void max_peer_count_limits_joins_and_role_changes(String backend) throws Exception {
        String db = backend.equals("h2-file") ? Backends.freshH2Directory() : Backends.freshPostgresUrl();
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb(db).withCredentials("limit-key", "limit-secret").withVirtualThreads("false"))) {
            RecordedEvents.recordOn(server);
            server.start();
            Workspace ws = server.defaultWorkspace();
            Client api = new Client(server, ws, server.tokens().management(ws, Duration.ofHours(1)));
            setRoleLimits(Database.jdbcUrl(db), ws.id(), Map.of("guest", 1, "host", -1, "speaker", 1));
            String room = Live.room(api);

            try (TestPeer gus = Live.gatewayPeer(api, room, "guest", "Gus");
                 TestPeer second = TestPeer.connect(server, Live.appToken(api, room, "guest", "u2"));
                 TestPeer host = TestPeer.connect(server, Live.appToken(api, room, "host", "u3"))) {
                second.send(Map.of("type", "join"));
                assertThat(second.next("error").path("details").get(0).asText()).isEqualTo("role limit reached");
                assertThat(second.awaitClose()).isEqualTo(new TestPeer.Closed(4403, "role limit reached"));
                host.send(Map.of("type", "join"));
                assertThat(host.awaitClose()).isEqualTo(new TestPeer.Closed(4403, "role not allowed"));
                assertError(api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "guest")), 403,
                        "Peer join refused", "role limit reached");

                Live.join(api, room, "speaker", "Sam");
                gus.next("peer-joined");
                String peer = "/v2/active-rooms/" + room + "/peers/" + gus.peerId();
                assertError(api.post(peer, Map.of("role", "speaker")), 400, "Invalid request", "role limit reached");
                assertError(api.post(peer, Map.of("role", "host")), 400, "Invalid request", "role limit reached");
                assertThat(api.get(peer).json().path("role").asText()).isEqualTo("guest");
                gus.assertNothingWithin(100); // refused changes tell nobody
            }
            List<RoomEvent> failures = RecordedEvents.of(server, ws.id()).stream()
                    .filter(e -> e.type().endsWith(".failure")).toList();
            assertThat(failures).extracting(RoomEvent::type).containsExactly("peer.join.failure", "peer.join.failure",
                    "peer.join.failure", "role.change.failure", "role.change.failure");
            assertThat(failures.get(3).data().keySet()).containsExactly("room_id", "room_name", "session_id", "peer_id",
                    "user_id", "template_id", "user_name", "user_data", "role", "joined_at", "session_started_at",
                    "error_message");
            assertThat(failures.get(3).data().get("error_message")).isEqualTo("role limit reached");
        }
    }

    /** Sets maxPeerCount on roles of the workspace's default template, adding the roles it lacks. */
    private static void setRoleLimits(String jdbcUrl, String workspaceId, Map<String, Integer> limits) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            String id;
            ObjectNode body;
            try (PreparedStatement s = c.prepareStatement("SELECT id, body FROM templates WHERE workspace_id = ?")) {
                s.setString(1, workspaceId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getString("id");
                    body = (ObjectNode) Client.JSON.readTree(rs.getString("body"));
                }
            }
            ObjectNode roles = (ObjectNode) body.get("roles");
            limits.forEach((role, max) -> {
                JsonNode existing = roles.get(role);
                ObjectNode spec = existing != null ? (ObjectNode) existing : roles.putObject(role).put("name", role);
                spec.put("maxPeerCount", max);
            });
            try (PreparedStatement s = c.prepareStatement("UPDATE templates SET body = ? WHERE id = ?")) {
                s.setString(1, Client.JSON.writeValueAsString(body));
                s.setString(2, id);
                s.executeUpdate();
            }
        }
    }
}
