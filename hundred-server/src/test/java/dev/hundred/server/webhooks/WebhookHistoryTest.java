package dev.hundred.server.webhooks;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v2/analytics/webhooks (spec §13.2), on a server whose failed deliveries fail for good quickly. */
class WebhookHistoryTest extends ApiTestBase {
    private JsonNode good;
    private JsonNode bad;

    @BeforeEach
    void onFastServer() {
        api = Client.forNewWorkspace(FastRetryServers.server(backend));
    }

    /** Room "good" reports to a receiver that answers 200, room "bad" to one that answers 500. */
    private void deliverOneOfEach(Receiver ok, Receiver failing) {
        good = RoomEvents.room(api, Map.of("name", "good", "webhook", Map.of("url", ok.url())));
        bad = RoomEvents.room(api, Map.of("name", "bad", "webhook", Map.of("url", failing.url())));
        RoomEvents.sessionOpen(api, bad, "64f1a0b2c3d4e5f607182900");
        failing.await(3, Duration.ofSeconds(5));
        RoomEvents.publish(api.server(), List.of(RoomEvents.peerJoin(api, good, 1)));
        ok.await(1, Duration.ofSeconds(5));
        awaitHistory(2);
    }

    private JsonNode awaitHistory(int total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode page;
        do {
            page = api.get("/v2/analytics/webhooks").json();
            if (page.path("summary").path("total_events").asInt() >= total) {
                return page;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("history never reached " + total + ": " + page);
    }

    @Test
    void the_history_lists_finished_deliveries_newest_first_in_the_documented_shape() {
        try (Receiver ok = Receiver.ok(); Receiver failing = Receiver.answering(n -> 500)) {
            deliverOneOfEach(ok, failing);
            JsonNode page = api.get("/v2/analytics/webhooks").json();

            assertThat(page.path("pagination")).isEqualTo(Client.JSON.valueToTree(Map.of("current_page", 1, "page_size", 50,
                    "total_pages", 1, "total_items", 2, "has_next", false, "has_prev", false)));
            assertThat(page.path("summary")).isEqualTo(Client.JSON.valueToTree(Map.of("total_events", 2)));
            JsonNode delivered = page.path("events").get(0);
            JsonNode failed = page.path("events").get(1);

            JsonNode sent = ok.hits().get(0).json();
            assertThat(delivered.path("event_id").asText()).isEqualTo(sent.path("id").asText());
            assertThat(delivered.path("event_name").asText()).isEqualTo("reporter.webhook.delivery.success");
            assertThat(delivered.path("room_id").asText()).isEqualTo(good.path("id").asText());
            assertThat(delivered.path("event_timestamp").asText()).isEqualTo(sent.path("timestamp").asText());
            assertThat(delivered.path("payload").path("event_data")).isEqualTo(sent.path("data"));
            assertThat(delivered.path("payload").path("webhook_url").asText()).isEqualTo(ok.url());
            assertThat(delivered.path("payload").path("original_event_name").asText()).isEqualTo("peer.join.success");
            assertThat(delivered.path("payload").has("error_reason")).isFalse();

            assertThat(failed.path("event_name").asText()).isEqualTo("reporter.webhook.delivery.failed");
            assertThat(failed.path("room_id").asText()).isEqualTo(bad.path("id").asText());
            assertThat(failed.path("payload").path("original_event_name").asText()).isEqualTo("session.open.success");
            assertThat(failed.path("payload").path("error_reason").asText()).isEqualTo("status code 500");
            assertThat(failed.path("payload").path("webhook_url").asText()).isEqualTo(failing.url());
            assertThat(failing.hits()).as("first attempt and two retries, then it gave up").hasSize(3);
        }
    }

    @Test
    void filters_and_page_numbers_narrow_the_list() {
        try (Receiver ok = Receiver.ok(); Receiver failing = Receiver.answering(n -> 500)) {
            deliverOneOfEach(ok, failing);

            assertThat(names(api.get("/v2/analytics/webhooks?status=failed"))).containsExactly("session.open.success");
            assertThat(names(api.get("/v2/analytics/webhooks?status=success"))).containsExactly("peer.join.success");
            assertThat(names(api.get("/v2/analytics/webhooks?event_names=session.open.success&event_names=peer.join.success")))
                    .containsExactly("peer.join.success", "session.open.success");
            assertThat(names(api.get("/v2/analytics/webhooks?event_names=peer.leave.success"))).isEmpty();
            assertThat(names(api.get("/v2/analytics/webhooks?room_id=" + bad.path("id").asText())))
                    .containsExactly("session.open.success");
            String future = enc(Instant.now().plusSeconds(60));
            String later = enc(Instant.now().plusSeconds(120));
            assertThat(names(api.get("/v2/analytics/webhooks?start_time=" + future + "&end_time=" + later))).isEmpty();

            JsonNode second = api.get("/v2/analytics/webhooks?limit=1&page=2").json();
            assertThat(second.path("events")).hasSize(1);
            assertThat(second.path("events").get(0).path("payload").path("original_event_name").asText())
                    .isEqualTo("session.open.success");
            assertThat(second.path("pagination")).isEqualTo(Client.JSON.valueToTree(Map.of("current_page", 2, "page_size", 1,
                    "total_pages", 2, "total_items", 2, "has_next", false, "has_prev", true)));
            JsonNode beyond = api.get("/v2/analytics/webhooks?limit=1&page=3").json();
            assertThat(beyond.path("events")).isEmpty();
            assertThat(beyond.path("pagination").path("has_prev").asBoolean()).isTrue();
        }
    }

    @Test
    void another_workspace_sees_none_of_it() {
        try (Receiver ok = Receiver.ok(); Receiver failing = Receiver.answering(n -> 500)) {
            deliverOneOfEach(ok, failing);
            JsonNode other = Client.forNewWorkspace(api.server()).get("/v2/analytics/webhooks").json();
            assertThat(other.path("events")).isEmpty();
            assertThat(other.path("pagination").path("total_items").asInt()).isZero();
            assertThat(other.path("pagination").path("total_pages").asInt()).isZero();
        }
    }

    @Test
    void time_ranges_and_bad_parameters_get_the_documented_400s() {
        String old = enc(Instant.now().minus(Duration.ofDays(31)));
        assertError(api.get("/v2/analytics/webhooks?start_time=" + old), 400, "start_time must be within the last 30 days");
        String start = enc(Instant.now().minus(Duration.ofDays(20)));
        String end = enc(Instant.now().minus(Duration.ofDays(5)));
        assertError(api.get("/v2/analytics/webhooks?start_time=" + start + "&end_time=" + end), 400,
                "end_time must be within 14 days after start_time");
        assertError(api.get("/v2/analytics/webhooks?start_time=" + end + "&end_time=" + start), 400,
                "end_time must be within 14 days after start_time");
        assertError(api.get("/v2/analytics/webhooks?start_time=yesterday"), 400, "Invalid query parameter",
                "start_time must be an RFC 3339 timestamp");
        assertError(api.get("/v2/analytics/webhooks?status=pending"), 400, "Invalid query parameter",
                "status must be one of all, failed, success");
        assertError(api.get("/v2/analytics/webhooks?limit=ten"), 400, "Invalid query parameter", "limit must be an integer");
        assertError(api.get("/v2/analytics/webhooks?page=x"), 400, "Invalid query parameter", "page must be an integer");
        assertThat(api.get("/v2/analytics/webhooks?limit=1000").json().path("pagination").path("page_size").asInt()).isEqualTo(100);
        assertThat(api.get("/v2/analytics/webhooks?limit=0").json().path("pagination").path("page_size").asInt()).isEqualTo(1);
        assertError(api.withToken(null).get("/v2/analytics/webhooks"), 401, "Token validation error");
    }

    private static String enc(Instant t) {
        return URLEncoder.encode(Timestamps.format(t), StandardCharsets.UTF_8);
    }

    private static List<String> names(Client.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        response.json().path("events").forEach(e -> names.add(e.path("payload").path("original_event_name").asText()));
        return names;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
