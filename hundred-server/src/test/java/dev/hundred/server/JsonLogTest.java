package dev.hundred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import dev.hundred.server.support.Client;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve --log-format json}: every line on stderr is one JSON object; each request gets an access line. */
@BesideOthers
class JsonLogTest {

    @Test
    void every_line_is_json_and_a_request_is_logged_with_its_id_route_status_and_duration() throws Exception {
        try (ChildServer server = ChildServer.start("mem", List.of("--log-format", "json"))) {
            HttpResponse<String> answer = server.send("GET", "/v2/rooms/0123456789abcdef01234567", null);
            assertThat(answer.statusCode()).isEqualTo(404);
            String id = answer.headers().firstValue("X-Request-Id").orElseThrow();

            JsonNode access = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<JsonNode> lines = new ArrayList<>();
            while (access == null && System.nanoTime() < deadline) {
                lines.clear();
                for (String line : server.log().split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    // SLF4J's replay warning: logging set up by two threads at once (main/StartUp must not race)
                    assertThat(line).as("stderr of a start").doesNotStartWith("SLF4J");
                    lines.add(Client.JSON.readTree(line)); // throws, failing the test, on a line that is not JSON
                }
                access = lines.stream().filter(l -> l.path("request_id").asText().equals(id)).findFirst().orElse(null);
                if (access == null) {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a poll interval
                }
            }
            assertThat(access).as("an access line for request %s in %s", id, lines).isNotNull();
            assertThat(access.path("logger").asText()).isEqualTo(LogSetup.ACCESS_LOGGER);
            assertThat(access.path("level").asText()).isEqualTo("INFO");
            assertThat(access.path("method").asText()).isEqualTo("GET");
            assertThat(access.path("route").asText()).isEqualTo("/v2/rooms/{room_id}");
            assertThat(access.path("status").isInt()).isTrue();
            assertThat(access.path("status").asInt()).isEqualTo(404);
            assertThat(access.path("duration_ms").isNumber()).isTrue();
            assertThat(access.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }
}
