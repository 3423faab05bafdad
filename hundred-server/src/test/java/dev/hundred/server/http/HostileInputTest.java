package dev.hundred.server.http;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input that used to get a 500 or an answer out of the 100ms error shape (issue 7): Jetty's own refusals,
 * bad escapes, bodies that end early, NUL characters, years the databases cannot store, over-long values.
 * Each answer is a 4xx in the error shape, the same on H2 and PostgreSQL, and nothing is written.
 */
class HostileInputTest extends ApiTestBase {

    /**
     * One raw HTTP/1.1 exchange: what is written is exactly what the client sends, then it half-closes. It
     * reaches routing, so it is checked against the OpenAPI document as any other (RawHttp.checked).
     */
    private Client.Response raw(String request) {
        return RawHttp.checked(api.server().port(), request).response();
    }

    /**
     * One Jetty refuses before routing (broken HTTP on purpose): no operation describes it, so only its error
     * shape is checked against the document (RawHttp.refused, OpenApiContract.refused).
     */
    private Client.Response refused(String request) {
        return RawHttp.refused(api.server().port(), request).response();
    }

    private void assertShape(Client.Response r, int status) {
        assertThat(r.contentType()).as(r.text()).startsWith("application/json");
        assertError(r, status, r.json().path("message").asText());
    }

    @Test
    void jettys_own_refusals_are_in_the_error_shape() {
        String bearer = "Authorization: Bearer " + api.token() + "\r\n";
        assertShape(refused("GET /v2/rooms/%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        assertShape(refused("GET /healthz HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"), 400);
        assertShape(refused("GET /healthz HTTP/1.1\r\n\r\n"), 400);
        assertShape(refused("POST /v2/rooms HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc"), 400);
        assertShape(refused("GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n"), 417);
        assertShape(refused("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n"), 431);
        assertShape(refused("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        assertThat(refused("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").json().has("code")).isTrue();
        assertThat(refused("CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n").status()).isBetween(400, 499);
        assertShape(refused("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), 426);
        Client.Response escape = raw("GET /v2/rooms/%u0041 HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n");
        assertError(escape, 400, "Invalid path parameter", "the path has an invalid percent-escape");
    }

    @Test
    void a_body_that_ends_before_its_length_or_chunk_is_400_and_writes_nothing() {
        String bearer = "Authorization: Bearer " + api.token() + "\r\n";
        assertError(raw("POST /v2/rooms HTTP/1.1\r\nHost: x\r\n" + bearer + "Content-Length: 50\r\n\r\n{\"name\":"), 400,
                "Invalid body param", "the body ended before its declared length");
        assertError(raw("POST /v2/rooms HTTP/1.1\r\nHost: x\r\n" + bearer + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"na"),
                400, "Invalid body param", "the body ended before its declared length");
        assertThat(api.get("/v2/rooms").json().path("data").isNull()).isTrue();
    }

    @Test
    void nul_characters_are_refused_in_bodies_queries_and_paths() {
        assertError(api.post("/v2/rooms", Map.of("name", "a\u0000b")), 400, "Invalid body param",
                "name must not contain NUL characters");
        assertError(api.post("/v2/rooms", Map.of("description", "x", "webhook", Map.of("url", "http://h/\u0000"))), 400,
                "Invalid body param", "webhook.url must not contain NUL characters");
        assertError(api.post("/v2/token", Map.of("code", "abc-\u0000")), 400, "Invalid body param",
                "code must not contain NUL characters");
        assertError(api.get("/v2/rooms?name=a%00b"), 400, "Invalid query parameter", "name must not contain NUL characters");
        assertError(api.get("/v2/sessions?room_id=%00"), 400, "Invalid query parameter",
                "room_id must not contain NUL characters");
        assertError(api.get("/v2/rooms/abc%00def"), 400, "Bad Request"); // Jetty refuses it itself
        assertThat(api.get("/v2/rooms").json().path("data").isNull()).isTrue();
    }

    @Test
    void years_the_databases_cannot_store_are_400() {
        for (String path : new String[] {"/v2/rooms", "/v2/sessions"}) {
            assertError(api.get(path + "?after=%2B999999999-12-31T23:59:59Z"), 400, "Invalid query parameter",
                    "after must be an RFC 3339 timestamp");
            assertError(api.get(path + "?before=0000-12-31T23:59:59Z"), 400, "Invalid query parameter",
                    "before must be an RFC 3339 timestamp");
            assertThat(api.get(path + "?after=9999-12-31T23:59:59Z").status()).isEqualTo(200);
        }
    }

    @Test
    void over_long_values_are_400_with_the_field_named() {
        assertError(api.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:9/hook", "signing_secret",
                "s".repeat(1000))), 400, "Invalid body param", "signing_secret must be at most 512 characters");
        assertError(api.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:9/" + "p".repeat(5000))), 400,
                "Invalid body param", "url must be at most 4096 characters");
        assertThat(api.get("/emulator/v1/webhook").status()).isEqualTo(404);
        String room = Live.room(api);
        JsonNode kept = api.get("/v2/rooms/" + room).json();
        assertError(api.post("/v2/rooms/" + room, Map.of("name", "n".repeat(300))), 400, "Invalid body param");
        assertThat(api.get("/v2/rooms/" + room).json()).isEqualTo(kept);
    }

    @Test
    void the_query_is_read_as_utf8_whatever_charset_the_content_type_names() {
        // Found by the fuzz (FuzzTest): an unknown charset made every query parameter vanish, so filters,
        // limits and the NUL check were skipped; a known one (ISO-8859-1) misread non-ASCII escapes.
        for (String type : new String[] {"application/json; charset=nonsense", "text/plain; charset=ISO-8859-1"}) {
            Map<String, String> header = Map.of("Content-Type", type);
            assertError(api.send("GET", "/v2/rooms?limit=abc", null, header), 400, "Invalid query parameter",
                    "limit must be an integer");
            assertError(api.send("GET", "/v2/sessions?room_id=a%00b", null, header), 400, "Invalid query parameter",
                    "room_id must not contain NUL characters");
        }
        // 200 escapes of é are 200 characters (within the 255 of room_id), not the 400 of their bytes
        String e200 = "%C3%A9".repeat(200);
        assertThat(api.send("GET", "/emulator/v1/events?room_id=" + e200, null,
                Map.of("Content-Type", "text/plain; charset=ISO-8859-1")).status()).isEqualTo(200);
        // the journal shows the header as sent (Jetty writes a charset it knows in lower case)
        JsonNode journaled = api.get("/emulator/v1/requests?path=/v2/rooms").json().path("requests").path(0);
        assertThat(journaled.path("headers").path("Content-Type").asText()).isEqualToIgnoringCase("text/plain; charset=ISO-8859-1");
    }

    @Test
    void head_answers_with_the_status_get_would() {
        // Found by the fuzz (FuzzTest): Javalin answered HEAD on any GET route 200 without running it.
        String bearer = "Authorization: Bearer " + api.token() + "\r\n";
        assertThat(raw("HEAD /v2/rooms/0123456789abcdef01234567 HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n").status()).isEqualTo(404);
        assertThat(raw("HEAD /v2/rooms?limit=abc HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n").status()).isEqualTo(400);
        assertThat(raw("HEAD /emulator/v1/webhook HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n").status()).isEqualTo(404);
        Client.Response ok = raw("HEAD /v2/rooms HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).isEmpty();
    }
}
