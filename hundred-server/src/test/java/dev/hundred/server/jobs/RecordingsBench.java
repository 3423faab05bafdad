package dev.hundred.server.jobs;

import com.sun.net.httpserver.HttpServer;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recordings benchmark (bench/jobs.sh runs it): an in-process Hundred on {@code h2-file} or embedded
 * {@code postgres} with the default (fast) job phases; {@code count} rooms, a person in each, then
 * {@code count} recordings started at once through the REST API (16 callers), stopped at once once all
 * run, and waited for until each has its {@code beam.recording.success} at a loopback receiver. Prints the
 * time from the first start to the last completion, the webhooks delivered and their rate. Bounded: gives
 * up after two minutes. Arguments: backend, count.
 */
public final class RecordingsBench {
    private RecordingsBench() {}

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "h2-file";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String db = backend.equals("postgres") ? Backends.freshPostgresUrl() : Backends.freshH2Directory();
        AtomicInteger hooks = new AtomicInteger();
        Map<String, Long> completed = new ConcurrentHashMap<>();
        AtomicLong firstHook = new AtomicLong();
        AtomicLong lastHook = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hooks.incrementAndGet();
            firstHook.compareAndSet(0, now);
            lastHook.set(now);
            if (body.contains("\"type\":\"beam.recording.success\"")) {
                int at = body.indexOf("\"beam_id\":\"") + 11;
                completed.putIfAbsent(body.substring(at, body.indexOf('"', at)), now);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb(db)).start()) {
            Client api = Client.forNewWorkspace(server);
            api.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
            List<String> rooms = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String room = api.post("/v2/rooms", Map.of("name", "bench-" + i)).at("/id");
                api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", "p" + i));
                rooms.add(room);
            }
            long t0 = System.nanoTime();
            List<Future<String>> started = new ArrayList<>();
            for (String room : rooms) {
                started.add(callers.submit(() -> {
                    Client.Response r = api.post("/v2/recordings/room/" + room + "/start",
                            Map.of("meeting_url", "https://bench.app.100ms.live/preview/" + room + "/host?skip_preview=true"));
                    if (r.status() != 200) {
                        throw new IllegalStateException("start: " + r.status() + " " + r.text());
                    }
                    return r.at("/id");
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : started) {
                ids.add(f.get());
            }
            long startedAt = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline && !ids.stream().allMatch(id ->
                    "running".equals(api.get("/v2/recordings/" + id).at("/status")))) {
                Thread.sleep(20);
            }
            long runningAt = System.nanoTime();
            List<Future<Integer>> stops = new ArrayList<>();
            for (String id : ids) {
                stops.add(callers.submit(() -> api.post("/v2/recordings/" + id + "/stop", Map.of()).status()));
            }
            for (Future<Integer> f : stops) {
                f.get();
            }
            while (System.nanoTime() < deadline && completed.size() < count) {
                Thread.sleep(20);
            }
            long done = completed.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            double seconds = (done - t0) / 1e9;
            System.out.printf("%-8s recordings=%d completed=%d starts-answered=%.2fs all-running=%.2fs"
                            + " first-start-to-last-beam.recording.success=%.2fs webhooks=%d (%.0f/s from first to last)%n",
                    backend, count, completed.size(), (startedAt - t0) / 1e9, (runningAt - t0) / 1e9, seconds,
                    hooks.get(), hooks.get() / Math.max(0.001, (lastHook.get() - firstHook.get()) / 1e9));
        } finally {
            callers.shutdownNow();
            receiver.stop(0);
        }
        System.exit(0);
    }
}
