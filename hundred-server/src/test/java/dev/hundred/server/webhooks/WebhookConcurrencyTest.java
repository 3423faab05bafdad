package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-receiver cap: with 8 requests in flight at most, of which 4 per receiver, a receiver that
 * hangs on ten rooms at once takes 4 slots, and another workspace's receiver still gets its webhook
 * at once (without the cap, the hanging rooms would take all 8 slots for the 5 s timeout).
 */
class WebhookConcurrencyTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_receiver_that_hangs_on_many_rooms_cannot_take_every_slot(String backend) {
        WebhookOptions small = new WebhookOptions(WebhookOptions.defaults().retries(), Duration.ofSeconds(5), 8, 4, Duration.ZERO, true);
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb(Backends.freshDb(backend)).withWebhooks(small)).start();
             Receiver dead = Receiver.hanging(); Receiver alive = Receiver.ok()) {
            Client stuck = Client.forNewWorkspace(server);
            Client fine = Client.forNewWorkspace(server);
            assertThat(stuck.post("/emulator/v1/webhook", Map.of("url", dead.url())).status()).isEqualTo(200);
            assertThat(fine.post("/emulator/v1/webhook", Map.of("url", alive.url())).status()).isEqualTo(200);

            List<RoomEvent> stuckEvents = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                stuckEvents.add(RoomEvents.peerJoin(stuck, RoomEvents.room(stuck, Map.of()), i));
            }
            RoomEvents.publish(server, stuckEvents);
            dead.await(4, Duration.ofSeconds(5));

            JsonNode room = RoomEvents.room(fine, Map.of());
            long start = System.nanoTime();
            RoomEvents.publish(server, List.of(RoomEvents.peerJoin(fine, room, 1)));
            alive.await(1, Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(dead.hits()).as("never more than 4 at once to one receiver").hasSize(4);
        }
    }
}
