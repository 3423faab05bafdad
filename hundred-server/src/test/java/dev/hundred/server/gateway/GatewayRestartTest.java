package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that stopped without closing its sockets (killed) leaves gateway peers marked connected; when
 * the same node (by --node-name) starts again on that database it ends them with reason {@code websocket closed}. Emulator peers,
 * which no socket holds, stay. Here the "killed" server is one that is still running but forgotten.
 */
class GatewayRestartTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2-file", Backends.POSTGRES})
    void the_next_server_ends_the_gateway_peers_of_a_server_that_died(String backend) {
        String db = backend.equals("h2-file") ? Backends.freshH2Directory() : Backends.freshPostgresUrl();
        // The same node name: the next server is this node restarted (cluster/NodeLeaseTest has two nodes).
        Config config = Config.defaults().withPort(0).withDb(db).withCredentials("restart-key", "restart-secret")
                .withVirtualThreads("false").withNodeName("restart-node");

        try (Hundred dead = new Hundred(config).start()) {
            Workspace ws = dead.defaultWorkspace();
            Client before = new Client(dead, ws, dead.tokens().management(ws, Duration.ofHours(1)));
            String room = Live.room(before);
            String emulated = Live.join(before, room, "guest", "Emu").path("id").asText();
            try (TestPeer socket = Live.gatewayPeer(before, room, "host", "Sock")) {
                try (Hundred next = new Hundred(config.withPort(0))) {
                    RecordedEvents.recordOn(next);
                    next.start();
                    assertThat(RecordedEvents.of(next, ws.id())).singleElement().satisfies(e -> {
                        assertThat(e.type()).isEqualTo("peer.leave.success");
                        assertThat(e.data().get("peer_id")).isEqualTo(socket.peerId());
                        assertThat(e.data().get("reason")).isEqualTo("websocket closed");
                    });
                    Client api = new Client(next, ws, next.tokens().management(ws, Duration.ofHours(1)));
                    JsonNode peers = api.get("/v2/active-rooms/" + room + "/peers").json().path("peers");
                    assertThat(peers.fieldNames()).toIterable().containsExactly(emulated);
                    JsonNode session = api.get("/v2/sessions/" + socket.sessionId()).json();
                    assertThat(session.path("active").asBoolean()).isTrue();
                    assertThat(session.path("peers").path(socket.peerId()).has("left_at")).isTrue();
                }
            }
        }
    }
}
