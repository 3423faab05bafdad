package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
            awaitRecorded(server, 5);
            assertThat(api.get("/v2/analytics/webhooks?room_id=" + room).json().path("events")).hasSize(2);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void a_failed_attempt_is_retried_exactly_1_s_then_3_s_after_the_attempt_before_and_not_after_a_200(String backend)
            throws InterruptedException {
        try (Hundred server = Backends.fresh(backend); Receiver receiver = Receiver.answering(n -> n <= 2 ? 500 : 200)) {
            Client api = Client.forNewWorkspace(server);
            api.freezeClock(true);
            api.post("/v2/rooms", Map.of("name", "retried", "webhook", Map.of("url", receiver.url())));
            String room = api.get("/v2/rooms?name=retried").at("/data/0/id");
            api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", "Ann"));
            receiver.await(1, Duration.ofSeconds(10));
            awaitRecorded(server, 1);
            java.time.Instant t = server.clock().instant(); // frozen: each attempt ends at this instant
            assertThat(nextDue(server)).isEqualTo(t.plusSeconds(1));
            api.advanceClock(1);
            receiver.await(2, Duration.ofSeconds(10));
            awaitRecorded(server, 2);
            assertThat(nextDue(server)).isEqualTo(t.plusSeconds(1 + 3));
            api.advanceClock(3);
            receiver.await(3, Duration.ofSeconds(10));
            awaitRecorded(server, 3);
            int queued = server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_outbox"
                    + " WHERE event_type = 'session.open.success'").mapTo(Integer.class).one());
            assertThat(queued).as("after its 200, the event is not tried again").isZero();
            assertThat(receiver.hits().subList(0, 3)).extracting(Receiver.Hit::body).containsOnly(receiver.hits().get(0).body());
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void past_the_clouds_retries_hundred_keeps_trying_so_a_receiver_down_for_an_hour_loses_nothing(String backend)
            throws InterruptedException {
        try (Hundred server = Backends.fresh(backend);
             Receiver receiver = Receiver.answering(n -> n <= 11 ? 503 : 200)) {
            Client api = Client.forNewWorkspace(server);
            api.freezeClock(true);
            java.time.Instant queued = server.clock().instant();
            api.post("/v2/rooms", Map.of("name", "down", "webhook", Map.of("url", receiver.url())));
            String room = api.get("/v2/rooms?name=down").at("/data/0/id");
            Live.join(api, room, "host", "Ann");
            for (int attempt = 1; attempt <= 12; attempt++) {
                receiver.await(attempt, Duration.ofSeconds(10));
                if (attempt < 12) {
                    awaitRecorded(server, attempt);
                    api.post("/emulator/v1/clock", Map.of("set", dev.hundred.server.http.Timestamps.format(nextDue(server))));
                    api.renewToken();
                }
            }
            awaitRecorded(server, 12);
            assertThat(Duration.between(queued, server.clock().instant())).isGreaterThan(Duration.ofHours(1));
            JsonNode history = api.get("/v2/analytics/webhooks?room_id=" + room + "&event_names=session.open.success"
                    + "&start_time=" + dev.hundred.server.http.Timestamps.format(queued.minusSeconds(60))).json();
            assertThat(history.path("events")).hasSize(1);
            assertThat(history.path("events").get(0).path("event_name").asText()).isEqualTo("reporter.webhook.delivery.success");
            assertThat(history.path("events").get(0).path("payload").path("original_event_name").asText())
                    .isEqualTo("session.open.success");
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void with_horizon_none_a_delivery_fails_after_the_clouds_three_retries_with_its_last_error(String backend)
            throws InterruptedException {
        dev.hundred.server.Config config = dev.hundred.server.Config.defaults().withPort(0).withDb(Backends.freshDb(backend))
                .withWebhooks(WebhookOptions.defaults().withHorizon(Duration.ZERO));
        try (Hundred server = new Hundred(config).start(); Receiver receiver = Receiver.answering(n -> 503)) {
            Client api = Client.forNewWorkspace(server);
            api.freezeClock(true);
            java.time.Instant queued = server.clock().instant();
            api.post("/v2/rooms", Map.of("name", "gone", "webhook", Map.of("url", receiver.url())));
            String room = api.get("/v2/rooms?name=gone").at("/data/0/id");
            Live.join(api, room, "host", "Ann");
            for (int attempt = 1; attempt <= 4; attempt++) {
                receiver.await(attempt, Duration.ofSeconds(10));
                awaitRecorded(server, attempt);
                if (attempt < 4) {
                    api.advanceClock(Duration.between(server.clock().instant(), nextDue(server)).toNanos() / 1e9);
                }
            }
            JsonNode history = api.get("/v2/analytics/webhooks?room_id=" + room + "&status=failed"
                    + "&start_time=" + dev.hundred.server.http.Timestamps.format(queued.minusSeconds(60))).json();
            assertThat(history.path("events")).hasSize(1); // peer.join.success waits behind it, its attempts to come
            assertThat(history.path("events").get(0).path("payload").path("original_event_name").asText())
                    .isEqualTo("session.open.success");
            assertThat(history.path("events").get(0).path("payload").path("error_reason").asText()).contains("503");
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void moving_the_clock_past_an_attempt_in_flight_does_not_send_it_again(String backend) {
        try (Hundred server = Backends.fresh(backend); Receiver stuck = Receiver.hanging(); Receiver fine = Receiver.ok()) {
            Client api = Client.forNewWorkspace(server);
            api.freezeClock(true);
            String slow = api.post("/v2/rooms", Map.of("name", "slow", "webhook", Map.of("url", stuck.url()))).at("/id");
            String quick = api.post("/v2/rooms", Map.of("name", "quick", "webhook", Map.of("url", fine.url()))).at("/id");
            Live.join(api, slow, "host", "Ann");
            stuck.await(1, Duration.ofSeconds(10)); // the attempt is in flight: the receiver holds it
            api.advanceClock(3600);
            Live.join(api, quick, "host", "Bob");
            // A claim that came after the move delivered the other room's events; it would have taken the
            // stuck row first (it is due earlier) had its lease been on the moved clock.
            fine.await(2, Duration.ofSeconds(10));
            assertThat(stuck.hits()).hasSize(1);
        }
    }

    /** When the delivery being retried (the head of its room's lane) is next due. */
    private static java.time.Instant nextDue(Hundred server) {
        return server.database().read(h -> h.createQuery("SELECT due_at FROM webhook_outbox WHERE attempts > 0"
                        + " ORDER BY seq FETCH FIRST 1 ROWS ONLY")
                .map((rs, ctx) -> dev.hundred.server.store.Database.instant(rs, "due_at")).one());
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
