// Webhook deliveries per second through one or more Hundred nodes (bench/cluster.sh): a loopback receiver,
// ROOMS rooms, EVENTS emulator joins spread round-robin over the nodes by 8 client threads; the figure is
// webhooks received / seconds from the first join to the last webhook. JDK only: java bench/ClusterWebhooks.java
// --token T --events N --rooms R URL [URL...]
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class ClusterWebhooks {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String token = null;
        int events = 2000, rooms = 50;
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--token" -> token = args[++i];
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--rooms" -> rooms = Integer.parseInt(args[++i]);
                default -> nodes.add(args[i]);
            }
        }
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            received.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        String t = token;
        call(nodes.get(0), t, "POST", "/emulator/v1/webhook",
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            String body = call(nodes.get(r % nodes.size()), t, "POST", "/v2/rooms", "{\"name\":\"wh-" + System.nanoTime() + "\"}");
            ids.add(body.replaceAll("(?s).*\"id\":\"([0-9a-f]+)\".*", "$1"));
        }
        int expected = events + rooms; // a join each, and each room's session.open
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int total = events;
        for (int c = 0; c < 8; c++) {
            clients.execute(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    try {
                        call(nodes.get(i % nodes.size()), t, "POST", "/emulator/v1/rooms/" + ids.get(i % ids.size()) + "/peers",
                                "{\"role\":\"guest\",\"name\":\"p" + i + "\",\"user_id\":\"u" + i + "\"}");
                    } catch (RuntimeException e) {
                        if (failed.getAndIncrement() == 0) {
                            System.err.println("join failed: " + e); // the first only; the others are counted
                        }
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
        double queued = (System.nanoTime() - start) / 1e9;
        int wanted = expected - failed.get();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (received.get() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("webhooks: %d of %d received in %.1f s = %.0f/s (%d joins failed; joins queued in %.1f s = %.0f/s)%n",
                received.get(), wanted,  seconds, received.get() / seconds, failed.get(), queued, total / queued);
        call(nodes.get(0), t, "DELETE", "/emulator/v1/webhook", null);
        receiver.stop(0);
        System.exit(0);
    }

    static String call(String base, String token, String method, String path, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
