package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches a presigned URL as a client would: no token, the link is the key. */
final class Download {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record File(String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Download() {}

    static File of(String url) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("GET %s: %s", url, new String(r.body())).isEqualTo(200);
            return new File(r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The asset's bytes through {@code GET /v2/recording-assets/{id}/presigned-url}. */
    static File asset(Client api, String assetId) {
        Client.Response r = api.get("/v2/recording-assets/" + assetId + "/presigned-url");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return of(r.at("/url"));
    }
}
