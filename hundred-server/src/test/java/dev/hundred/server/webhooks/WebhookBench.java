package dev.hundred.server.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.Backends;
import dev.hundred.server.workspaces.Workspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook delivery benchmark (bench/webhooks.sh runs it): an in-process Hundred on {@code h2-file} or
 * embedded {@code postgres}, a loopback receiver answering 200, and RoomEvents committed the way the
 * live plane commits them. Measures (1) the time from the start of the change's transaction to the
 * first attempt's arrival, one event at a time, (2) deliveries per second with events spread over
 * many rooms, producers and dispatcher running at once, and (3) the rate at which a backlog queued
 * while delivery was stopped drains. Bounded: stops after {@code MAX_WAIT}.
 * Arguments: backend (h2-file | postgres), events, rooms.
 */
public final class WebhookBench {
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    private WebhookBench() {}

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "h2-file";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rooms = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String db = backend.equals("postgres") ? Backends.freshPostgresUrl() : Backends.freshH2Directory();

        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int at = body.indexOf("\"user_id\":\"");
            if (at >= 0) {
                arrivals.putIfAbsent(body.substring(at + 11, body.indexOf('"', at + 11)), now);
            }
            received.incrementAndGet();
            lastArrival.set(now);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        try (Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(db)).start()) {
            Workspace ws = hundred.workspaces().create("bench", null, null);
            hundred.webhooks().settings().set(ws, new WebhookSettings(url, Map.of("X-Bench", "1"), "whsec_YmVuY2g="));

            // (1) latency: one event at a time, 20 ms apart; the first WARMUP are the JIT's, reported apart
            int warmup = 50;
            int samples = 300;
            long coldMax = 0;
            long[] latencies = new long[samples];
            for (int i = 0; i < warmup + samples; i++) {
                String id = "lat-" + i;
                long start = System.nanoTime();
                publish(hundred, List.of(event(ws, "latency-room", id)));
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!arrivals.containsKey(id) && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(50_000); // not a spin: the measuring thread must not take a core
                }
                Long arrived = arrivals.get(id);
                long latency = arrived == null ? Long.MAX_VALUE : arrived - start;
                if (i < warmup) {
                    coldMax = Math.max(coldMax, latency);
                } else {
                    latencies[i - warmup] = latency;
                }
                Thread.sleep(20);
            }
            Arrays.sort(latencies);
            int warm = received.get();

            // (2) throughput: events spread over rooms, 2 producers committing 20 events per transaction
            long begin = System.nanoTime();
            int perProducer = events / 2;
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                int producer = p;
                Thread t = new Thread(() -> {
                    List<RoomEvent> batch = new ArrayList<>();
                    for (int i = 0; i < perProducer; i++) {
                        int n = producer * perProducer + i;
                        batch.add(event(ws, "room-" + (n % rooms), "tp-" + n));
                        if (batch.size() == 20) {
                            publish(hundred, batch);
                            batch = new ArrayList<>();
                        }
                    }
                    if (!batch.isEmpty()) {
                        publish(hundred, batch);
                    }
                });
                t.start();
                producers.add(t);
            }
            for (Thread t : producers) {
                t.join();
            }
            long produced = System.nanoTime();
            int target = warm + perProducer * 2;
            long deadline = begin + MAX_WAIT.toNanos();
            while (received.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            int delivered = received.get() - warm;
            double seconds = (lastArrival.get() - begin) / 1e9;

            // (3) drain: the same number of events queued while delivery is stopped, then delivered
            int before = received.get();
            hundred.webhooks().close();
            for (int i = 0; i < perProducer * 2; i += 20) {
                List<RoomEvent> batch = new ArrayList<>();
                for (int j = i; j < Math.min(i + 20, perProducer * 2); j++) {
                    batch.add(event(ws, "room-" + (j % rooms), "dr-" + j));
                }
                publish(hundred, batch);
            }
            long drainStart = System.nanoTime();
            hundred.webhooks().start();
            long drainDeadline = drainStart + MAX_WAIT.toNanos();
            while (received.get() < before + perProducer * 2 && System.nanoTime() < drainDeadline) {
                Thread.sleep(5);
            }
            int drained = received.get() - before;
            double drainSeconds = (lastArrival.get() - drainStart) / 1e9;

            System.out.printf("backend=%s events=%d rooms=%d%n", backend, perProducer * 2, rooms);
            System.out.printf("change -> first attempt (n=%d): p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", samples,
                    ms(latencies[samples / 2]), ms(latencies[samples * 95 / 100]), ms(latencies[samples * 99 / 100]),
                    ms(latencies[samples - 1]));
            System.out.printf("  (after %d warm-up events, not counted above; the slowest of those: %.1f ms)%n", warmup, ms(coldMax));
            System.out.printf("throughput: %d delivered in %.2f s = %.0f deliveries/s (events committed at %.0f/s)%n",
                    delivered, seconds, delivered / seconds, perProducer * 2 / ((produced - begin) / 1e9));
            System.out.printf("drain: %d queued while stopped, delivered in %.2f s = %.0f deliveries/s%n",
                    drained, drainSeconds, drained / drainSeconds);
        } finally {
            receiver.stop(0);
            ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
        }
        System.exit(0);
    }

    private static double ms(long nanos) {
        return nanos == Long.MAX_VALUE ? Double.NaN : nanos / 1e6;
    }

    private static RoomEvent event(Workspace ws, String room, String userId) {
        Instant at = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", room);
        data.put("room_name", room);
        data.put("session_id", "64f1a0b2c3d4e5f60718293a");
        data.put("peer_id", java.util.UUID.randomUUID().toString());
        data.put("user_id", userId);
        data.put("role", "host");
        data.put("joined_at", at);
        return new RoomEvent(ws, room, "peer.join.success", data, at);
    }

    private static void publish(Hundred hundred, List<RoomEvent> events) {
        hundred.database().tx(h -> {
            events.forEach(e -> hundred.events().publish(h, e));
            return null;
        });
    }
}
