package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never lost: a server ({@code hundred serve}) killed with SIGKILL right after the API calls that queued
 * webhooks returned delivers them, in order, after it starts again on the same database (issue 3). The
 * receiver is down until the restart.
 */
@BesideOthers
class WebhookCrashTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"h2-file", Backends.POSTGRES})
    void webhooks_queued_before_a_sigkill_arrive_after_the_restart(String backend) throws Exception {
        String db = backend.equals(Backends.POSTGRES) ? Backends.freshPostgresUrl() : Backends.freshH2Directory();
        int receiverPort = freePort();
        String receiverUrl = "http://127.0.0.1:" + receiverPort + "/hook";

        ChildServer first = ChildServer.start(db, List.of("--webhook-retries", "1s,2s,3s,5s,10s"));
        first.post("/emulator/v1/webhook", Map.of("url", receiverUrl));
        String room = first.post("/v2/rooms", Map.of("name", "crash")).path("id").asText();
        String ann = join(first, room, "ann");
        String bob = join(first, room, "bob");
        first.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/leave", Map.of());
        first.kill9(); // right after the call returned: the receiver is down, nothing was delivered

        try (ChildServer second = ChildServer.start(db, List.of("--webhook-retries", "1s,2s,3s,5s,10s"));
             Receiver receiver = Receiver.okOn(receiverPort)) {
            List<Receiver.Hit> hits = receiver.await(4, Duration.ofSeconds(40));
            assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("session.open.success",
                    "peer.join.success", "peer.join.success", "peer.leave.success");
            assertThat(hits.subList(1, 4)).extracting(h -> h.json().path("data").path("peer_id").asText())
                    .containsExactly(ann, bob, ann);
            assertThat(hits).extracting(h -> h.json().path("data").path("room_id").asText()).containsOnly(room);
        }
    }

    private static String join(ChildServer node, String room, String name) {
        return node.post("/emulator/v1/rooms/" + room + "/peers",
                Map.of("role", "host", "name", name, "user_id", "user-" + name)).path("id").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
