package dev.hundred.client.net;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hundred.client.exception.ApiConnectionException;
import dev.hundred.client.exception.HmsException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes every API call: the management token, JSON in and out, the one re-mint after a 401, retries by
 * {@link RetryPolicy}, and error answers turned into {@link HmsException}s. Shared by every service.
 */
public final class Requester {
    private static final String USER_AGENT = "hundred-client/0.1 java/" + Runtime.version().feature();

    private final String baseUrl;
    private final Transport transport;
    private final TokenSource tokens;
    private final String fixedToken;
    private final Duration timeout;
    private final RetryPolicy retries;
    private final boolean idempotencyKeys;
    private final ObjectMapper json = Json.mapper();

    public Requester(String baseUrl, Transport transport, TokenSource tokens, String fixedToken, Duration timeout,
                     RetryPolicy retries, boolean idempotencyKeys) {
        this.baseUrl = trimmed(baseUrl);
        this.transport = transport;
        this.tokens = tokens;
        this.fixedToken = fixedToken;
        this.timeout = timeout;
        this.retries = retries;
        this.idempotencyKeys = idempotencyKeys;
    }

    public ObjectMapper json() {
        return json;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A call whose answer is decoded to {@code type}; null for a 204. */
    public <T> T call(String method, String path, Query query, Object body, JavaType type) {
        byte[] answer = send(method, path, query, body);
        if (answer.length == 0) {
            return null;
        }
        try {
            return json.readValue(answer, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer to " + method + " " + path, e);
        }
    }

    public <T> T call(String method, String path, Query query, Object body, Class<T> type) {
        return call(method, path, query, body, json.constructType(type));
    }

    /** A call whose answer is kept as a JSON tree (list envelopes, maps). */
    public JsonNode tree(String method, String path, Query query, Object body) {
        return call(method, path, query, body, JsonNode.class);
    }

    /** The raw body of a successful answer (empty for a 204). */
    public byte[] send(String method, String path, Query query, Object body) {
        boolean keyed = idempotencyKeys && method.equals("POST");
        return send(baseUrl, method, path, query, body, Auth.MANAGEMENT, keyed, keyed);
    }

    /**
     * A call not made with the management token, to another base URL: with {@code bearer} as the token (an
     * app token, for {@code POST /sip/dtmf}) or with none ({@code bearer} null: the room-code exchange). A 401
     * is thrown at once (no token to mint again). {@code idempotent}: the call changes nothing when repeated,
     * so it is retried like a GET; otherwise, with no Idempotency-Key (such paths have no workspace to keep
     * one in), only when the connection was refused.
     */
    public <T> T callWith(String base, String bearer, String method, String path, Object body, Class<T> type,
                          boolean idempotent) {
        Auth auth = bearer == null ? Auth.NONE : new Auth(false, bearer);
        byte[] answer = send(trimmed(base), method, path, null, body, auth, false, idempotent);
        try {
            return answer.length == 0 ? null : json.readValue(answer, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer to " + method + " " + path, e);
        }
    }

    /** How a call authenticates: the management token (minted again once after a 401), a given token, or none. */
    private record Auth(boolean management, String token) {
        static final Auth MANAGEMENT = new Auth(true, null);
        static final Auth NONE = new Auth(false, null);
    }

    private byte[] send(String base, String method, String path, Query query, Object body, Auth auth,
                        boolean withKey, boolean retrySafe) {
        URI uri = URI.create(base + path + (query == null || query.encoded().isEmpty() ? "" : "?" + query.encoded()));
        byte[] bytes = encode(method, body);
        String key = withKey ? UUID.randomUUID().toString() : null;
        boolean managed = auth.management() && fixedToken == null;
        boolean reminted = false;
        for (int retry = 0; ; retry++) {
            String token = !auth.management() ? auth.token() : fixedToken != null ? fixedToken : tokens.management();
            TransportRequest request = new TransportRequest(method, uri, headers(token, bytes != null, key), bytes, timeout);
            TransportResponse response;
            try {
                response = transport.send(request);
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw new ApiConnectionException(method + " " + uri + ": interrupted", e);
                }
                if (retry < retries.maxRetries() && retries.retriesFailure(e, method, retrySafe)) {
                    pause(retries.delay(retry + 1, null), method, uri, e);
                    continue;
                }
                throw new ApiConnectionException(method + " " + uri + ": " + e, e);
            }
            int status = response.status();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (status == 401 && !reminted && managed) {
                // as the Node SDK: a refused token is minted again and the call tried once more
                tokens.invalidate(token);
                reminted = true;
                retry--;
                continue;
            }
            if (RetryPolicy.retriedStatus(status) && retry < retries.maxRetries() && retries.safe(method, retrySafe)) {
                Duration wait = retries.delay(retry + 1, response.header("Retry-After"));
                if (wait != null) {
                    pause(wait, method, uri, null);
                    continue;
                }
            }
            throw error(response);
        }
    }

    private Map<String, List<String>> headers(String token, boolean hasBody, String key) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        if (token != null) {
            h.put("Authorization", List.of("Bearer " + token));
        }
        h.put("Accept", List.of("application/json"));
        h.put("User-Agent", List.of(USER_AGENT));
        if (hasBody) {
            h.put("Content-Type", List.of("application/json"));
        }
        if (key != null) {
            h.put("Idempotency-Key", List.of(key));
        }
        return h;
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private byte[] encode(String method, Object body) {
        if (body == null) {
            // the Node SDK sends {} on every body-less POST; the API accepts both
            return method.equals("POST") ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }

    private static void pause(Duration wait, String method, URI uri, IOException cause) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException(method + " " + uri + ": interrupted while waiting to retry",
                    cause != null ? cause : new InterruptedIOException());
        }
    }

    private HmsException error(TransportResponse response) {
        Integer code = null;
        String message = null;
        List<String> details = new ArrayList<>();
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.isObject()) {
                code = body.path("code").isInt() ? body.get("code").asInt() : null;
                message = body.path("message").isTextual() ? body.get("message").asText() : null;
                for (JsonNode d : body.path("details")) {
                    details.add(d.asText());
                }
            }
        } catch (IOException notJson) {
            message = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String requestId = response.header("X-Request-Id");
        return HmsException.of(response.status(), code, message, details, requestId);
    }
}
