package dev.hundred.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import dev.hundred.server.webhooks.Receiver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nodes have identity and leases (issue 8 §2): two {@code hundred serve} processes on one PostgreSQL,
 * started at the same moment on a fresh database (their migrations race: Flyway's lock makes one wait), a
 * gateway peer on each. A node restarted after a crash ends only its own stale peer (the other node's
 * stays connected); a node killed for good has its peer ended by the survivor once its lease lapses, with
 * reason {@code websocket closed}.
 */
@BesideOthers
class NodeLeaseTest {

    @Test
    void a_restart_ends_only_its_own_peers_and_a_dead_nodes_peers_are_ended_by_the_survivor() throws Exception {
        String db = Backends.freshPostgresUrl();
        List<ChildServer> nodes = Cluster.nodesAtOnce(db, "a", "b");
        ChildServer a = nodes.get(0);
        ChildServer b = nodes.get(1);
        assertMigratedOnce(db);
        int port = Cluster.freePort();
        try (Receiver receiver = Receiver.okOn(port)) {
            a.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:" + port + "/hook"));
            String room = Cluster.room(a, "lease");
            TestPeer onA = Cluster.peer(a, room, "ann");
            TestPeer onB = Cluster.peer(b, room, "bob");
            assertThat(Cluster.peersOf(b, room)).containsExactlyInAnyOrder(onA.peerId(), onB.peerId());

            a.kill9();
            ChildServer again = Cluster.node(db, "a"); // the same node, restarted: it ends its own stale peer
            try {
                assertThat(Cluster.peersOf(again, room)).containsExactly(onB.peerId());
                // The peer row is gone at once; its webhook goes out after the commit.
                receiver.awaitUntil(hits -> leaves(hits).size() >= 1, Duration.ofSeconds(30), "ann's leave");
                assertThat(leaves(receiver)).containsExactly(onA.peerId() + " websocket closed");
                assertThat(onB.isClosed()).isFalse();

                b.kill9(); // gone for good: the survivor ends its peer once b's lease (2 s) lapses
                receiver.awaitUntil(hits -> leaves(hits).size() == 2, Duration.ofSeconds(30), "bob's leave");
                assertThat(leaves(receiver)).containsExactly(onA.peerId() + " websocket closed",
                        onB.peerId() + " websocket closed");
                assertThat(Cluster.peersOf(again, room)).isEmpty();
            } finally {
                again.close();
                onA.close();
                onB.close();
            }
        } finally {
            a.close();
            b.close();
        }
    }

    /** Every migration applied once, successfully, though two nodes ran Flyway at the same moment. */
    private static void assertMigratedOnce(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT version, COUNT(*) AS n, BOOL_AND(success) AS ok"
                     + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
            int versions = 0;
            while (rs.next()) {
                versions++;
                assertThat(rs.getInt("n")).as("runs of V%s", rs.getString("version")).isEqualTo(1);
                assertThat(rs.getBoolean("ok")).as("V%s succeeded", rs.getString("version")).isTrue();
            }
            assertThat(versions).isGreaterThanOrEqualTo(13);
        }
    }

    private static List<String> leaves(Receiver receiver) {
        return leaves(receiver.hits());
    }

    private static List<String> leaves(List<Receiver.Hit> hits) {
        return hits.stream().map(Receiver.Hit::json).filter(j -> j.path("type").asText().equals("peer.leave.success"))
                .map(j -> j.path("data").path("peer_id").asText() + " " + j.path("data").path("reason").asText())
                .toList();
    }
}
