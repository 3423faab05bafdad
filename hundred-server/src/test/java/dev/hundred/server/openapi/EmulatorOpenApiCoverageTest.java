package dev.hundred.server.openapi;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
 * emulator.yaml and the router agree on what /emulator/v1 serves: every route Javalin has there is an operation
 * of the document, and every operation of the document is a route; the document is served without a token, and
 * not at all with --emulator false.
 */
class EmulatorOpenApiCoverageTest {
    private static final String PREFIX = "/emulator/v1/";

    private static JsonNode document() {
        return OpenApiContract.emulator().document();
    }

    @Test
    void everyRouteUnderEmulatorV1IsDocumented() {
        Set<String> missing = new TreeSet<>(ServedRoutes.served(Backends.server(Backends.H2), PREFIX));
        missing.removeAll(ServedRoutes.documented(document()));
        assertThat(missing).as("routes the server serves that emulator.yaml does not describe").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> extra = new TreeSet<>(ServedRoutes.documented(document()));
        extra.removeAll(ServedRoutes.served(Backends.server(Backends.H2), PREFIX));
        assertThat(extra).as("operations emulator.yaml describes that the server does not serve").isEmpty();
    }

    /** Only /emulator/v1 paths; a unique operationId; the path's parameters declared; responses, every error in the error shape. */
    @Test
    void everyOperationIsWellFormed() {
        List<String> problems = new ArrayList<>();
        document().path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith(PREFIX)) {
                problems.add(path + ": not under " + PREFIX);
            }
        });
        ServedRoutes.malformed(document(), (name, op) -> {
            if (!op.path("responses").has("404")) {
                problems.add(name + ": no 404 (every /emulator path answers it with --emulator false)");
            }
        }, problems);
        assertThat(problems).isEmpty();
    }

    /** What every test's Client does with an /emulator/v1 exchange: the /v2 contract hands it to this document. */
    @Test
    void theContractChecksEmulatorExchangesAgainstThisDocument() {
        OpenApiContract contract = OpenApiContract.get();
        contract.check("GET", "/emulator/v1/clock", null, 200, "{\"now\":\"2026-12-01T10:00:00.5Z\",\"frozen\":false}",
                "application/json");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/clock", null, 200,
                "{\"now\":\"2026-12-01T10:00:00Z\",\"frozen\":false,\"offset\":3}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /emulator/v1/clock").hasMessageContaining("offset");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/jobs/x", null, 409,
                "{\"code\":409,\"message\":\"Conflict\",\"details\":[]}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status 409 is not declared");
        assertThatThrownBy(() -> contract.check("POST", "/emulator/v1/faults", "{\"path\":\"/v2/rooms\",\"status\":503,\"time\":1}",
                200, "{}", "application/json"))
                .as("a request body the document refuses, though the server took it").isInstanceOf(AssertionError.class)
                .hasMessageContaining("(request)");
        assertThatThrownBy(() -> contract.check("GET", "/emulator/v1/nothing-here", null, 200, "{}", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no such operation");
    }

    @Test
    void theDocumentIsServedWithoutATokenAsJsonAndYaml() {
        Client anonymous = Client.forNewWorkspace(Backends.server(Backends.H2)).withToken(null);
        Client.Response json = anonymous.get("/emulator/v1/openapi.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json()).isEqualTo(document());
        Client.Response yaml = anonymous.get("/emulator/v1/openapi.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.text()).isEqualTo(OpenApiDocument.load(OpenApiDocument.EMULATOR_RESOURCE).yaml());
        // The rest of the emulator still wants its token.
        assertError(anonymous.get("/emulator/v1/clock"), 401, "Token validation error");
    }

    @Test
    void withTheEmulatorOffTheDocumentIsNotThere() {
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb("mem").withEmulator(false)).start()) {
            Client anonymous = Client.forNewWorkspace(server).withToken(null);
            assertError(anonymous.get("/emulator/v1/openapi.json"), 404, "Not found");
            assertError(anonymous.get("/emulator/v1/openapi.yaml"), 404, "Not found");
            assertThat(anonymous.get("/v2/openapi.json").status()).isEqualTo(200);
        }
    }
}
