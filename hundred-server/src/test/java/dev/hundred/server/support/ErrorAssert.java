package dev.hundred.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Asserts a whole 100ms error body, field by field. */
public final class ErrorAssert {
    private ErrorAssert() {}

    /** status, code and message exactly; details exactly as given (pass none to require an array only). */
    public static void assertError(Client.Response response, int status, String message, String... details) {
        assertThat(response.status()).as("status of %s", response.text()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.path("code").asInt()).as("code").isEqualTo(status);
        assertThat(body.path("message").asText()).as("message").isEqualTo(message);
        assertThat(body.path("details").isArray()).as("details is an array in %s", body).isTrue();
        if (details.length > 0) {
            List<String> actual = new ArrayList<>();
            body.path("details").forEach(d -> actual.add(d.asText()));
            assertThat(actual).containsExactly(details);
        }
    }
}
