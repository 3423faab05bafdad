package dev.hundred.server.guard;

import static dev.hundred.server.guard.GuardHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Idempotency keys on servers of their own (the clock moves): expiry after 24 h on the server clock and the
 * purge, two nodes on one database running a key once, a key held by another node (answered with that node's
 * answer, or run here once it gives the key back or stops heartbeating), and a 5xx that is not kept.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class IdempotencyNodesAndClockTest {
    /** Two nodes per back end, on one database. */
    private static final Map<String, Hundred[]> NODES = new ConcurrentHashMap<>();

    @Parameter
    String backend;
    Hundred nodeA;
    Hundred nodeB;
    Client api;

    @BeforeEach
    void setUp() {
        Hundred[] nodes = NODES.computeIfAbsent(backend, b -> {
            String url = b.equals(Backends.H2) ? "jdbc:h2:mem:idem-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                    : Backends.freshPostgresUrl();
            Hundred a = new Hundred(Config.defaults().withPort(0).withDb(url)).start();
            Hundred second = new Hundred(Config.defaults().withPort(0).withDb(url)).start();
            Backends.closeAtExit(second);
            Backends.closeAtExit(a);
            return new Hundred[] {a, second};
        });
        nodeA = nodes[0];
        nodeB = nodes[1];
        api = Client.forNewWorkspace(nodeA);
        api.freezeClock(true);
    }

    private int rooms() {
        JsonNode data = api.get("/v2/rooms?limit=100").json().path("data");
        return data.isArray() ? data.size() : 0;
    }

    private Optional<Integer> storedStatus(String key) {
        return nodeA.database().read(h -> h.createQuery(
                        "SELECT status FROM idempotency_keys WHERE workspace_id = :ws AND idem_key = :key")
                .bind("ws", api.workspace().id()).bind("key", key).mapTo(Integer.class).findOne());
    }

    private boolean stored(String key) {
        return nodeA.database().read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM idempotency_keys WHERE workspace_id = :ws AND idem_key = :key")
                .bind("ws", api.workspace().id()).bind("key", key).mapTo(Integer.class).one()) == 1;
    }

    /** A claim on {@code key} for POST /v2/rooms with {@code body}, as another node running it would hold it. */
    private void heldElsewhere(String key, String body, Instant heartbeat) {
        RequestFingerprint fp = RequestFingerprint.of("/v2/rooms", null, body.getBytes(StandardCharsets.UTF_8));
        Instant now = nodeA.clock().instant();
        nodeA.database().read(h -> h.createUpdate("INSERT INTO idempotency_keys (workspace_id, idem_key, path_hash, body_hash,"
                        + " claim, node, heartbeat_at, created_at, expires_at)"
                        + " VALUES (:ws, :key, :path, :body, 'other-claim', 'other-node', :beat, :now, :expires)")
                .bind("ws", api.workspace().id()).bind("key", key).bind("path", fp.pathHash()).bind("body", fp.bodyHash())
                .bind("beat", heartbeat).bind("now", now).bind("expires", now.plus(Duration.ofHours(24))).execute());
    }

    @Test
    void a_key_lives_24_hours_on_the_server_clock_then_is_purged_and_runs_again() {
        GuardHttp.Answer first = post(api, "/v2/rooms", "{}", "day");
        api.advanceClock(12 * 3600);
        post(api, "/v2/rooms", "{}", "half-day");
        api.advanceClock(12 * 3600 - 1);
        GuardHttp.Answer almost = post(api, "/v2/rooms", "{}", "day");
        assertThat(almost.replayed()).as("a second before 24 h").isTrue();
        assertThat(almost.sameAs(first)).isTrue();
        assertThat(rooms()).isEqualTo(2);

        api.advanceClock(1);
        assertThat(stored("day")).as("purged when the clock reached 24 h").isFalse();
        assertThat(stored("half-day")).isTrue();
        GuardHttp.Answer later = post(api, "/v2/rooms", "{}", "day");
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.replayed()).isFalse();
        assertThat(later.json().path("id").asText()).isNotEqualTo(first.json().path("id").asText());
        assertThat(rooms()).isEqualTo(3);
        assertThat(post(api, "/v2/rooms", "{\"description\":\"new\"}", "day").status())
                .as("the key now belongs to the new request").isEqualTo(422);
    }

    /**
     * Node B re-reads the shared clock each second: after another test moved it, wait until B reads what A
     * reads (both frozen), or B would find A's tokens not yet valid.
     */
    private void awaitNodeBClock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!nodeB.clock().instant().equals(nodeA.clock().instant())) {
            assertThat(System.nanoTime()).as("node B's clock follows node A's").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void eight_requests_on_two_nodes_with_one_key_run_once() throws Exception {
        awaitNodeBClock();
        Client onB = new Client(nodeB, api.workspace(), api.token());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GuardHttp.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Client client = i % 2 == 0 ? api : onB;
                futures.add(threads.submit(() -> {
                    go.await();
                    return post(client, "/v2/rooms", "{\"description\":\"two nodes\"}", "nodes");
                }));
            }
            go.countDown();
            List<GuardHttp.Answer> answers = new ArrayList<>();
            for (Future<GuardHttp.Answer> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers.get(0).status()).as(answers.get(0).text()).isEqualTo(200);
            assertThat(answers).allSatisfy(a -> assertThat(a.sameAs(answers.get(0))).as(a.text()).isTrue());
            assertThat(answers).filteredOn(a -> !a.replayed()).as("exactly one ran").hasSize(1);
            assertThat(rooms()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_key_held_by_a_live_node_answers_what_that_node_stores() {
        heldElsewhere("held", "{}", Instant.now());
        // What the other node stores: a room (the answer must still be one), of a workspace this one cannot see,
        // so that only the stored bytes can be what comes back.
        String stored = Client.forNewWorkspace(nodeA).post("/v2/rooms", Map.of("name", "from-the-other-node")).text();
        CompletableFuture<GuardHttp.Answer> waiting = CompletableFuture.supplyAsync(() -> post(api, "/v2/rooms", "{}", "held"));
        nodeA.database().read(h -> h.createUpdate("UPDATE idempotency_keys SET status = 200, content_type = 'application/json',"
                        + " body = :body WHERE workspace_id = :ws AND idem_key = 'held'")
                .bind("body", stored.getBytes(StandardCharsets.UTF_8))
                .bind("ws", api.workspace().id()).execute());
        GuardHttp.Answer answer = waiting.join();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo(stored);
        assertThat(answer.replayed()).isTrue();
        assertThat(rooms()).isZero();
    }

    @Test
    void a_key_given_back_by_its_holder_is_run_here() {
        heldElsewhere("given-back", "{}", Instant.now());
        CompletableFuture<GuardHttp.Answer> waiting = CompletableFuture.supplyAsync(() -> post(api, "/v2/rooms", "{}", "given-back"));
        nodeA.database().read(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE workspace_id = :ws AND idem_key = 'given-back'")
                .bind("ws", api.workspace().id()).execute());
        GuardHttp.Answer answer = waiting.join();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.replayed()).isFalse();
        assertThat(rooms()).isEqualTo(1);
        assertThat(storedStatus("given-back")).contains(200);
    }

    @Test
    void a_key_whose_holder_stopped_heartbeating_is_taken_over() {
        heldElsewhere("stale", "{}", Instant.now().minus(Duration.ofHours(1)));
        GuardHttp.Answer answer = post(api, "/v2/rooms", "{}", "stale");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.replayed()).isFalse();
        assertThat(storedStatus("stale")).contains(200);
        assertThat(post(api, "/v2/rooms", "{}", "stale").sameAs(answer)).isTrue();
        assertThat(rooms()).isEqualTo(1);
    }

    @Test
    void a_key_held_elsewhere_refuses_another_body_at_once() {
        heldElsewhere("held-422", "{}", Instant.now());
        assertThat(post(api, "/v2/rooms", "{\"description\":\"other\"}", "held-422").status()).isEqualTo(422);
    }

    @Test
    void a_key_held_by_a_live_node_for_longer_than_the_wait_is_409() {
        heldElsewhere("busy", "{}", Instant.now());
        IdempotencyService impatient = new IdempotencyService(nodeA.database(), nodeA.clock(), Duration.ofMillis(300));
        RequestFingerprint fp = RequestFingerprint.of("/v2/rooms", null, "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> impatient.begin(api.workspace().id(), "busy", fp))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Idempotency key in use");
                    assertThat(e.details()).containsExactly(
                            "a request with this Idempotency-Key is still running after 0 seconds of waiting; retry later");
                });
        assertThat(storedStatus("busy")).as("still the other node's").isEmpty();
        assertThat(stored("busy")).isTrue();
    }

    @Test
    void running_claims_are_heartbeated_and_a_dead_claim_past_its_day_is_purged() {
        IdempotencyService service = new IdempotencyService(nodeA.database(), nodeA.clock());
        RequestFingerprint fp = RequestFingerprint.of("/v2/rooms", null, new byte[0]);
        String ws = api.workspace().id();
        service.begin(ws, "beating", fp);
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        nodeA.database().read(h -> h.createUpdate("UPDATE idempotency_keys SET heartbeat_at = :t WHERE workspace_id = :ws")
                .bind("t", hourAgo).bind("ws", ws).execute());
        service.heartbeat();
        Instant beat = nodeA.database().read(h -> h.createQuery(
                        "SELECT heartbeat_at FROM idempotency_keys WHERE workspace_id = :ws AND idem_key = 'beating'")
                .bind("ws", ws).mapTo(java.time.OffsetDateTime.class).one()).toInstant();
        assertThat(beat).isAfter(hourAgo.plus(Duration.ofMinutes(59)));

        heldElsewhere("dead", "{}", hourAgo);
        api.advanceClock(24 * 3600);
        assertThat(stored("dead")).as("past its day and nobody heartbeats it").isFalse();
        service.heartbeat();
        service.purgeExpired();
        assertThat(stored("beating")).as("past its day but alive: kept while it runs").isTrue();
    }

    @Test
    void a_5xx_or_429_answer_is_not_kept_and_the_next_try_runs() {
        IdempotencyService service = new IdempotencyService(nodeA.database(), nodeA.clock());
        RequestFingerprint fp = RequestFingerprint.of("/v2/rooms", null, new byte[0]);
        String ws = api.workspace().id();
        for (int status : new int[] {500, 503, 429}) {
            IdempotencyService.Begun first = service.begin(ws, "failed-" + status, fp);
            assertThat(first).isInstanceOf(IdempotencyService.Run.class);
            service.finish(((IdempotencyService.Run) first).claim(), new StoredAnswer(status, "application/json", new byte[0]));
            assertThat(stored("failed-" + status)).isFalse();
            assertThat(service.begin(ws, "failed-" + status, fp)).isInstanceOf(IdempotencyService.Run.class);
        }
        IdempotencyService.Begun kept = service.begin(ws, "kept-409", fp);
        service.finish(((IdempotencyService.Run) kept).claim(), new StoredAnswer(409, null, new byte[0]));
        IdempotencyService.Begun replay = service.begin(ws, "kept-409", fp);
        assertThat(replay).isInstanceOf(IdempotencyService.Replay.class);
        assertThat(((IdempotencyService.Replay) replay).answer().status()).isEqualTo(409);
        assertThat(((IdempotencyService.Replay) replay).answer().contentType()).isNull();
    }
}
