package dev.hundred.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every answer carries X-Request-Id: the caller's when sane, a new one otherwise; a 5xx names it in details. */
class RequestIdTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(Client api, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.server().url() + path))
                .header("Authorization", "Bearer " + api.token());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_answer_without_an_id_given_gets_a_new_one_each_time() throws Exception {
        Client api = Client.forNewWorkspace(Backends.server(Backends.H2));
        String first = get(api, "/v2/rooms").headers().firstValue(RequestIds.HEADER).orElseThrow();
        String second = get(api, "/v2/rooms/nope").headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
        assertThat(get(api, "/no/such/path").headers().firstValue(RequestIds.HEADER)).isPresent();
    }

    @Test
    void a_sane_id_is_kept_and_anything_else_replaced() throws Exception {
        Client api = Client.forNewWorkspace(Backends.server(Backends.H2));
        assertThat(get(api, "/v2/rooms", RequestIds.HEADER, "lb-7f3a:req/42").headers().firstValue(RequestIds.HEADER))
                .hasValue("lb-7f3a:req/42");
        for (String insane : new String[] {"has space", "x".repeat(129), "quote\"d", "<script>"}) {
            assertThat(get(api, "/v2/rooms", RequestIds.HEADER, insane).headers().firstValue(RequestIds.HEADER).orElseThrow())
                    .as(insane).matches(UUID);
        }
    }

    @Test
    void an_internal_error_names_its_request_id_in_details_and_an_injected_fault_answers_exactly_as_asked() throws Exception {
        try (Hundred broken = Backends.fresh(Backends.H2)) {
            Client api = Client.forNewWorkspace(broken);
            HttpResponse<String> injected = get(api, "/v2/rooms", "X-Hundred-Fault", "status=503", RequestIds.HEADER, "trace-503");
            assertThat(injected.statusCode()).isEqualTo(503);
            assertThat(injected.body()).doesNotContain("trace-503");

            broken.database().tx(h -> h.execute("DROP TABLE emulator_faults")); // what every request reads: now each fails
            HttpResponse<String> failed = get(api, "/emulator/v1/faults", RequestIds.HEADER, "trace-500");
            assertThat(failed.statusCode()).isEqualTo(500);
            JsonNode body = Client.JSON.readTree(failed.body());
            assertThat(body.path("message").asText()).isEqualTo("Internal server error");
            assertThat(body.path("details").toString()).isEqualTo("[\"request_id: trace-500\"]");
        }
    }

    @Test
    void jettys_own_refusals_carry_one_too() throws Exception {
        Hundred server = Backends.server(Backends.H2);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v2/rooms/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsPattern("(?i)x-request-id: " + UUID.pattern());
        }
    }
}
