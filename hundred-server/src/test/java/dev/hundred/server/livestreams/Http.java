package dev.hundred.server.livestreams;

import dev.hundred.server.support.OpenApiContract;
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
 * A plain GET without a management token, as a player or a download tool makes it: status, type, bytes, headers.
 * The tests' one way to fetch a link the server gave (presigned asset URLs, HLS playlists); each exchange goes to
 * the {@link OpenApiContract} (/assets/v1 and /hls/v1 are in the document: status, content type, JSON bodies).
 */
public final class Http {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Fetched(int status, String contentType, byte[] bytes, long contentLength, Map<String, List<String>> headers) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
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
    }

    private Http() {}

    public static Fetched get(String url) {
        return send(url, "GET", Map.of());
    }

    public static Fetched head(String url) {
        return send(url, "HEAD", Map.of());
    }

    /** A request without a body, with these headers (a Range, say). */
    public static Fetched send(String url, String method, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::header);
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            OpenApiContract.get().check(method, url, null, r.statusCode(), type, r.body(),
                    name -> r.headers().firstValue(name).orElse(null));
            return new Fetched(r.statusCode(), type, r.body(), r.headers().firstValueAsLong("Content-Length").orElse(-1),
                    r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
