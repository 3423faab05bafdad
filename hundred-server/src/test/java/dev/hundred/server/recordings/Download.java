package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.livestreams.Http;
import dev.hundred.server.support.Client;

/** Fetches a presigned URL as a client would: no token, the link is the key (livestreams/Http). */
final class Download {
    record File(String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Download() {}

    static File of(String url) {
        Http.Fetched r = Http.get(url);
        assertThat(r.status()).as("GET %s: %s", url, r.text()).isEqualTo(200);
        return new File(r.contentType(), r.bytes());
    }

    /** The asset's bytes through {@code GET /v2/recording-assets/{id}/presigned-url}. */
    static File asset(Client api, String assetId) {
        Client.Response r = api.get("/v2/recording-assets/" + assetId + "/presigned-url");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return of(r.at("/url"));
    }
}
