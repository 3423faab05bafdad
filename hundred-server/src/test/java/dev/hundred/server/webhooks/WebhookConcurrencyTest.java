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
        // A 60 s attempt timeout: no slot frees during the test, so the other workspace's webhook arriving at
        // all (within the await's deadline) shows the cap left it a slot.
        WebhookOptions small = new WebhookOptions(WebhookOptions.defaults().retries(), Duration.ofSeconds(60), 8, 4,
                Duration.ZERO, true);
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
            RoomEvents.publish(server, List.of(RoomEvents.peerJoin(fine, room, 1)));
            alive.await(1, Duration.ofSeconds(20));
            assertThat(dead.hits()).as("never more than 4 at once to one receiver").hasSize(4);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_dead_receiver_for_one_room_does_not_hold_up_another_room(String backend) {
        WebhookOptions patient = WebhookOptions.defaults().withTimeout(Duration.ofSeconds(60));
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb(Backends.freshDb(backend)).withWebhooks(patient)).start();
             Receiver dead = Receiver.hanging(); Receiver alive = Receiver.ok()) {
            Client api = Client.forNewWorkspace(server);
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", alive.url())).status()).isEqualTo(200);
            JsonNode stuck = RoomEvents.room(api, Map.of("name", "stuck", "webhook", Map.of("url", dead.url())));
            JsonNode fine = RoomEvents.room(api, Map.of("name", "fine"));
            List<RoomEvent> stuckEvents = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                stuckEvents.add(RoomEvents.peerJoin(api, stuck, n));
            }
            RoomEvents.publishEach(server, stuckEvents);
            dead.await(1, Duration.ofSeconds(20));

            List<RoomEvent> fineEvents = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                fineEvents.add(RoomEvents.peerJoin(api, fine, n));
            }
            RoomEvents.publishEach(server, fineEvents);
            // The stuck attempt holds its lane for 60 s: the other room's five arriving meanwhile is the proof.
            alive.await(5, Duration.ofSeconds(20));
            assertThat(dead.hits()).as("the stuck room waits for its first event").hasSize(1);
        }
    }
}
