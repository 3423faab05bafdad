package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Webhook retries wait on the server clock: with it frozen, the cloud's +1 s, +3 s, +10 s retries come
 * when the clock is moved past each, one after the other, in order, and nothing is sent twice.
 */
class WebhookClockTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void retries_fire_as_the_clock_moves_past_each_and_in_order(String backend) throws InterruptedException {
        try (Hundred server = Backends.fresh(backend);
             Receiver receiver = Receiver.answering(n -> n <= 3 ? 500 : 200)) {
            Client api = Client.forNewWorkspace(server);
            api.freezeClock(true);
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
            String room = Live.room(api);
            Live.join(api, room, "host", "Ann"); // session.open.success, then peer.join.success

            receiver.await(1, Duration.ofSeconds(10)); // the first attempt of the first event goes out at once
            // A retry is due a while after its attempt is recorded: move the clock only once it is.
            awaitRecorded(server, 1);
            api.advanceClock(1);
            receiver.await(2, Duration.ofSeconds(10));
            awaitRecorded(server, 2);
            api.advanceClock(3);
            receiver.await(3, Duration.ofSeconds(10));
            awaitRecorded(server, 3);
            api.advanceClock(10);
            List<Receiver.Hit> hits = receiver.await(5, Duration.ofSeconds(10)); // 4th attempt succeeds; the next event follows
            assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("session.open.success",
                    "session.open.success", "session.open.success", "session.open.success", "peer.join.success");
            assertThat(hits.subList(0, 4)).extracting(h -> h.json().path("id").asText()).containsOnly(
                    hits.get(0).json().path("id").asText());
            // Each attempt of the first event went out at a later server time than the one before: 0, +1, +4, +14 s.
            assertThat(api.get("/v2/analytics/webhooks?room_id=" + room).json().path("events")).hasSize(2);
        }
    }

    private static void awaitRecorded(Hundred server, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_attempts").mapTo(Integer.class).one())
                < attempts) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("attempt " + attempts + " was not recorded");
            }
            Thread.sleep(5);
        }
    }
}
