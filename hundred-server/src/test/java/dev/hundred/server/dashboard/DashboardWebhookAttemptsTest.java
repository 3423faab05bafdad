package dev.hundred.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attempts at a delivery, which the API's history does not show, for the dashboard's webhook page. */
class DashboardWebhookAttemptsTest extends ApiTestBase {

    @Test
    void each_attempt_shows_the_receivers_status_to_its_own_workspace_only() throws Exception {
        try (Receiver receiver = Receiver.answering(n -> 500)) {
            api.post("/emulator/v1/webhook", Map.of("url", receiver.url()));
            String room = api.post("/v2/rooms", Map.of("name", "hooks-" + backend)).at("/id");
            api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host"));
            JsonNode open = api.get("/emulator/v1/events?type=session.open.success&room_id=" + room + "&wait_seconds=10")
                    .json().get("events").get(0);
            String eventId = open.get("id").asText();
            receiver.await(1, Duration.ofSeconds(15));

            Browser b = new Browser(api.server());
            b.signIn(api.workspace().accessKey(), api.workspace().secret());
            JsonNode attempts = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) { // the attempt's row is written once its answer came
                attempts = b.call("GET", "/dashboard/api/webhooks/" + eventId + "/attempts", null).response().json().get("attempts");
                if (attempts.size() > 0) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(attempts.size()).as("attempts").isGreaterThan(0);
            assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(1);
            assertThat(attempts.get(0).get("status_code").asInt()).isEqualTo(500);
            assertThat(attempts.get(0).get("started_at").asText()).endsWith("Z");

            Client stranger = Client.forNewWorkspace(api.server());
            Browser other = new Browser(api.server());
            other.signIn(stranger.workspace().accessKey(), stranger.workspace().secret());
            assertThat(other.call("GET", "/dashboard/api/webhooks/" + eventId + "/attempts", null).response()
                    .json().get("attempts").size()).as("another workspace's delivery").isZero();
            assertThat(new Browser(api.server()).call("GET", "/dashboard/api/webhooks/" + eventId + "/attempts", null).status())
                    .isEqualTo(401);
        }
    }
}
