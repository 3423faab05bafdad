package dev.hundred.server.openapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.support.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * Resources are exact (docs/openapi.md): an answer with a field its schema lacks fails, while a request body
 * the server reads leniently (unknown fields ignored) may carry one; and the free-form parts stay free.
 */
class OpenApiResourcesTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.get();
    private static final String POLL = "{\"id\":\"0123456789abcdef01234567\",\"title\":\"t\",\"duration\":0,\"anonymous\":false,"
            + "\"mode\":\"userid\",\"type\":\"poll\",\"start\":\"auto\",\"questions\":[]}";

    @Test
    void aPollAnsweredWithAnUnknownFieldFailsButAPollBodyMayCarryOne() {
        CONTRACT.check("POST", "/v2/polls", "{\"title\":\"t\",\"extra\":[1]}", 200, POLL, "application/json");
        String withExtra = POLL.replace("\"questions\":[]", "\"questions\":[],\"extra\":1");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/polls/0123456789abcdef01234567", null, 200, withExtra,
                "application/json")).isInstanceOf(AssertionError.class).hasMessageContaining("extra");
    }

    @Test
    void aDestinationWithAFieldTheRecordLacksFails() {
        String destinations = "{\"browserRecordings\":{},\"rtmpDestinations\":{\"r\":{\"name\":\"r\",\"rtmpUrls\":[\"rtmp://a/b\"],"
                + "\"colour\":\"red\"}},\"hlsDestinations\":{},\"transcriptions\":{}}";
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/templates/0123456789abcdef01234567/destinations", null, 200,
                destinations, "application/json")).isInstanceOf(AssertionError.class).hasMessageContaining("colour");
        CONTRACT.check("GET", "/v2/templates/0123456789abcdef01234567/destinations", null, 200,
                destinations.replace(",\"colour\":\"red\"", ""), "application/json");
    }
}
