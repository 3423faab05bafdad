package dev.hundred.server.livestreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain GET without a management token, as a player or a download tool makes it: status, type, bytes. */
public final class Http {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Fetched(int status, String contentType, byte[] bytes, long contentLength) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Http() {}

    public static Fetched get(String url) {
        return send(url, "GET");
    }

    public static Fetched head(String url) {
        return send(url, "HEAD");
    }

    private static Fetched send(String url, String method) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValueAsLong("Content-Length").orElse(-1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
