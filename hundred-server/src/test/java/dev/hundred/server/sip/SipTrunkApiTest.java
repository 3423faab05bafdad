package dev.hundred.server.sip;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIP outbound trunks (spec §16): create and update answer {@code {"id"}}; every field checked; no password shown. */
class SipTrunkApiTest extends ApiTestBase {
    private static final String TRUNKS = "/v2/sip/outbound/trunks";

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = Sip.trunkBody();
        body.put(field, value);
        return body;
    }

    private Map<String, Object> without(String field) {
        Map<String, Object> body = Sip.trunkBody();
        body.remove(field);
        return body;
    }

    @Test
    void create_answers_only_the_trunk_id_and_keeps_no_password() {
        Client.Response created = api.post(TRUNKS, Sip.trunkBody());
        assertThat(created.status()).isEqualTo(200);
        assertThat(Sip.fields(created.json())).containsExactly("id");
        String id = created.at("/id");
        assertThat(id).matches("[0-9a-f]{24}");

        Client.Response shown = api.get("/emulator/v1/sip/trunks/" + id);
        assertThat(shown.status()).isEqualTo(200);
        JsonNode trunk = shown.json();
        assertThat(Sip.fields(trunk)).containsExactly("id", "username", "address", "from", "created_at", "updated_at");
        assertThat(trunk.path("username").asText()).isEqualTo("hundred-user");
        assertThat(trunk.path("address").asText()).isEqualTo("hundred.pstn.twilio.com");
        assertThat(trunk.path("from").asText()).isEqualTo("+15550100");
        assertThat(shown.text()).doesNotContain(Sip.PASSWORD);
    }

    @Test
    void every_field_is_mandatory_on_create() {
        for (String field : List.of("username", "password", "address", "from")) {
            assertError(api.post(TRUNKS, without(field)), 400, field + " is mandatory");
            assertError(api.post(TRUNKS, with(field, "")), 400, field + " is mandatory");
        }
        assertThat(api.post(TRUNKS, "{\"username\":\"u\",\"password\":\"p\",\"address\":\"a.example\"}").text())
                .isEqualTo("{\"code\":400,\"message\":\"from is mandatory\",\"details\":[]}");
        assertError(api.post(TRUNKS, null), 400, "username is mandatory");
    }

    @Test
    void addresses_are_sip_hosts_with_an_optional_port() {
        for (String ok : List.of("a.pstn.twilio.com", "sip:a.pstn.twilio.com", "SIPS:a.example:5061", "10.0.0.1:5060",
                "[2001:db8::1]:5060", "localhost", "x-1.example.")) {
            assertThat(api.post(TRUNKS, with("address", ok)).status()).as(ok).isEqualTo(200);
        }
        for (String bad : List.of("not a host", "a..b", "-a.example", "a.example:0", "a.example:99999", "a.example:",
                "http://a.example", "a.example/path", "a".repeat(64) + ".example", "a.example\r\nVia: x",
                ("a".repeat(60) + ".").repeat(5))) {
            assertError(api.post(TRUNKS, with("address", bad)), 400, "invalid address",
                    "address must be a SIP host: [sip:]host[:port], at most 255 characters");
        }
    }

    @Test
    void credentials_and_number_are_single_lines_of_bounded_length() {
        assertError(api.post(TRUNKS, with("username", "u".repeat(256))), 400, "invalid username");
        assertError(api.post(TRUNKS, with("username", "u\u0000")), 400, "Invalid body param",
                "username must not contain NUL characters");
        assertError(api.post(TRUNKS, with("address", "a\u0000.example")), 400, "Invalid body param",
                "address must not contain NUL characters");
        assertError(api.post(TRUNKS, with("from", "+1 555 0100")), 400, "invalid from");
        assertError(api.post(TRUNKS, with("from", "1".repeat(65))), 400, "invalid from");
        assertError(api.post(TRUNKS, with("from", "+1555\n")), 400, "invalid from");
        Client.Response badPassword = api.post(TRUNKS, with("password", Sip.PASSWORD + "\n" + "p".repeat(300)));
        assertError(badPassword, 400, "invalid password");
        assertThat(badPassword.text()).doesNotContain(Sip.PASSWORD);
        assertThat(api.post(TRUNKS, with("username", "u".repeat(255))).status()).isEqualTo(200);
    }

    @Test
    void wrong_types_are_invalid_body_params() {
        assertError(api.post(TRUNKS, with("username", 5)), 400, "Invalid body param", "username must be a string");
        assertError(api.post(TRUNKS, with("password", true)), 400, "Invalid body param", "password must be a string");
        assertError(api.post(TRUNKS, with("address", List.of("a"))), 400, "Invalid body param", "address must be a string");
        assertError(api.post(TRUNKS, "[1]"), 400, "Invalid body param", "body must be a JSON object");
        assertError(api.post(TRUNKS, "{"), 400, "Invalid body param", "malformed JSON");
    }

    @Test
    void update_changes_the_fields_sent_and_answers_the_id() {
        String id = Sip.trunk(api);
        Client.Response updated = api.post(TRUNKS + "/" + id, Map.of("from", "+15550199", "password", "new-one"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text()).isEqualTo("{\"id\":\"" + id + "\"}");
        JsonNode trunk = api.get("/emulator/v1/sip/trunks/" + id).json();
        assertThat(trunk.path("from").asText()).isEqualTo("+15550199");
        assertThat(trunk.path("username").asText()).isEqualTo("hundred-user");

        Map<String, Object> all = Sip.trunkBody();
        all.put("address", "sip:other.example:5080");
        assertThat(api.post(TRUNKS + "/" + id, all).status()).isEqualTo(200);
        assertThat(api.get("/emulator/v1/sip/trunks/" + id).at("/address")).isEqualTo("sip:other.example:5080");
        assertThat(api.post(TRUNKS + "/" + id, null).status()).as("nothing to change").isEqualTo(200);

        assertError(api.post(TRUNKS + "/" + id, Map.of("address", "")), 400, "address is mandatory");
        assertError(api.post(TRUNKS + "/" + id, Map.of("address", "no way")), 400, "invalid address");
        assertError(api.post(TRUNKS + "/" + id, Map.of("from", 7)), 400, "Invalid body param", "from must be a string");
        assertThat(api.get("/emulator/v1/sip/trunks/" + id).at("/address")).isEqualTo("sip:other.example:5080");
    }

    @Test
    void unknown_and_another_workspaces_trunks_are_not_found() {
        String theirs = Sip.trunk(Client.forNewWorkspace(api.server()));
        for (String id : List.of(theirs, "000000000000000000000000", "nope", "%20", "F".repeat(24))) {
            assertError(api.post(TRUNKS + "/" + id, Sip.trunkBody()), 404, "trunk not found");
            assertError(api.get("/emulator/v1/sip/trunks/" + id), 404, "trunk not found");
        }
    }

    @Test
    void the_management_token_is_required() {
        assertError(api.withToken(null).post(TRUNKS, Sip.trunkBody()), 401, "Token validation error");
        String app = Live.appToken(api, Live.room(api), "host", "u1");
        assertError(api.withToken(app).post(TRUNKS, Sip.trunkBody()), 403, "Token validation error");
    }
}
