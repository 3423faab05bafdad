package dev.hundred.server.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hundred.server.support.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests: an HTTP server on 127.0.0.1 that records every request (headers, body,
 * arrival time) and answers with the status {@code answer} gives for the n-th request (1-based).
 * {@link #hanging} never answers, like a receiver that accepted the connection and died. Public for the
 * webhook tests of other features.
 */
public final class Receiver implements AutoCloseable {
    /** One request as it arrived. */
    public record Hit(long arrivedNanos, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return Client.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Hit> hits = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final IntUnaryOperator answer;
    private final CountDownLatch never = new CountDownLatch(1);

    private Receiver(int port, IntUnaryOperator answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static Receiver ok() {
        return new Receiver(0, n -> 200);
    }

    public static Receiver answering(IntUnaryOperator statusOfNth) {
        return new Receiver(0, statusOfNth);
    }

    /** A receiver on a given port (one reserved earlier and free now). */
    public static Receiver okOn(int port) {
        return new Receiver(port, n -> 200);
    }

    /** Status 0 means: never answer. */
    public static Receiver hanging() {
        return new Receiver(0, n -> 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n;
        synchronized (hits) {
            hits.add(new Hit(arrived, Map.copyOf(exchange.getRequestHeaders()), body));
            n = count.incrementAndGet();
            hits.notifyAll();
        }
        int status = answer.applyAsInt(n);
        if (status == 0) {
            try {
                never.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    /** Waits until {@code n} requests arrived; fails after {@code max}. */
    public List<Hit> await(int n, Duration max) {
        return awaitUntil(list -> list.size() >= n, max, n + " requests");
    }

    public List<Hit> awaitUntil(Predicate<List<Hit>> done, Duration max, String what) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (hits) {
            while (!done.test(hits)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + max.toMillis() + " ms for " + what + "; got " + hits.size() + ": " + hits);
                }
                try {
                    hits.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return List.copyOf(hits);
        }
    }

    /**
     * Waits for the peer's {@code peer.join.success}; an event goes to one destination, so when it came here it
     * went nowhere else.
     */
    public void awaitJoin(String peerId) {
        awaitUntil(all -> all.stream().anyMatch(h -> h.json().path("type").asText().equals("peer.join.success")
                && h.json().path("data").path("peer_id").asText().equals(peerId)), Duration.ofSeconds(20),
                "peer.join.success of " + peerId + " at " + url());
    }

    @Override
    public void close() {
        never.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
