package dev.hundred.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node that stalls past its lease (SIGSTOP: a long pause, a suspended VM) is taken for dead: the other node
 * ends its peers ({@code websocket closed}). When it carries on, it must not keep their sockets open as if
 * nothing happened: the notices of those leaves, sent through PostgreSQL while it was frozen, reach it, so
 * it tells each peer it left and closes its socket (4000); then it renews its lease and serves new peers.
 * Peers of the other node are untouched.
 */
@BesideOthers
class NodeStallTest {

    @Test
    void a_node_that_stalled_past_its_lease_closes_the_sockets_of_the_peers_the_others_ended() throws Exception {
        String db = Backends.freshPostgresUrl();
        List<ChildServer> nodes = Cluster.nodesAtOnce(db, "a", "b");
        ChildServer a = nodes.get(0);
        ChildServer b = nodes.get(1);
        Cluster.warmUp(a, b);
        String room = Cluster.room(a, "stall");
        TestPeer onA = Cluster.peer(a, room, "ann");
        TestPeer onB = Cluster.peer(b, room, "bob");
        try {
            b.freeze();
            try {
                awaitPeers(a, room, List.of(onA.peerId()), "a to end bob's peer once b's lease (2 s) lapsed");
            } finally {
                b.resume();
            }
            TestPeer.Closed closed = onB.awaitClose(Duration.ofSeconds(30));
            assertThat(closed.code()).isEqualTo(4000);
            assertThat(closed.reason()).isEqualTo("websocket closed");
            assertThat(onB.received().stream().map(m -> m.path("type").asText() + " " + m.path("reason").asText()))
                    .contains("left websocket closed");

            // b carries on as a node: a new peer joins through it and stays; a's peer never noticed a thing.
            try (TestPeer again = Cluster.peer(b, room, "bea")) {
                awaitPeers(a, room, List.of(onA.peerId(), again.peerId()), "bea on b, seen from a");
                assertThat(again.isClosed()).isFalse();
            }
            assertThat(onA.isClosed()).isFalse();
        } finally {
            onA.close();
            onB.close();
            a.close();
            b.close();
        }
    }

    private static void awaitPeers(ChildServer node, String room, List<String> expected, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> last = Cluster.peersOf(node, room);
        while (!(last.size() == expected.size() && last.containsAll(expected))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 60 s for " + what + "; peers: " + last);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a poll, not a wait for time to pass
            last = Cluster.peersOf(node, room);
        }
    }
}
