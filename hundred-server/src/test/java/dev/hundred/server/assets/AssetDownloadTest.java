package dev.hundred.server.assets;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.livestreams.Http;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recording assets through the API and their presigned links: the object, the list and its filters, a
 * link that serves the bytes (type, length, ranges, HEAD) and stops working once it expires on the
 * server clock or is tampered with. Assets are stored the way a job stores them (AssetService.create).
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class AssetDownloadTest {
    private static final byte[] CSV = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);

    @Parameter
    String backend;
    Client api;
    Hundred server;

    @BeforeEach
    void setUp() {
        server = Backends.own("assets", backend);
        api = Client.forNewWorkspace(server);
    }

    private Asset store(String roomId, String type, byte[] bytes) {
        String session = "0123456789abcdef01234567";
        return server.database().tx(h -> server.assets().create(h, api.workspace(), "aaaaaaaaaaaaaaaaaaaaaaaa", roomId,
                session, AssetDraft.completed(type, type.equals("chat") ? "chat.csv" : "Rec.mp4",
                        type.equals("chat") ? "text/csv" : "video/mp4", bytes, 0, Map.of())));
    }

    private static Http.Fetched fetch(String url, String method, Map<String, String> headers) {
        return Http.send(url, method, headers);
    }

    @Test
    void an_asset_reads_as_documented_and_lists_with_filters() {
        String room = Live.room(api);
        Asset chat = store(room, "chat", CSV);
        JsonNode one = api.get("/v2/recording-assets/" + chat.id()).json();
        assertThat(one.fieldNames()).toIterable().containsExactly("id", "job_id", "room_id", "session_id", "type", "path",
                "status", "size", "duration", "created_at", "thumbnails", "metadata");
        assertThat(one.path("size").asLong()).isEqualTo(CSV.length);
        assertThat(one.path("thumbnails").isNull()).isTrue();
        assertThat(one.path("path").asText()).startsWith("s3://hundred-recordings/" + api.workspace().customerId() + "/" + room + "/")
                .endsWith("/aaaaaaaaaaaaaaaaaaaaaaaa/chat.csv");

        String other = Live.room(api);
        Asset video = store(other, "room-composite", new byte[] {1, 2, 3});
        assertThat(api.get("/v2/recording-assets?room_id=" + room).json().path("data")).extracting(n -> n.path("id").asText())
                .containsExactly(chat.id());
        assertThat(api.get("/v2/recording-assets?type=room-composite").json().path("data"))
                .extracting(n -> n.path("id").asText()).containsExactly(video.id());
        assertThat(api.get("/v2/recording-assets").json().path("data")).extracting(n -> n.path("id").asText())
                .containsExactly(video.id(), chat.id());
        assertThat(api.get("/v2/recording-assets?start=" + video.id()).json().path("data"))
                .extracting(n -> n.path("id").asText()).containsExactly(chat.id());
        JsonNode empty = api.get("/v2/recording-assets?status=failed").json();
        assertThat(empty.path("data").isNull()).isTrue();
        assertThat(empty.path("last").asText()).isEmpty();
        assertError(api.get("/v2/recording-assets?status=done"), 400, "Invalid query parameter",
                "status must be one of completed, failed, processing");
        assertError(api.get("/v2/recording-assets/000000000000000000000000"), 404, "Asset not found");
        assertError(Client.forNewWorkspace(server).get("/v2/recording-assets/" + chat.id()), 404, "Asset not found");
    }

    @Test
    void the_storage_destination_of_the_room_makes_the_path() {
        String room = Live.room(api, Map.of("name", "bucketed-" + System.nanoTime(), "recording_info", Map.of("upload_info",
                Map.of("type", "gs", "location", "my-bucket", "prefix", "calls/", "credentials",
                        Map.of("key", "k", "secret", "s")))));
        assertThat(store(room, "chat", CSV).path()).startsWith("gs://my-bucket/calls/" + room + "/");
    }

    @Test
    void a_presigned_link_serves_the_bytes_with_ranges_until_it_expires() throws Exception {
        api.freezeClock(true); // expiry is checked to the second
        String room = Live.room(api);
        Asset chat = store(room, "chat", CSV);
        JsonNode link = api.get("/v2/recording-assets/" + chat.id() + "/presigned-url?presign_duration=600").json();
        assertThat(link.fieldNames()).toIterable().containsExactly("id", "path", "url", "expiry");
        assertThat(link.path("expiry").asLong()).isEqualTo(600);
        assertThat(link.path("path").asText()).isEqualTo(chat.path());
        String url = link.path("url").asText();
        assertThat(url).startsWith(server.url() + "/assets/v1/" + chat.id() + "/chat.csv?");

        Http.Fetched whole = fetch(url, "GET", Map.of());
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.bytes()).isEqualTo(CSV);
        assertThat(whole.header("Content-Type")).startsWith("text/csv");
        assertThat(whole.header("Content-Length")).isEqualTo(Integer.toString(CSV.length));
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");

        Http.Fetched part = fetch(url, "GET", Map.of("Range", "bytes=2-4"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(new String(part.bytes(), StandardCharsets.UTF_8)).isEqualTo("b,c");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 2-4/" + CSV.length);
        assertThat(new String(fetch(url, "GET", Map.of("Range", "bytes=-3")).bytes(), StandardCharsets.UTF_8)).isEqualTo(",3\n");
        assertThat(fetch(url, "GET", Map.of("Range", "bytes=8-")).bytes()).hasSize(CSV.length - 8);
        Http.Fetched beyond = fetch(url, "GET", Map.of("Range", "bytes=100-200"));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + CSV.length);
        Http.Fetched head = fetch(url, "HEAD", Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(CSV.length));

        String tampered = url.replace("expires=", "expires=9");
        Http.Fetched forged = fetch(tampered, "GET", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(new String(forged.bytes(), StandardCharsets.UTF_8)).contains("\"message\":\"Access denied\"")
                .contains("signature does not match");
        assertThat(fetch(url.substring(0, url.indexOf("&signature")), "GET", Map.of()).status()).isEqualTo(403);

        api.advanceClock(600);
        assertThat(fetch(url, "GET", Map.of()).status()).isEqualTo(200); // valid through its last second
        api.advanceClock(1);
        Http.Fetched expired = fetch(url, "GET", Map.of());
        assertThat(expired.status()).isEqualTo(403);
        assertThat(new String(expired.bytes(), StandardCharsets.UTF_8)).contains("the presigned URL has expired");
    }

    @Test
    void presign_duration_defaults_to_three_days_and_must_be_whole_seconds_up_to_seven_days() {
        Asset chat = store(Live.room(api), "chat", CSV);
        String path = "/v2/recording-assets/" + chat.id() + "/presigned-url";
        assertThat(api.get(path).json().path("expiry").asLong()).isEqualTo(3 * 24 * 3600);
        for (String bad : List.of("0", "-5", "1.5", "abc", "604801")) {
            assertError(api.get(path + "?presign_duration=" + bad), 400, "Invalid query parameter",
                    "presign_duration must be an integer from 1 to 604800 (seconds)");
        }
        assertError(Client.forNewWorkspace(server).get(path), 404, "Asset not found");
    }
}
