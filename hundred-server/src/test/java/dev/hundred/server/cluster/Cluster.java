package dev.hundred.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ChildServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Steps the cluster tests share: nodes ({@code hundred serve} children) on one PostgreSQL, their peers. */
final class Cluster {
    private Cluster() {}

    /** A node called {@code name}: leases of 2 s so a killed node is noticed quickly, quick webhook retries. */
    static ChildServer node(String db, String name) throws IOException {
        return ChildServer.start(db, List.of("--node-name", name, "--node-lease", "2s",
                "--webhook-retries", "1s,2s,3s,5s,10s", "--timer-lease", "3s"));
    }

    /** These nodes, started at the same moment (their migrations race on a fresh database). */
    static List<ChildServer> nodesAtOnce(String db, String... names) {
        List<CompletableFuture<ChildServer>> starting = new ArrayList<>();
        for (String name : names) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return node(db, name);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, runnable -> new Thread(runnable, "start-" + name).start()));
        }
        return starting.stream().map(CompletableFuture::join).toList();
    }

    /** A gateway peer of {@code room} connected to {@code node}, joined (its joined message consumed). */
    static TestPeer peer(ChildServer node, String room, String name) {
        return peer(node, room, name, "host");
    }

    static TestPeer peer(ChildServer node, String room, String name, String role) {
        TestPeer peer = TestPeer.connect(node.url(), ChildServer.appToken(room, role, "user-" + name));
        peer.join(name);
        return peer;
    }

    /**
     * A first peer joins and leaves on each node, with a minute to be told it joined: on a loaded machine a
     * node's first join (cold code, a first NOTIFY) can take longer than the tests' 10 s per message.
     */
    static void warmUp(ChildServer... nodes) {
        for (ChildServer node : nodes) {
            String room = room(node, "warm-up");
            try (TestPeer peer = TestPeer.connect(node.url(), ChildServer.appToken(room, "host", "warm"))) {
                peer.send(java.util.Map.of("type", "join", "name", "warm"));
                org.assertj.core.api.Assertions.assertThat(peer.next(java.time.Duration.ofSeconds(60))
                        .path("type").asText()).isEqualTo("joined");
            }
        }
    }

    static String room(ChildServer node, String name) {
        return node.post("/v2/rooms", java.util.Map.of("name", name)).path("id").asText();
    }

    /** The ids of the room's connected peers (none when the room is not active). */
    static List<String> peersOf(ChildServer node, String room) {
        var r = node.send("GET", "/v2/active-rooms/" + room + "/peers", null);
        if (r.statusCode() == 404) {
            return List.of();
        }
        try {
            JsonNode peers = dev.hundred.server.support.Client.JSON.readTree(r.body()).path("peers");
            List<String> ids = new ArrayList<>();
            peers.fieldNames().forEachRemaining(ids::add);
            return ids;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
