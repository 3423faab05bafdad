package dev.hundred.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import dev.hundred.server.webhooks.Receiver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two {@code hundred serve} nodes on one PostgreSQL (one pair for the class): a change made through node
 * A reaches the gateway peers connected to node B, in the order made; a node whose LISTEN connection
 * dropped catches up from the database; a notice too big for a NOTIFY travels as a pointer; a secret
 * changed by another process stops working on both nodes within a second; a webhook changed through one node
 * takes the other's next event.
 */
@BesideOthers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterNoticesTest {
    private static String db;
    private static ChildServer a;
    private static ChildServer b;

    @BeforeAll
    static void cluster() {
        db = Backends.freshPostgresUrl();
        List<ChildServer> nodes = Cluster.nodesAtOnce(db, "a", "b");
        a = nodes.get(0);
        b = nodes.get(1);
        Cluster.warmUp(a, b);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        a.close();
        b.close();
    }

    @Test
    @Order(1)
    void every_change_made_through_node_a_reaches_peers_on_node_b_in_order() {
        String room = Cluster.room(a, "notices");
        String template = a.get("/v2/rooms/" + room).path("template_id").asText();
        a.post("/v2/templates/" + template + "/roles/guest", Map.of("permissions", Map.of("pollRead", true)));
        String poll = a.post("/v2/polls", Map.of("title", "Lunch", "start", "manual", "questions",
                List.of(Map.of("text", "Where?", "options", List.of(Map.of("text", "in"), Map.of("text", "out"))))))
                .path("id").asText();
        try (TestPeer ann = Cluster.peer(b, room, "ann", "host");
             TestPeer bob = Cluster.peer(b, room, "bob", "guest");
             TestPeer cat = Cluster.peer(a, room, "cat", "host")) {
            assertThat(ann.next("peer-joined").path("peer").path("id").asText()).isEqualTo(bob.peerId());
            assertThat(ann.next("peer-joined").path("peer").path("id").asText()).as("cat joined on A").isEqualTo(cat.peerId());
            assertThat(bob.next("peer-joined").path("peer").path("id").asText()).isEqualTo(cat.peerId());
            String api = "/v2/active-rooms/" + room;

            a.post(api + "/send-message", Map.of("message", "to all"));
            a.post(api + "/peers/" + bob.peerId(), Map.of("metadata", "{\"hand\":true}"));
            a.post(api + "/peers/" + bob.peerId(), Map.of("role", "host"));
            cat.send(Map.of("type", "poll-start", "request_id", "start", "poll_id", poll)); // cat's socket is on A
            JsonNode reply = cat.next();
            while (!reply.path("request_id").asText().equals("start")) {
                reply = cat.next(); // what cat was told meanwhile
            }
            assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ok");
            String stream = a.post("/v2/live-streams/room/" + room + "/start", Map.of()).path("id").asText();
            a.post("/emulator/v1/clock", Map.of("advance_seconds", 0.5)); // the stream is running
            a.post("/v2/live-streams/" + stream + "/timed-metadata", Map.of("payload", "quiz", "duration", 5));
            a.post(api + "/remove-peers", Map.of("peer_id", bob.peerId(), "reason", "be nice"));
            a.post(api + "/end-room", Map.of("reason", "bye", "lock", false));

            assertThat(bob.awaitClose()).isEqualTo(new TestPeer.Closed(4001, "peer kicked"));
            assertThat(ann.awaitClose()).isEqualTo(new TestPeer.Closed(4002, "room ended"));
            List<String> toAnn = drained(ann);
            assertThat(toAnn.stream().filter(t -> !t.startsWith("peer-joined") && !t.startsWith("peer-updated beam")
                            && !t.startsWith("peer-left beam")).toList())
                    .containsExactly("message to all", "peer-updated " + bob.peerId(), "role-changed " + bob.peerId(),
                            "poll-started", "timed-metadata quiz", "peer-left " + bob.peerId(), "room-ended bye");
            assertThat(drained(bob)).filteredOn(t -> !t.contains("beam")).containsExactly("message to all",
                    "peer-updated " + bob.peerId(), "role-changed " + bob.peerId(), "poll-started", "timed-metadata quiz",
                    "removed be nice");
        }
    }

    @Test
    @Order(2)
    void a_node_that_missed_notices_while_its_listen_connection_was_down_catches_up() throws Exception {
        String room = Cluster.room(a, "catch-up");
        String name;
        try (Connection c = DriverManager.getConnection(db)) {
            name = c.getCatalog();
        }
        String nodeB = nodeId(name, "b");
        try (TestPeer ann = Cluster.peer(b, room, "ann", "host");
             Connection admin = DriverManager.getConnection(db.replace("/" + name, "/postgres"));
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false"); // B cannot listen again yet
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + dev.hundred.server.cluster.NoticeListener.APPLICATION_NAME + nodeB + "'");
                a.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "while deaf"));
                a.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "x".repeat(20_000)));
                ann.assertNothingWithin(1_000);
            } finally {
                sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
            assertThat(ann.next("message").path("message").asText()).isEqualTo("while deaf");
            assertThat(ann.next("message").path("message").asText()).as("too big to travel inline").hasSize(20_000);
            a.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "after"));
            assertThat(ann.next("message").path("message").asText()).isEqualTo("after");
        }
    }

    @Test
    @Order(3)
    void a_rooms_webhooks_leave_in_the_order_of_its_changes_whichever_node_made_them() throws Exception {
        int port = Cluster.freePort();
        try (Receiver receiver = Receiver.okOn(port)) {
            a.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:" + port + "/hook"));
            // A frozen clock gives both nodes the same instant: order cannot come from either node's time.
            a.post("/emulator/v1/clock", Map.of("frozen", true));
            b.await("/emulator/v1/clock", c -> c.path("frozen").asBoolean(), Duration.ofSeconds(5), "b sees the frozen clock");
            try {
                String room = Cluster.room(a, "order");
                List<String> joined = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    ChildServer node = i % 2 == 0 ? a : b;
                    joined.add(node.post("/emulator/v1/rooms/" + room + "/peers",
                            Map.of("role", "host", "name", "p" + i, "user_id", "u" + i)).path("id").asText());
                }
                List<Receiver.Hit> hits = receiver.awaitUntil(all -> ofRoom(all, room).size() >= 7, Duration.ofSeconds(30),
                        "the room's 7 webhooks");
                hits = ofRoom(hits, room);
                assertThat(hits).extracting(h -> h.json().path("type").asText()).startsWith("session.open.success");
                assertThat(hits.subList(1, 7)).extracting(h -> h.json().path("data").path("peer_id").asText())
                        .containsExactlyElementsOf(joined);
            } finally {
                a.post("/emulator/v1/clock", Map.of("frozen", false));
                a.send("DELETE", "/emulator/v1/webhook", null);
            }
        }
    }

    /**
     * GET room answers from each node's room cache: a change through node A shows on node B at A's commit (its
     * NOTIFY); one whose NOTIFY was lost (here: the row and the rooms' version changed by hand, no NOTIFY)
     * shows once B reads the version move (every second).
     */
    @Test
    @Order(4)
    void a_room_changed_through_one_node_reads_as_changed_on_the_other() throws Exception {
        String room = Cluster.room(a, "cached");
        assertThat(b.get("/v2/rooms/" + room).path("description").asText()).as("now in B's cache").isEmpty();
        a.post("/v2/rooms/" + room, Map.of("description", "changed on a"));
        awaitDescription(b, room, "changed on a");

        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE rooms SET description = 'changed by hand' WHERE id = '" + room + "'");
            s.executeUpdate("UPDATE sequences SET counter = counter + 1 WHERE name = 'rooms'");
        }
        awaitDescription(b, room, "changed by hand");
        awaitDescription(a, room, "changed by hand");
    }

    private static void awaitDescription(ChildServer node, String room, String description) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String last;
        do {
            last = node.get("/v2/rooms/" + room).path("description").asText();
        } while (!last.equals(description) && System.nanoTime() < deadline);
        assertThat(last).as("room %s on %s", room, node).isEqualTo(description);
    }

    @Test
    @Order(6)
    void a_secret_changed_elsewhere_stops_working_on_every_node_within_a_second() {
        String newSecret = "a-new-secret-0123456789abcdef0123";
        Config config = Config.defaults().withPort(0).withDb(db).withCredentials(ChildServer.ACCESS_KEY, newSecret)
                .withVirtualThreads("false");
        try (Hundred other = new Hundred(config)) { // like `hundred token` with --secret: changes the secret
            other.defaultWorkspace();
        }
        ChildServer newA = a.withToken(ChildServer.token(ChildServer.ACCESS_KEY, newSecret));
        ChildServer newB = b.withToken(ChildServer.token(ChildServer.ACCESS_KEY, newSecret));
        for (ChildServer[] node : new ChildServer[][] {{a, newA}, {b, newB}}) {
            awaitStatus(node[0], 401);
            assertThat(node[1].send("GET", "/v2/rooms", null).statusCode()).isEqualTo(200);
        }
    }

    /**
     * Node B caches the workspace webhook (webhooks/WebhookTargets): a change made through A reaches it at its
     * NOTIFY. PostgreSQL delivers a listener the notifications of commits in commit order, and B's listener
     * handles them in turn, so once B's peer has heard of a message sent through A after the change, B has
     * dropped its copy: B's next event goes to the new URL. A change made through B takes B's next event too.
     */
    @Test
    @Order(5)
    void a_webhook_changed_through_node_a_takes_node_bs_next_event() {
        try (Receiver first = Receiver.ok(); Receiver second = Receiver.ok(); Receiver third = Receiver.ok()) {
            a.post("/emulator/v1/webhook", Map.of("url", first.url()));
            String room = Cluster.room(a, "hooked");
            try (TestPeer ann = Cluster.peer(b, room, "ann")) {
                first.awaitJoin(ann.peerId()); // B has read the webhook (and keeps it)
                first.awaitJoin(emulatorPeer(b, room, "bob"));
                assertThat(ann.next("peer-joined").path("peer").path("name").asText()).isEqualTo("bob");

                a.post("/emulator/v1/webhook", Map.of("url", second.url()));
                a.post("/v2/active-rooms/" + room + "/send-message", Map.of("message", "after the change"));
                assertThat(ann.next("message").path("message").asText()).isEqualTo("after the change");
                second.awaitJoin(emulatorPeer(b, room, "cat"));

                b.post("/emulator/v1/webhook", Map.of("url", third.url()));
                third.awaitJoin(emulatorPeer(b, room, "dan"));
            } finally {
                a.send("DELETE", "/emulator/v1/webhook", null);
            }
        }
    }

    private static String emulatorPeer(ChildServer node, String room, String name) {
        return node.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", name)).path("id").asText();
    }

    private static String nodeId(String database, String nodeName) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT id FROM nodes WHERE name = ?")) {
            q.setString(1, nodeName);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("node %s in %s", nodeName, database).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void awaitStatus(ChildServer node, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int last;
        do {
            last = node.send("GET", "/v2/rooms", null).statusCode();
        } while (last != status && System.nanoTime() < deadline);
        assertThat(last).as("status within a second").isEqualTo(status);
    }

    private static List<Receiver.Hit> ofRoom(List<Receiver.Hit> hits, String room) {
        return hits.stream().filter(h -> h.json().path("data").path("room_id").asText().equals(room)).toList();
    }

    /** What the peer was told, one line per message: its type and what tells it apart. */
    private static List<String> drained(TestPeer peer) {
        List<String> lines = new ArrayList<>();
        for (JsonNode m : peer.received()) {
            String type = m.path("type").asText();
            String detail = switch (type) {
                case "message" -> m.path("message").asText();
                case "peer-updated", "role-changed", "peer-joined" -> beamOr(m.path("peer"));
                case "peer-left" -> m.path("peer_id").asText();
                case "timed-metadata" -> m.path("payload").asText();
                case "removed", "room-ended" -> type.equals("removed") ? m.path("message").asText() : m.path("reason").asText();
                default -> "";
            };
            lines.add(detail.isEmpty() ? type : type + " " + detail);
        }
        return lines;
    }

    private static String beamOr(JsonNode peer) {
        return peer.path("role").asText().startsWith("__internal") || peer.path("name").asText().startsWith("Beam")
                ? "beam" : peer.path("id").asText();
    }
}
