package dev.hundred.server.webhooks;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --webhook-allow-private false}: webhook URLs on loopback, private, link-local (metadata), CGNAT or
 * unique-local addresses are refused when configured, and a delivery to one (configured before, or a name
 * that resolves there now) fails without a request being sent.
 */
class WebhookTargetsTest {

    private static Hundred strict(String backend) {
        return new Hundred(Config.defaults().withPort(0).withDb(Backends.freshDb(backend))
                .withWebhooks(WebhookOptions.defaults().withAllowPrivate(false).withHorizon(Duration.ZERO)
                        .withRetries(List.of(Duration.ofMillis(50))))).start();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void private_targets_are_refused_at_configuration(String backend) {
        try (Hundred server = strict(backend)) {
            Client api = Client.forNewWorkspace(server);
            for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/h",
                    "http://192.168.1.1/h", "http://172.16.0.5/h", "http://169.254.169.254/latest/meta-data",
                    "http://[::1]:8080/h", "http://100.64.0.1/h", "http://[fd00::1]/h", "http://0.0.0.0/h")) {
                Client.Response refused = api.post("/emulator/v1/webhook", Map.of("url", url));
                assertError(refused, 400, "Invalid body param");
                assertThat(refused.json().path("details").get(0).asText()).as(url)
                        .startsWith("url resolves to a private address (").endsWith("refused with --webhook-allow-private false");
            }
            assertError(api.get("/emulator/v1/webhook"), 404, "Webhook not configured");
            // Public addresses are fine to configure (nothing is sent: nothing happens in this workspace).
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", "http://93.184.216.34/hook")).status()).isEqualTo(200);
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", "https://[2606:4700::1]/hook")).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_rooms_own_webhook_on_a_private_target_is_refused_at_create_and_update(String backend) {
        try (Hundred server = strict(backend)) {
            Client api = Client.forNewWorkspace(server);
            Client.Response created = api.post("/v2/rooms", Map.of("name", "private-hook",
                    "webhook", Map.of("url", "http://169.254.169.254/latest/meta-data")));
            assertError(created, 400, "Invalid body param");
            assertThat(created.json().path("details").get(0).asText())
                    .isEqualTo("webhook.url resolves to a private address (169.254.169.254), refused with --webhook-allow-private false");
            assertThat(api.get("/v2/rooms?name=private-hook").json().path("data").isNull())
                    .as("nothing was made").isTrue();

            String room = api.post("/v2/rooms", Map.of("name", "public-hook",
                    "webhook", Map.of("url", "http://93.184.216.34/hook"))).json().path("id").asText();
            Client.Response updated = api.post("/v2/rooms/" + room, Map.of("webhook", Map.of("url", "http://10.0.0.8/h")));
            assertError(updated, 400, "Invalid body param");
            assertThat(api.get("/v2/rooms/" + room).json().at("/webhook/url").asText())
                    .as("the room keeps its webhook").isEqualTo("http://93.184.216.34/hook");
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_delivery_to_a_private_target_fails_and_sends_nothing(String backend) {
        try (Hundred server = strict(backend); Receiver receiver = Receiver.ok()) {
            Client api = Client.forNewWorkspace(server);
            // A webhook set before the server ran with the flag: in the table, never validated by it.
            server.database().tx(h -> h.createUpdate("INSERT INTO workspace_webhooks (workspace_id, url, headers,"
                            + " updated_at) VALUES (:ws, :url, '{}', CURRENT_TIMESTAMP)")
                    .bind("ws", api.workspace().id()).bind("url", receiver.url()).execute());
            String room = Live.room(api);
            Live.join(api, room, "host", "Ann");
            JsonNode failed = awaitFailed(api, room);
            assertThat(failed.path("payload").path("error_reason").asText()).isEqualTo("target address not allowed: 127.0.0.1");
            assertThat(receiver.hits()).isEmpty();
        }
    }

    private static JsonNode awaitFailed(Client api, String room) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode events = api.get("/v2/analytics/webhooks?status=failed&room_id=" + room).json().path("events");
            if (events.size() > 0) {
                return events.get(0);
            }
            try {
                Thread.sleep(20); // a poll interval, not a wait for something to happen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no failed delivery within 20 s");
    }
}
