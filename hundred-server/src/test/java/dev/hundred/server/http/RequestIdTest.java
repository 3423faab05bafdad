package dev.hundred.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.RawHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every answer carries X-Request-Id: the caller's when sane, a new one otherwise; a 5xx names it in details. */
class RequestIdTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A GET through the test Client (so the exchange is checked against the OpenAPI document), with headers. */
    private static Client.Response get(Client api, String path, String... headers) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        return api.send("GET", path, null, extra);
    }

    private static String id(Client.Response r) {
        String id = r.header(RequestIds.HEADER);
        assertThat(id).as("%s on an answer %s", RequestIds.HEADER, r.status()).isNotNull();
        return id;
    }

    @Test
    void an_answer_without_an_id_given_gets_a_new_one_each_time() throws Exception {
        Client api = Client.forNewWorkspace(Backends.server(Backends.H2));
        String first = id(get(api, "/v2/rooms"));
        String second = id(get(api, "/v2/rooms/nope"));
        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
        assertThat(get(api, "/no/such/path").header(RequestIds.HEADER)).isNotNull();
    }

    @Test
    void a_sane_id_is_kept_and_anything_else_replaced() throws Exception {
        Client api = Client.forNewWorkspace(Backends.server(Backends.H2));
        assertThat(get(api, "/v2/rooms", RequestIds.HEADER, "lb-7f3a:req/42").header(RequestIds.HEADER))
                .isEqualTo("lb-7f3a:req/42");
        for (String insane : new String[] {"has space", "x".repeat(129), "quote\"d", "<script>"}) {
            assertThat(id(get(api, "/v2/rooms", RequestIds.HEADER, insane))).as(insane).matches(UUID);
        }
    }

    @Test
    void an_internal_error_names_its_request_id_in_details_and_an_injected_fault_answers_exactly_as_asked() throws Exception {
        try (Hundred broken = Backends.fresh(Backends.H2)) {
            Client api = Client.forNewWorkspace(broken);
            Client.Response injected = get(api, "/v2/rooms", "X-Hundred-Fault", "status=503", RequestIds.HEADER, "trace-503");
            assertThat(injected.status()).isEqualTo(503);
            assertThat(injected.text()).doesNotContain("trace-503");

            broken.database().tx(h -> h.execute("DROP TABLE emulator_faults")); // what every request reads: now each fails
            Client.Response failed = get(api, "/emulator/v1/faults", RequestIds.HEADER, "trace-500");
            assertThat(failed.status()).isEqualTo(500);
            JsonNode body = failed.json();
            assertThat(body.path("message").asText()).isEqualTo("Internal server error");
            assertThat(body.path("details").toString()).isEqualTo("[\"request_id: trace-500\"]");
        }
    }

    @Test
    void jettys_own_refusals_carry_one_too() {
        Hundred server = Backends.server(Backends.H2);
        // broken HTTP on purpose (an invalid escape): only its error shape is checked (RawHttp.refused)
        RawHttp.Answer answer = RawHttp.refused(server.port(), "GET /v2/rooms/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header(RequestIds.HEADER)).matches(UUID);
    }
}
