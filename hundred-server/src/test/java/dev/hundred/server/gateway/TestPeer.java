package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A gateway client for tests: a real WebSocket (the JDK's) with an inbox of the JSON messages it got. */
public final class TestPeer implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private JsonNode joined;

    public record Closed(int code, String reason) {}

    /** Opens a socket with {@code ?token=}. */
    public static TestPeer connect(Hundred server, String token) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return open(server, query, null);
    }

    /** Opens a socket with {@code Authorization: Bearer}. */
    public static TestPeer connectWithHeader(Hundred server, String token) {
        return open(server, "", token);
    }

    /** Opens a socket with {@code ?token=} to the server at {@code baseUrl} (a child process, another node). */
    public static TestPeer connect(String baseUrl, String token) {
        return open(baseUrl, "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null);
    }

    private static TestPeer open(Hundred server, String query, String bearer) {
        return open(server.url(), query, bearer);
    }

    private static TestPeer open(String baseUrl, String query, String bearer) {
        TestPeer peer = new TestPeer();
        URI uri = URI.create(baseUrl.replace("http://", "ws://") + PeerGateway.PATH + query);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        peer.socket = builder.buildAsync(uri, peer).join();
        // The upgrade, as far as a WebSocket client shows it: it was 101 (a refusal comes in the socket).
        OpenApiContract.get().check("GET", PeerGateway.PATH + query, null, 101, null, (byte[]) null);
        return peer;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                inbox.add(Client.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    /** The next message, waiting up to 10 s. */
    public JsonNode next() {
        try {
            JsonNode message = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(message).as("a message within %d s", WAIT_SECONDS).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, waiting up to {@code max} (a first join on a node that has just started). */
    public JsonNode next(Duration max) {
        try {
            JsonNode message = inbox.poll(max.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s", max).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must be of this type. */
    public JsonNode next(String type) {
        JsonNode message = next();
        assertThat(message.path("type").asText()).as("type of %s", message).isEqualTo(type);
        return message;
    }

    /** The messages received and not yet read, without waiting. */
    public java.util.List<JsonNode> received() {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        inbox.drainTo(all);
        return all;
    }

    /** No message arrives within {@code millis}. */
    public void assertNothingWithin(long millis) throws InterruptedException {
        assertThat(inbox.poll(millis, TimeUnit.MILLISECONDS)).as("no message").isNull();
    }

    public void send(Map<String, ?> message) {
        try {
            sendText(Client.JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a text frame as is (JSON or not). */
    public void sendText(String text) {
        try {
            socket.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a binary frame (the protocol has none: the server refuses it). */
    public void sendBinary(byte[] data) {
        try {
            socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request with a fresh request_id and answers the reply (ok or error), which must carry it. */
    public JsonNode request(String type, Map<String, ?> fields) {
        String id = "r" + REQUESTS.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>(fields);
        message.put("type", type);
        message.put("request_id", id);
        send(message);
        JsonNode reply = next();
        assertThat(reply.path("request_id").asText()).as("reply %s", reply).isEqualTo(id);
        return reply;
    }

    /** Joins and answers the {@code joined} message. */
    public JsonNode join(String name) {
        send(Map.of("type", "join", "name", name));
        joined = next("joined");
        return joined;
    }

    public String sessionId() {
        return joined.path("session_id").asText();
    }

    /** The peer id the server gave at the join. */
    public String peerId() {
        return joined.path("peer_id").asText();
    }

    public Closed awaitClose() {
        return awaitClose(Duration.ofSeconds(WAIT_SECONDS));
    }

    /** The close, waiting up to {@code deadline} for it. */
    public Closed awaitClose(Duration deadline) {
        try {
            return closed.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("socket not closed within " + deadline, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the connection without a close handshake, like a client that lost its network. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed() || !socket.isInputClosed()) {
            socket.abort();
        }
    }
}
