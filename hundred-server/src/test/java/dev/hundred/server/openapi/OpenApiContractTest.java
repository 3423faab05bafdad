package dev.hundred.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.OpenApiContract;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The document is served without a token, as JSON and as the same YAML; and the contract the test Client
 * applies does refuse what the document does not allow (else every API test passing would prove nothing).
 */
class OpenApiContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.get();
    private static final String ROOM = "/v2/rooms/0123456789abcdef01234567";
    private static final String ERROR = "{\"code\":400,\"message\":\"Bad Request\",\"details\":[]}";

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentIsServedWithoutATokenAsJsonAndYaml() throws Exception {
        Client anonymous = Client.forNewWorkspace(Backends.server(Backends.H2)).withToken(null);
        Client.Response json = anonymous.get("/v2/openapi.json");
        Client.Response yaml = anonymous.get("/v2/openapi.yaml");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.at("/openapi")).isEqualTo("3.1.0");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.text());
        assertThat(new ObjectMapper().readTree(json.text())).isEqualTo(fromYaml);
    }

    @Test
    void aResponseBodyTheSchemaRefusesFails() {
        String room = "{\"id\":\"0123456789abcdef01234567\",\"name\":\"a\",\"enabled\":\"yes\"}";
        assertThatThrownBy(() -> CONTRACT.check("GET", ROOM, null, 200, room, "application/json"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v2/rooms/{room_id}").hasMessageContaining("/enabled");
    }

    @Test
    void aStatusTheOperationDoesNotDeclareFails() {
        assertThatThrownBy(() -> CONTRACT.check("GET", ROOM, null, 201, "{}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status 201 is not declared");
    }

    @Test
    void anErrorNotInTheErrorShapeFails() {
        assertThatThrownBy(() -> CONTRACT.check("GET", ROOM, null, 404, "{\"error\":\"no\"}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("required property 'code' not found");
    }

    @Test
    void anAcceptedRequestBodyTheSchemaRefusesFailsButARefusedOneIsNotChecked() {
        String refused = "{\"code\":400,\"message\":\"Invalid body param\",\"details\":[]}";
        CONTRACT.check("POST", "/v2/rooms", "{\"size\":\"big\"}", 400, refused, "application/json");
        assertThatThrownBy(() -> CONTRACT.check("POST", "/v2/rooms", "{\"size\":\"big\"}", 200, "{}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("(request)");
        // a null member reads as an absent one (the server binds it so): not refused, a wrong type beside it still is
        assertThatThrownBy(() -> CONTRACT.check("POST", "/v2/rooms", "{\"name\":null,\"size\":\"big\"}", 200, "{}",
                "application/json")).isInstanceOf(AssertionError.class).hasMessageContaining("(request)")
                .hasMessageNotContaining("/name");
    }

    @Test
    void aQueryValueOfASuccessOutsideItsSchemaFails() {
        String page = "{\"limit\":10,\"data\":null,\"last\":\"\"}";
        CONTRACT.check("GET", "/v2/rooms?enabled=false&limit=20&colour=red", null, 200, page, "application/json");
        // read as the server reads them (http/Params): blanks around an integer, 1 and 0 for a boolean
        CONTRACT.check("GET", "/v2/rooms?enabled=1&limit=%2010%20", null, 200, page, "application/json");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/rooms?limit=ten", null, 200, page, "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("(query limit)");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/rooms?enabled=maybe", null, 200, page, "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("(query enabled)");
    }

    @Test
    void aRealExchangeIsChecked() {
        Client api = Client.forNewWorkspace(Backends.server(Backends.H2));
        Client.Response room = api.post("/v2/rooms", Map.of("name", "contract-room"));
        assertThat(room.status()).isEqualTo(200);
        CONTRACT.check("GET", "/v2/rooms/" + room.at("/id"), null, 200, room.text(), "application/json");
    }

    @Test
    void anAbsoluteTargetIsCheckedByItsPathAndDotSegmentsAsTheRouterTakesThem() {
        String room = "{\"id\":\"0123456789abcdef01234567\",\"name\":\"a\",\"enabled\":\"yes\"}";
        assertThatThrownBy(() -> CONTRACT.check("GET", "https://api.100ms.live" + ROOM + "?x=1", null, 200, room, "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v2/rooms/{room_id}");
        // Jetty does not resolve dot segments: "/v2/rooms/." is the room whose id is "." (a trailing slash is dropped)
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/rooms/./", null, 200, room, "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v2/rooms/{room_id}");
        CONTRACT.check("GET", "/v2/polls/.", null, 404, "{\"code\":404,\"message\":\"Poll not found\",\"details\":[]}",
                "application/json");
        // outside /v2 (a presigned link): the document describes it too
        String link = "http://127.0.0.1:1/assets/v1/a/chat.csv?expires=1&signature=" + "0".repeat(64);
        CONTRACT.check("GET", link, null, 200, "a,b\n", "text/csv; charset=utf-8");
        assertThatThrownBy(() -> CONTRACT.check("GET", link, null, 200, "a,b\n", "text/html"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /assets/v1/{asset_id}/{file}")
                .hasMessageContaining("content type 'text/html' is not declared");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/nowhere", null, 200, "", "text/plain"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no such operation");
    }

    /** Javalin's {@code <path>} is the document's {@code {path}} marked x-segments: many: slashes and all. */
    @Test
    void anHlsPathOfSeveralSegmentsIsOneOperation() {
        String playlist = "/hls/v1/0123456789abcdef01234567/tok/stream_0/stream.m3u8";
        CONTRACT.check("GET", playlist, null, 200, "#EXTM3U\n", "application/vnd.apple.mpegurl");
        CONTRACT.check("GET", "/hls/v1/s/tok/master.m3u8", null, 200, "#EXTM3U\n", "application/vnd.apple.mpegurl");
        CONTRACT.check("HEAD", "/hls/v1/s/tok/stream_0/seg_1.m4s", null, 200, null, "video/mp4");
        assertThatThrownBy(() -> CONTRACT.check("GET", playlist, null, 200, "#EXTM3U\n", "text/plain"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /hls/v1/{stream_id}/{token}/{path}");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/hls/v1/s/tok", null, 200, "", "video/mp4"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no such operation");
    }

    /** A binary answer is checked for its status, content type and the headers the document declares for it. */
    @Test
    void aDeclaredResponseHeaderOutsideItsSchemaFails() {
        String link = "/assets/v1/a/a.mp4?expires=1&signature=" + "0".repeat(64);
        Map<String, String> partial = Map.of("content-range", "bytes 0-9/100", "content-length", "10", "accept-ranges", "bytes");
        CONTRACT.check("GET", link, null, 206, "video/mp4", new byte[10], name -> partial.get(name.toLowerCase()));
        assertThatThrownBy(() -> CONTRACT.check("GET", link, null, 206, "video/mp4", new byte[10],
                name -> name.equalsIgnoreCase("Content-Range") ? "0-9/100" : null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("(header Content-Range)");
        assertThatThrownBy(() -> CONTRACT.check("GET", link, null, 416, "application/json",
                bytes("{\"code\":416,\"message\":\"Range not satisfiable\",\"details\":[]}"),
                name -> name.equalsIgnoreCase("Content-Range") ? "bytes 0-9/100" : null))
                .as("a 416 says only the size").isInstanceOf(AssertionError.class).hasMessageContaining("(header Content-Range)");
    }

    @Test
    void aRefusalBeforeRoutingIsCheckedForItsErrorShapeOnly() {
        CONTRACT.refused("GET", "/v2/rooms?name=" + "a".repeat(20), 414, "application/json", bytes(ERROR.replace("400", "414")));
        CONTRACT.refused("HEAD", "/v2/rooms", 431, "", null);
        CONTRACT.refused("OPTIONS", "*", 400, "text/html", bytes("<html>"));
        assertThatThrownBy(() -> CONTRACT.refused("POST", "/v2/rooms", 400, "text/html", bytes("<html>")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not application/json");
        assertThatThrownBy(() -> CONTRACT.refused("POST", "/v2/rooms", 400, "application/json", bytes("{\"error\":1}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("required property 'code' not found");
        assertThatThrownBy(() -> CONTRACT.refused("GET", "/v2/rooms", 200, "application/json", bytes("{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("answers an error");
    }
}
