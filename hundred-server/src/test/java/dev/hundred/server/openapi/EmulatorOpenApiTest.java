package dev.hundred.server.openapi;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.ServedRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The emulator's part of the one document (/emulator/v1): each of its operations answers 404 with --emulator false,
 * the contract checks emulator exchanges against it, and a server run with --emulator false serves the document
 * without it (and without the components only it uses), while its /v2 part stays whole.
 */
class EmulatorOpenApiTest {
    private static final String PREFIX = "/emulator/v1/";
    private static final JsonNode DOCUMENT = OpenApiContract.get().document();

    @Test
    void everyEmulatorOperationAnswers404WithTheEmulatorOff() {
        List<String> problems = new ArrayList<>();
        ServedRoutes.malformed(DOCUMENT, (name, op) -> {
            if (name.contains(" " + PREFIX) && !op.path("responses").has("404")) {
                problems.add(name + ": no 404 (every /emulator path answers it with --emulator false)");
            }
        }, problems);
        assertThat(problems).isEmpty();
    }

    /** What every test's Client does with an /emulator/v1 exchange: the one contract checks it too. */
    @Test
    void theContractChecksEmulatorExchanges() {
        OpenApiContract contract = OpenApiContract.get();
        contract.check("GET", "/emulator/v1/clock", null, 200, "{\"now\":\"2026-12-01T10:00:00.5Z\",\"frozen\":false}",
                "application/json");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/clock", null, 200,
                "{\"now\":\"2026-12-01T10:00:00Z\",\"frozen\":false,\"offset\":3}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /emulator/v1/clock").hasMessageContaining("offset");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/jobs/x", null, 409,
                "{\"code\":409,\"message\":\"Conflict\",\"details\":[]}", "application/json"))
                .as("a status the operation does not plan is only the router's or Jetty's own")
                .isInstanceOf(AssertionError.class).hasMessageContaining("EmulatorUnplanned");
        assertThatThrownBy(() -> contract.check("POST", "/emulator/v1/faults", "{\"path\":\"/v2/rooms\",\"status\":503,\"time\":1}",
                200, "{}", "application/json"))
                .as("a request body the document refuses, though the server took it").isInstanceOf(AssertionError.class)
                .hasMessageContaining("(request)");
        assertThatThrownBy(() -> contract.check("POST", "/emulator/v1/faults", "{\"path\":\"/v2/rooms\",\"status\":503,"
                + "\"method\":\"BREW\"}", 200, "{}", "application/json"))
                .as("a fault's method is one the server accepts").isInstanceOf(AssertionError.class)
                .hasMessageContaining("(request)");
        // each operation's own messages, as on /v2; an injected fault's shape is not one of them (none applies here)
        contract.check("GET", "/emulator/v1/jobs/x", null, 404, "{\"code\":404,\"message\":\"Job not found\",\"details\":[]}",
                "application/json");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/jobs/x", null, 404,
                "{\"code\":404,\"message\":\"Room not found\",\"details\":[]}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("enumeration [\"Not found\", \"Job not found\"]");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/jobs/x", null, 404,
                "{\"code\":404,\"message\":\"gone\",\"details\":[\"injected fault 0123\"]}", "application/json"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/nothing-here", null, 200, "{}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no such operation");
    }

    @Test
    void withTheEmulatorOnTheServedDocumentIsTheWholeOne() {
        Client anonymous = Client.forNewWorkspace(Backends.server(Backends.H2)).withToken(null);
        assertThat(anonymous.get("/v2/openapi.json").json()).isEqualTo(DOCUMENT);
        assertThat(anonymous.get("/v2/openapi.yaml").text()).isEqualTo(OpenApiDocument.load().yaml());
    }

    @Test
    void withTheEmulatorOffTheServedDocumentHasNoEmulatorPathsNorWhatOnlyTheyUse() throws Exception {
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb("mem").withEmulator(false)).start()) {
            Client anonymous = Client.forNewWorkspace(server).withToken(null);
            JsonNode served = anonymous.get("/v2/openapi.json").json();
            JsonNode fromYaml = new YAMLMapper().readTree(anonymous.get("/v2/openapi.yaml").text());
            assertThat(fromYaml).isEqualTo(served);

            // the router keeps the emulator's routes (every /emulator path answers 404 before them: http/Api)
            Set<String> expected = new TreeSet<>(ServedRoutes.served(server, "/"));
            expected.removeIf(op -> op.contains(" " + PREFIX));
            assertThat(ServedRoutes.documented(served)).isEqualTo(expected);
            // what only the emulator's operations use is gone; what /v2 uses as well stays
            assertThat(served.at("/components/schemas/ClockState").isMissingNode()).isTrue();
            assertThat(served.at("/components/responses/EmulatorUnplanned").isMissingNode()).isTrue();
            assertThat(served.at("/components/schemas/ActivePeer").isObject()).isTrue();
            assertThat(served.at("/components/schemas/Room").isObject()).isTrue();
            assertThat(served.toString()).doesNotContain("\"/emulator/v1/").doesNotContain("Emulator clock");
            assertError(anonymous.get("/emulator/v1/clock"), 404, "Not found");
        }
    }
}
