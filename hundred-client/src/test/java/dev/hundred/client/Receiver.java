package dev.hundred.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on a free port: keeps every delivery, answers 200. */
final class Receiver implements AutoCloseable {
    record Delivery(Headers headers, String body) {}

    private final HttpServer http;
    private final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    Receiver() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(exchange.getRequestHeaders(), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
    }

    /** The next delivery whose body mentions {@code type}, waiting up to {@code within}. */
    Delivery next(String type, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Delivery d = deliveries.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (d == null) {
                throw new AssertionError("no " + type + " delivery within " + within);
            }
            if (d.body().contains("\"type\":\"" + type + "\"")) {
                return d;
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
