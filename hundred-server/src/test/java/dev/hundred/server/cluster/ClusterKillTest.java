package dev.hundred.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import dev.hundred.server.webhooks.Receiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 one of two nodes under load (issue 8 §2): API writes, emulator joins (webhooks) and gateway
 * joins run against both nodes; node B is killed mid-load. Afterwards every write either node
 * acknowledged is there, every acknowledged join's webhook arrived, B's gateway peers were ended by A
 * (reason {@code websocket closed}), and A's clients saw no error and A's peer stayed connected.
 */
@BesideOthers
class ClusterKillTest {

    @Test
    void killing_one_node_under_load_loses_nothing_acknowledged_and_leaves_the_other_nodes_clients_alone() throws Exception {
        String db = Backends.freshPostgresUrl();
        List<ChildServer> nodes = Cluster.nodesAtOnce(db, "a", "b");
        ChildServer a = nodes.get(0);
        ChildServer b = nodes.get(1);
        int port = Cluster.freePort();
        List<Thread> load = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<TestPeer> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.okOn(port)) {
            Cluster.warmUp(a, b);
            a.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:" + port + "/hook"));
            String live = Cluster.room(a, "live");
            TestPeer ann = Cluster.peer(a, live, "ann");
            sockets.add(ann);

            Load onA = new Load(a);
            Load onB = new Load(b);
            ConcurrentLinkedQueue<String> gatewayOnB = new ConcurrentLinkedQueue<>();
            for (Load l : List.of(onA, onB)) {
                String joins = Cluster.room(l.node, "joins");
                load.add(thread(running, () -> l.write(() -> l.node.send("POST", "/v2/rooms", Map.of("name", "w")),
                        l.rooms)));
                load.add(thread(running, () -> l.write(() -> l.node.send("POST", "/emulator/v1/rooms/" + joins + "/peers",
                        Map.of("role", "guest", "name", "e", "user_id", "e")), l.joined)));
            }
            load.add(thread(running, () -> {
                TestPeer p = TestPeer.connect(b.url(), ChildServer.appToken(live, "guest", "g"));
                sockets.add(p);
                p.send(Map.of("type", "join", "name", "g"));
                String id = p.next("joined").path("peer_id").asText();
                gatewayOnB.add(id); // acknowledged: it was told it joined
            }));
            load.forEach(Thread::start);

            awaitThat(() -> onB.rooms.size() >= 10 && onB.joined.size() >= 10 && gatewayOnB.size() >= 3, "load on b");
            b.kill9();
            int aRoomsAtKill = onA.rooms.size();
            awaitThat(() -> onA.rooms.size() >= aRoomsAtKill + 10, "a keeps serving after b died");
            running.set(false);
            for (Thread t : load) {
                t.join(30_000);
            }

            assertThat(onA.failures.get()).as("errors seen by a's clients").isZero();
            for (String room : concat(onA.rooms, onB.rooms)) {
                assertThat(a.send("GET", "/v2/rooms/" + room, null).statusCode()).as("room %s", room).isEqualTo(200);
            }
            Set<String> gatewayIds = Set.copyOf(gatewayOnB);
            Set<String> joinIds = Set.copyOf(concat(onA.joined, onB.joined));
            receiver.awaitUntil(hits -> joinsIn(hits).containsAll(joinIds)
                            && closedIn(hits).containsAll(gatewayIds), Duration.ofSeconds(60),
                    "a peer.join.success for every acknowledged join, a websocket-closed leave for each of b's sockets");
            awaitThat(() -> Cluster.peersOf(a, live).equals(List.of(ann.peerId())), "b's peers gone from the live room");
            assertThat(ann.isClosed()).as("a's peer is still connected").isFalse();
            assertThat(ann.received().stream().filter(m -> m.path("type").asText().equals("peer-left"))
                    .map(m -> m.path("peer_id").asText()).collect(Collectors.toSet()))
                    .as("a's peer heard each of b's peers leave").containsAll(gatewayIds);
        } finally {
            running.set(false);
            sockets.forEach(TestPeer::close);
            a.close();
            b.close();
        }
    }

    /** Calls made on one node and what it acknowledged (the id in a 200 answer). */
    private static final class Load {
        final ChildServer node;
        final ConcurrentLinkedQueue<String> rooms = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> joined = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();

        Load(ChildServer node) {
            this.node = node;
        }

        void write(java.util.function.Supplier<HttpResponse<String>> call, ConcurrentLinkedQueue<String> acked) {
            HttpResponse<String> r;
            try {
                r = call.get();
            } catch (RuntimeException e) {
                failures.incrementAndGet(); // the node is gone (b): nothing was acknowledged
                throw e;
            }
            if (r.statusCode() != 200) {
                failures.incrementAndGet();
                return;
            }
            try {
                acked.add(dev.hundred.server.support.Client.JSON.readTree(r.body()).path("id").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Runs {@code step} over and over until stopped; a step that throws (its node died) ends the thread. */
    private static Thread thread(AtomicBoolean running, Runnable step) {
        Thread t = new Thread(() -> {
            try {
                while (running.get()) {
                    step.run();
                }
            } catch (RuntimeException | AssertionError e) {
                // the node this thread loads was killed
            }
        }, "cluster-load");
        t.setDaemon(true);
        return t;
    }

    private static void awaitThat(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute for %s", what).isLessThan(deadline);
            LockSupport.parkNanos(50_000_000); // a poll, not a wait for time to pass
        }
    }

    private static List<String> concat(ConcurrentLinkedQueue<String> x, ConcurrentLinkedQueue<String> y) {
        List<String> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    private static Set<String> joinsIn(List<Receiver.Hit> hits) {
        return hits.stream().map(Receiver.Hit::json).filter(j -> j.path("type").asText().equals("peer.join.success"))
                .map(j -> j.path("data").path("peer_id").asText()).collect(Collectors.toSet());
    }

    private static Set<String> closedIn(List<Receiver.Hit> hits) {
        return hits.stream().map(Receiver.Hit::json).filter(j -> j.path("type").asText().equals("peer.leave.success")
                        && j.path("data").path("reason").asText().equals("websocket closed"))
                .map(j -> j.path("data").path("peer_id").asText()).collect(Collectors.toSet());
    }
}
