package dev.hundred.server.timers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durable timers across two servers on one database: each fires once, whichever node claims it; a timer
 * claimed by a node that died is fired by the other once the lease lapses; a failing handler is tried
 * again; timers due while the clock advances fire in due order with the clock at their due times.
 */
class TimersTest {
    /** What a handler saw: the timer's subject, the node that fired it and the server clock then. */
    record Fired(String subject, String node, Instant clock, int attempts) {}

    private static String sharedDb(String backend) {
        return backend.equals(Backends.POSTGRES) ? Backends.freshPostgresUrl()
                : "jdbc:h2:mem:timers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static Hundred node(String db) {
        return new Hundred(Config.defaults().withPort(0).withDb(db)).start();
    }

    private static void register(Hundred node, String name, String kind, List<Fired> fired) {
        node.timers().register(kind, t -> node.database().tx(h -> {
            if (node.timers().consume(h, t)) {
                fired.add(new Fired(t.subject(), name, node.clock().instant(), t.attempts()));
            }
            return null;
        }));
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void two_nodes_fire_every_timer_exactly_once(String backend) throws Exception {
        String db = sharedDb(backend);
        List<Fired> fired = new CopyOnWriteArrayList<>();
        try (Hundred a = node(db); Hundred b = node(db)) {
            register(a, "a", "test.once", fired);
            register(b, "b", "test.once", fired);
            String ws = Client.forNewWorkspace(a).workspace().id();
            int n = 600;
            Instant now = a.clock().instant();
            for (int batch = 0; batch < n; batch += 100) {
                int from = batch;
                a.database().tx(h -> {
                    for (int i = from; i < from + 100; i++) {
                        a.timers().schedule(h, "test.once", "t" + i, ws, now);
                    }
                    return null;
                });
            }
            await(() -> fired.size() >= n, n + " timers");
            Map<String, Long> perSubject = fired.stream().collect(Collectors.groupingBy(Fired::subject, Collectors.counting()));
            assertThat(perSubject).hasSize(n);
            assertThat(perSubject.values()).containsOnly(1L);
            int left = a.database().read(h -> h.createQuery("SELECT COUNT(*) FROM timers WHERE kind = 'test.once'")
                    .mapTo(Integer.class).one());
            assertThat(left).isZero();
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_timer_held_by_a_dead_node_fires_once_its_lease_lapses(String backend) throws Exception {
        String db = sharedDb(backend);
        List<Fired> fired = new CopyOnWriteArrayList<>();
        try (Hundred alive = node(db)) {
            register(alive, "alive", "test.orphan", fired);
            String ws = Client.forNewWorkspace(alive).workspace().id();
            Instant wall = alive.clock().wallInstant();
            // What a node leaves behind when it dies after its claim: a leased row nobody will finish.
            alive.database().tx(h -> {
                alive.timers().schedule(h, "test.orphan", "orphan", ws, alive.clock().instant());
                return h.createUpdate("UPDATE timers SET lease_until = :lease, lease_token = 'dead-node', attempts = 1"
                        + " WHERE subject = 'orphan'").bind("lease", wall.plusMillis(1500)).execute();
            });
            await(() -> !fired.isEmpty(), "the orphaned timer");
            assertThat(alive.clock().wallInstant()).isAfterOrEqualTo(wall.plusMillis(1500));
            assertThat(fired).extracting(Fired::subject, Fired::attempts).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("orphan", 2));
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_failing_handler_is_tried_again(String backend) throws Exception {
        List<Fired> fired = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        try (Hundred node = node(sharedDb(backend))) {
            node.timers().register("test.flaky", t -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("first attempt fails");
                }
                node.database().tx(h -> node.timers().consume(h, t) && fired.add(new Fired(t.subject(), "n", null, t.attempts())));
            });
            String ws = Client.forNewWorkspace(node).workspace().id();
            node.database().tx(h -> {
                node.timers().schedule(h, "test.flaky", "flaky", ws, node.clock().instant());
                return null;
            });
            await(() -> !fired.isEmpty(), "the retried timer");
            assertThat(fired).extracting(Fired::attempts).containsExactly(2);
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void advancing_the_clock_fires_due_timers_in_order_at_their_due_times(String backend) throws Exception {
        List<Fired> fired = new CopyOnWriteArrayList<>();
        try (Hundred node = node(sharedDb(backend))) {
            register(node, "n", "test.order", fired);
            Client api = Client.forNewWorkspace(node);
            api.freezeClock(true);
            Instant t = node.clock().instant();
            List<Integer> offsets = new ArrayList<>(List.of(30, 10, 20, 20, 5));
            node.database().tx(h -> {
                for (int i = 0; i < offsets.size(); i++) {
                    node.timers().schedule(h, "test.order", "s" + i + "+" + offsets.get(i), api.workspace().id(),
                            t.plusSeconds(offsets.get(i)));
                }
                return null;
            });
            api.advanceClock(25);
            assertThat(fired).extracting(Fired::subject).containsExactly("s4+5", "s1+10", "s2+20", "s3+20");
            assertThat(fired).extracting(Fired::clock).containsExactly(t.plusSeconds(5), t.plusSeconds(10),
                    t.plusSeconds(20), t.plusSeconds(20));
            api.advanceClock(5);
            assertThat(fired).extracting(Fired::subject).endsWith("s0+30");
            assertThat(fired.get(fired.size() - 1).clock()).isEqualTo(t.plusSeconds(30));
        }
    }
}
