package com.example.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hundred.client.HmsClient;
import dev.hundred.client.webhook.WebhookVerificationException;
import dev.hundred.client.webhook.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The backend's HTTP side: {@code POST /calls?name=} creates a call and answers its room id and a host
 * token; {@code POST /webhooks} takes 100ms webhooks, proven by a shared header.
 */
public final class Backend implements AutoCloseable {
    static final String WEBHOOK_HEADER = "X-Webhook-Key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Calls calls;
    private final Attendance attendance = new Attendance();
    private final String webhookKey;
    private final HttpServer http;

    public Backend(HmsClient hms, String webhookKey, int port) {
        this.calls = new Calls(hms);
        this.webhookKey = webhookKey;
        try {
            this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/calls", this::createCall);
        http.createContext("/webhooks", this::webhook);
        http.start();
    }

    public static void main(String[] args) {
        HmsClient hms = HmsClient.builder().credentials(System.getenv("HMS_ACCESS_KEY"), System.getenv("HMS_SECRET"))
                .baseUrl(System.getenv().getOrDefault("HMS_BASE_URL", HmsClient.DEFAULT_BASE_URL)).build();
        Backend backend = new Backend(hms, System.getenv("WEBHOOK_KEY"), 9000);
        System.out.println("calls backend on " + backend.url());
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public Calls calls() {
        return calls;
    }

    public Attendance attendance() {
        return attendance;
    }

    private void createCall(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String name = query != null && query.startsWith("name=") ? query.substring(5) : null;
        if (!exchange.getRequestMethod().equals("POST") || name == null || name.isBlank()) {
            answer(exchange, 400, Map.of("error", "POST /calls?name=<name>"));
            return;
        }
        Calls.Call call = calls.create(name);
        answer(exchange, 200, Map.of("room_id", call.roomId(), "host_token", calls.joinToken(call.roomId(), "owner", true)));
    }

    private void webhook(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            Webhooks.checkHeader(WEBHOOK_HEADER, exchange.getRequestHeaders().getFirst(WEBHOOK_HEADER), webhookKey);
        } catch (WebhookVerificationException e) {
            answer(exchange, 401, Map.of("error", e.getMessage()));
            return;
        }
        attendance.on(Webhooks.parse(body));
        answer(exchange, 200, Map.of()); // 100ms retries anything but 200
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
