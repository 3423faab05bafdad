package dev.hundred.server.webhooks;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v2/analytics/webhooks/replay and its status (spec §13.3), on the fast-failing server. */
class WebhookReplayTest extends ApiTestBase {

    @BeforeEach
    void onFastServer() {
        api = Client.forNewWorkspace(FastRetryServers.server(backend));
    }

    /** A receiver that answers 500 until {@code up} is set. */
    private static Receiver flaky(AtomicBoolean up) {
        return Receiver.answering(n -> up.get() ? 200 : 500);
    }

    /** Queues {@code n} events of one room, waits until each failed for good (3 attempts each). */
    private List<RoomEvent> failed(Receiver receiver, int n) {
        assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
        JsonNode room = RoomEvents.room(api, Map.of());
        List<RoomEvent> events = new ArrayList<>();
        IntStream.rangeClosed(1, n).forEach(i -> events.add(RoomEvents.peerJoin(api, room, i)));
        RoomEvents.publishEach(api.server(), events);
        receiver.await(3 * n, Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (api.get("/v2/analytics/webhooks?status=failed").json().path("summary").path("total_events").asInt() < n) {
            assertThat(System.nanoTime()).as("deliveries failed for good").isLessThan(deadline);
            WebhookHistoryTest.sleep(50);
        }
        return events;
    }

    private JsonNode awaitStatus(String workflowId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode body;
        do {
            Client.Response response = api.get("/v2/analytics/webhooks/replay/" + workflowId);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            body = response.json();
            if (body.path("status").asText().equals(status)) {
                return body;
            }
            WebhookHistoryTest.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("replay never became " + status + ": " + body);
    }

    @Test
    void a_replay_resends_failed_deliveries_marked_is_replay_at_ten_per_second_and_reports_completion() {
        AtomicBoolean up = new AtomicBoolean(false);
        try (Receiver receiver = flaky(up)) {
            failed(receiver, 3);
            List<Receiver.Hit> originals = receiver.hits();
            up.set(true);

            long posted = System.nanoTime();
            Client.Response started = api.post("/v2/analytics/webhooks/replay", Map.of());
            assertThat(started.status()).as(started.text()).isEqualTo(200);
            JsonNode body = started.json();
            String workflowId = body.path("workflow_id").asText();
            assertThat(workflowId).matches("webhook-replay-" + api.workspace().customerId() + "-[0-9a-f]{8}");
            assertThat(body.path("status").asText()).isEqualTo("started");
            assertThat(body.path("message").asText()).isEqualTo("Webhook replay has been queued for processing");
            assertThat(fieldNames(body.path("filters"))).containsExactly("start_time", "end_time", "room_id", "event_types");
            assertThat(body.path("filters").path("room_id").asText()).isEmpty();
            assertThat(body.path("filters").path("event_types")).isEmpty();

            List<Receiver.Hit> all = receiver.await(9 + 3, Duration.ofSeconds(5));
            List<Receiver.Hit> replays = all.subList(9, 12);
            assertThat(all.subList(0, 9)).extracting(h -> h.json().path("data").path("user_id").asText() + (h.json().has("is_replay") ? "R" : ""))
                    .containsExactly("user-1", "user-1", "user-1", "user-2", "user-2", "user-2", "user-3", "user-3", "user-3");
            // Each replay is its own delivery, due 100 ms after the one before: on a loaded machine two can be due
            // at once and be sent side by side, so they may arrive in any order (seen: 2R, 1R, 3R).
            assertThat(replays).extracting(h -> h.json().path("data").path("user_id").asText() + (h.json().has("is_replay") ? "R" : ""))
                    .containsExactlyInAnyOrder("user-1R", "user-2R", "user-3R");
            for (int i = 0; i < 3; i++) {
                JsonNode original = originals.get(3 * i).json();
                JsonNode replayed = replays.stream().map(Receiver.Hit::json)
                        .filter(r -> r.path("id").asText().equals(original.path("id").asText())).findFirst().orElseThrow();
                assertThat(replayed.path("is_replay").asBoolean()).isTrue();
                assertThat(replayed.path("id").asText()).isEqualTo(original.path("id").asText());
                assertThat(replayed.path("data")).isEqualTo(original.path("data"));
                assertThat(fieldNames(replayed)).containsExactly("version", "id", "app_id", "account_id", "timestamp",
                        "type", "data", "is_replay");
            }
            // Paced at 10/s from the replay's start: the third cannot be sent before start + 200 ms. Measured
            // from the POST (which precedes the start), since delivery jitter may delay the first arrival
            // and shrink the first-to-third gap, but can never make the third early.
            Duration third = Duration.ofNanos(replays.get(2).arrivedNanos() - posted);
            assertThat(third).as("10 per second; arrivals after the POST (ms): %s", replays.stream()
                            .map(h -> (h.arrivedNanos() - posted) / 1_000_000).toList()).isGreaterThanOrEqualTo(Duration.ofMillis(195));

            JsonNode status = awaitStatus(workflowId, "completed");
            assertThat(status.path("workflow_id").asText()).isEqualTo(workflowId);
            assertThat(status.path("started_at").asText()).isNotEmpty();
            assertThat(status.path("completed_at").asText()).isNotEmpty();
            assertThat(status.path("filters").path("limit").asInt()).isEqualTo(50000);
            assertThat(status.path("filters").path("offset").asInt()).isZero();
            assertThat(status.path("progress")).isEqualTo(Client.JSON.valueToTree(Map.of("total", 3, "completed", 3, "failed", 0)));
            assertThat(status.path("result")).isEqualTo(Client.JSON.valueToTree(
                    Map.of("total", 3, "completed", 3, "failed", 0, "failed_events", List.of())));

            assertThat(api.get("/v2/analytics/webhooks").json().path("summary").path("total_events").asInt())
                    .as("replays are not listed as new deliveries").isEqualTo(3);
        }
    }

    @Test
    void identical_filters_reuse_a_running_replay_and_a_finished_one_does_not_block_a_new_one() {
        AtomicBoolean up = new AtomicBoolean(false);
        try (Receiver receiver = flaky(up)) {
            List<RoomEvent> events = failed(receiver, 3);
            up.set(true);
            Map<String, Object> filters = Map.of("event_names", List.of("peer.join.success"),
                    "room_id", events.get(0).roomId(), "status", "failed");
            JsonNode first = api.post("/v2/analytics/webhooks/replay", filters).json();
            JsonNode second = api.post("/v2/analytics/webhooks/replay", filters).json();
            assertThat(second.path("status").asText()).isEqualTo("already_running");
            assertThat(second.path("workflow_id").asText()).isEqualTo(first.path("workflow_id").asText());
            assertThat(second.path("filters")).isEqualTo(first.path("filters"));
            assertThat(first.path("filters").path("event_types").get(0).asText()).isEqualTo("peer.join.success");
            assertThat(first.path("filters").path("room_id").asText()).isEqualTo(events.get(0).roomId());

            JsonNode other = api.post("/v2/analytics/webhooks/replay", Map.of("status", "all")).json();
            assertThat(other.path("status").asText()).as("other filters, other replay").isEqualTo("started");

            awaitStatus(first.path("workflow_id").asText(), "completed");
            JsonNode again = api.post("/v2/analytics/webhooks/replay", filters).json();
            assertThat(again.path("status").asText()).isEqualTo("started");
            assertThat(again.path("workflow_id").asText()).isNotEqualTo(first.path("workflow_id").asText());
        }
    }

    @Test
    void a_replay_that_cannot_deliver_reports_its_failed_events() {
        try (Receiver receiver = Receiver.answering(n -> 500)) {
            List<RoomEvent> events = failed(receiver, 1);
            String eventId = receiver.hits().get(0).json().path("id").asText();
            JsonNode started = api.post("/v2/analytics/webhooks/replay", Map.of("limit", 10)).json();
            JsonNode status = awaitStatus(started.path("workflow_id").asText(), "failed");
            assertThat(status.path("progress")).isEqualTo(Client.JSON.valueToTree(Map.of("total", 1, "completed", 0, "failed", 1)));
            assertThat(status.path("result").path("failed_events")).hasSize(1);
            assertThat(status.path("result").path("failed_events").get(0).asText()).isEqualTo(eventId);
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void an_empty_replay_completes_at_once() {
        JsonNode started = api.post("/v2/analytics/webhooks/replay", null).json();
        assertThat(started.path("status").asText()).isEqualTo("started");
        JsonNode status = awaitStatus(started.path("workflow_id").asText(), "completed");
        assertThat(status.path("progress").path("total").asInt()).isZero();
    }

    @Test
    void unknown_or_foreign_workflows_are_404_and_bad_filters_400() {
        assertError(api.get("/v2/analytics/webhooks/replay/webhook-replay-x-00000000"), 404, "workflow not found");
        String id = api.post("/v2/analytics/webhooks/replay", Map.of()).json().path("workflow_id").asText();
        assertError(Client.forNewWorkspace(api.server()).get("/v2/analytics/webhooks/replay/" + id), 404, "workflow not found");

        String old = Timestamps.format(Instant.now().minus(Duration.ofDays(31)));
        assertError(api.post("/v2/analytics/webhooks/replay", Map.of("start_time", old)), 400,
                "start_time must be within the last 30 days");
        assertError(api.post("/v2/analytics/webhooks/replay", Map.of(
                "start_time", Timestamps.format(Instant.now().minus(Duration.ofDays(20))),
                "end_time", Timestamps.format(Instant.now()))), 400, "end_time must be within 14 days after start_time");
        assertError(api.post("/v2/analytics/webhooks/replay", Map.of("start_time", "soon")), 400, "Invalid body param",
                "start_time must be an RFC 3339 timestamp");
        assertError(api.post("/v2/analytics/webhooks/replay", Map.of("status", "pending")), 400, "Invalid body param",
                "status must be one of all, failed, success");
        assertError(api.post("/v2/analytics/webhooks/replay", Map.of("offset", -1)), 400, "Invalid body param",
                "offset must not be negative");
        assertError(api.post("/v2/analytics/webhooks/replay", Map.of("limit", "10")), 400, "Invalid body param",
                "limit must be an integer");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
