package dev.hundred.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hundred.server.Hundred;
import dev.hundred.server.workspaces.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test's HTTP client for one workspace of a running server: real HTTP, a real management token.
 * Each {@link #forNewWorkspace} call makes a workspace nobody else uses, so tests never see each other.
 */
public final class Client {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Hundred server;
    private final Workspace workspace;
    private String token;

    public Client(Hundred server, Workspace workspace, String token) {
        this.server = server;
        this.workspace = workspace;
        this.token = token;
    }

    public static Client forNewWorkspace(Hundred server) {
        Workspace ws = server.workspaces().create("test", null, null);
        return new Client(server, ws, server.tokens().management(ws, Duration.ofHours(1)));
    }

    public Hundred server() {
        return server;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String token() {
        return token;
    }

    /** The same workspace, calling with another token (null: no Authorization header). */
    public Client withToken(String other) {
        return new Client(server, workspace, other);
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Moves the server clock forward (firing what comes due, before it answers); answers the clock's state. */
    public JsonNode advanceClock(double seconds) {
        return clock(Map.of("advance_seconds", seconds));
    }

    /** Stops (or restarts) the server clock, so that times in answers are exact. */
    public JsonNode freezeClock(boolean frozen) {
        return clock(Map.of("frozen", frozen));
    }

    /**
     * A clock change; then this client's token is minted anew on the moved clock (the old one may have
     * expired: a test that wants it, keeps it with {@link #withToken}).
     */
    private JsonNode clock(Map<String, Object> body) {
        Response response = post("/emulator/v1/clock", body);
        if (response.status() != 200) {
            throw new AssertionError("clock change refused: " + response.status() + " " + response.text());
        }
        renewToken();
        return response.json();
    }

    /** A fresh management token for this client, minted on the server clock as it reads now. */
    public Client renewToken() {
        token = server.tokens().management(workspace, Duration.ofHours(1));
        return this;
    }

    /** body: null (no body), a String (sent as is), a byte[] (sent as is) or an object (sent as JSON). */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        byte[] sent = body == null ? null : body instanceof byte[] bytes ? bytes
                : (body instanceof String text ? text : write(body)).getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = sent == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(sent);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            OpenApiContract.get().check(method, path, sent, response.statusCode(), type, response.body(),
                    name -> response.headers().firstValue(name).orElse(null));
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), type,
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, raw text, its headers (names in any case) and (lazily) its JSON. */
    public record Response(int status, String text, String contentType, Map<String, List<String>> headers) {
        /** An answer read some other way, without its headers. */
        public Response(int status, String text, String contentType) {
            this(status, text, contentType, Map.of());
        }

        /** The first value of header {@code name} (any case), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public String at(String pointer) {
            return json().at(pointer).asText();
        }
    }
}
