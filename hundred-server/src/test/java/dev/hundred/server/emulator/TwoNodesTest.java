package dev.hundred.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Two servers on one database, as a cluster runs: the inbox, fault counts and the journal across nodes. */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class TwoNodesTest {
    @Parameter
    String backend;

    private Hundred one;
    private Hundred two;
    private Client onOne;
    private Client onTwo;

    @BeforeEach
    void start() {
        String db = backend.equals(Backends.H2) ? "jdbc:h2:mem:two-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : Backends.freshPostgresUrl();
        one = new Hundred(Config.defaults().withPort(0).withDb(db)).start();
        two = new Hundred(Config.defaults().withPort(0).withDb(db)).start();
        onOne = Client.forNewWorkspace(one);
        onTwo = new Client(two, onOne.workspace(), onOne.token());
    }

    @AfterEach
    void stop() {
        two.close();
        one.close();
    }

    @Test
    void a_long_poll_on_one_node_returns_an_event_committed_on_the_other() throws Exception {
        String room = Live.room(onTwo);
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(
                () -> onOne.get("/emulator/v1/events?type=peer.join.success&wait_seconds=60").json());
        InboxApiTest.awaitOpenPoll(onOne);
        String peer = Live.join(onTwo, room, "host", "Far").path("id").asText();
        JsonNode page = waiting.get(60, TimeUnit.SECONDS);
        assertThat(page.path("events")).hasSize(1);
        assertThat(page.path("events").get(0).path("data").path("peer_id").asText()).isEqualTo(peer);
        assertThat(onTwo.get("/emulator/v1/events").json().path("events")).hasSize(2);
    }

    @Test
    void times_holds_across_nodes_and_a_deleted_rule_stops_at_once_everywhere() throws Exception {
        Client.Response made = onOne.post("/emulator/v1/faults", Map.of("path", "/v2/rooms", "status", 503, "times", 5));
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Client client = i % 2 == 0 ? onOne : onTwo;
                results.add(pool.submit(() -> {
                    go.await();
                    return client.get("/v2/rooms").status();
                }));
            }
            go.countDown();
            int injected = 0;
            for (Future<Integer> result : results) {
                injected += result.get() == 503 ? 1 : 0;
            }
            assertThat(injected).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }

        String unlimited = onOne.post("/emulator/v1/faults", Map.of("path", "/v2/templates", "status", 500)).at("/id");
        // Node two re-reads its cached rules within a second.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (onTwo.get("/v2/templates").status() != 500) {
            assertThat(System.nanoTime()).as("the rule reached node two").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(onOne.delete("/emulator/v1/faults/" + unlimited).status()).isEqualTo(200);
        assertThat(onTwo.get("/v2/templates").status()).as("node two still caches it, but cannot claim it").isEqualTo(200);

        // Each node journals what it served.
        assertThat(onTwo.get("/emulator/v1/requests?path=/v2/templates").json().path("requests").size()).isGreaterThanOrEqualTo(2);
        assertThat(onOne.get("/emulator/v1/requests?path=/v2/templates").json().path("requests")).isEmpty();
    }
}
