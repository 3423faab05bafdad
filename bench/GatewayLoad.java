import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load client for Hundred's peer gateway (bench/gateway.sh runs it): creates rooms, connects and joins
 * peers with app tokens it mints itself, keeps them all connected and idle, then leaves. JDK only, run as
 * a single source file: java bench/GatewayLoad.java --url http://127.0.0.1:PORT --access-key K --secret S
 * Loopback only; every phase has a deadline.
 */
public final class GatewayLoad {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String url = opt.get("url");
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        String key = opt.get("access-key");
        String secret = opt.get("secret");
        int peers = Integer.parseInt(opt.getOrDefault("peers", "10000"));
        int rooms = Integer.parseInt(opt.getOrDefault("rooms", String.valueOf(Math.max(1, peers / 10))));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "32"));
        int holdSeconds = Integer.parseInt(opt.getOrDefault("hold", "30"));
        long serverPid = Long.parseLong(opt.getOrDefault("server-pid", "0"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String management = jwt(secret, key, "management", null);

        long t = System.nanoTime();
        List<String> roomIds = new ArrayList<>();
        String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        for (int i = 0; i < rooms; i++) {
            String body = "{\"name\":\"" + prefix + i + "\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v2/rooms"))
                    .header("Authorization", "Bearer " + management).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("room create: " + r.statusCode() + " " + r.body());
            }
            roomIds.add(field(r.body(), "id"));
        }
        System.out.printf("rooms: %d created in %.1f s%n", rooms, seconds(t));

        // Join: at most `concurrency` peers between "connect" and "joined" at any time.
        String ws = url.replace("http://", "ws://") + "/gateway/v1/peer?token=";
        List<Peer> all = new ArrayList<>(peers);
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(peers);
        AtomicInteger failed = new AtomicInteger();
        long[] latencies = new long[peers];
        long joinStart = System.nanoTime();
        for (int i = 0; i < peers; i++) {
            if (!slots.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("joins stalled at " + i);
            }
            String token = jwt(secret, key, "app", Map.of("room_id", roomIds.get(i % rooms), "role", "guest",
                    "user_id", "bench-" + i));
            Peer peer = new Peer();
            all.add(peer);
            int index = i;
            long began = System.nanoTime();
            peer.joined.whenComplete((ok, error) -> {
                latencies[index] = System.nanoTime() - began;
                if (error != null) {
                    failed.incrementAndGet();
                    if (failed.get() <= 5) {
                        System.out.println("join failed: " + error);
                    }
                }
                slots.release();
                done.countDown();
            });
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(ws + token), peer)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            peer.joined.completeExceptionally(error);
                        } else {
                            socket.sendText("{\"type\":\"join\",\"name\":\"p" + index + "\"}", true);
                        }
                    });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("joins did not finish in 10 min");
        }
        double joinSeconds = seconds(joinStart);
        Arrays.sort(latencies);
        int joined = peers - failed.get();
        System.out.printf("join: %d peers joined (%d failed) in %.1f s = %.0f peers/s; connect-to-joined p50 %.1f ms,"
                        + " p99 %.1f ms (concurrency %d)%n", joined, failed.get(), joinSeconds, joined / joinSeconds,
                latencies[peers / 2] / 1e6, latencies[(int) (peers * 0.99)] / 1e6, concurrency);

        // Hold: everyone idle and connected; check from both sides.
        Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
        long open = all.stream().filter(p -> p.socket != null && !p.closed).count();
        int serverSide = 0;
        for (String room : roomIds) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v2/active-rooms/" + room + "/peers"))
                    .header("Authorization", "Bearer " + management).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                serverSide += count(r.body(), "\"joined_at\"");
            }
        }
        long messages = all.stream().mapToLong(p -> p.messages.get()).sum();
        System.out.printf("hold: after %d s idle, %d sockets open on the client, %d peers connected per the API;"
                + " %d messages received in all%n", holdSeconds, open, serverSide, messages);
        if (serverPid > 0) {
            System.out.println("server: " + serverMemory(serverPid));
        }

        // Leave: close every socket and wait until every peer is gone.
        long leaveStart = System.nanoTime();
        for (Peer p : all) {
            if (p.socket != null) {
                p.socket.sendText("{\"type\":\"leave\"}", true);
            }
        }
        for (Peer p : all) {
            p.closedFuture.get(5, TimeUnit.MINUTES);
        }
        System.out.printf("leave: %d peers left in %.1f s = %.0f peers/s%n", joined, seconds(leaveStart),
                joined / seconds(leaveStart));
    }

    /** One peer: completes {@code joined} on the joined message, counts what it hears afterwards. */
    static final class Peer implements WebSocket.Listener {
        final CompletableFuture<Void> joined = new CompletableFuture<>();
        final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
        final AtomicLong messages = new AtomicLong();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile boolean closed;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                messages.incrementAndGet();
                if (text.startsWith("{\"type\":\"joined\"")) {
                    joined.complete(null);
                } else if (text.startsWith("{\"type\":\"error\"")) {
                    joined.completeExceptionally(new IllegalStateException(text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            joined.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            closedFuture.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
            joined.completeExceptionally(error);
            closedFuture.complete(null);
        }
    }

    /** HS256 JWT as 100ms mints them (spec §2), with the JDK's HMAC. */
    static String jwt(String secret, String accessKey, String type, Map<String, String> extra) throws Exception {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{\"access_key\":\"" + accessKey + "\",\"type\":\"" + type
                + "\",\"version\":2,\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 86400)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"");
        if (extra != null) {
            extra.forEach((k, v) -> claims.append(",\"").append(k).append("\":\"").append(v).append('"'));
        }
        claims.append('}');
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    /** Heap in use after a full GC (jcmd) and resident memory of the server process. */
    static String serverMemory(long pid) throws IOException, InterruptedException {
        run("jcmd", String.valueOf(pid), "GC.run");
        String heap = run("jcmd", String.valueOf(pid), "GC.heap_info");
        Matcher used = HEAP_USED.matcher(heap);
        String usedMb = used.find() ? String.format("%.0f MB", Long.parseLong(used.group(1)) / 1024.0) : "?";
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = String.format("%.0f MB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
        }
        return "heap used after full GC " + usedMb + ", RSS " + rss;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("url", "access-key", "secret")) {
            if (!opt.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return opt;
    }
}
