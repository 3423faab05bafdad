package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.clientError;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input no client should send still gets a 4xx in the 100ms error shape, the same on both back ends. */
class AnalyticsRobustnessTest extends ApiTestBase {

    private void assert4xx(Client.Response r) {
        assertThat(r.status()).as(r.text()).isBetween(400, 499);
        assertThat(r.json().path("code").asInt()).isEqualTo(r.status());
        assertThat(r.json().path("details").isArray()).isTrue();
    }

    @Test
    void nul_characters_and_huge_values_in_queries_are_refused_not_crashed_on() {
        String room = Live.room(api);
        String huge = "x".repeat(5000);
        for (String query : List.of("room_id=%00", "room_id=" + room + "&session_id=a%00b", "room_id=" + room + "&user_id=%00",
                "room_id=" + room + "&peer_id=%00", "room_id=" + room + "&beam_id=%00", "room_id=" + room + "&type=%00",
                "room_id=" + room + "&start=a%00:1:b", "room_id=" + huge, "room_id=" + room + "&type=" + huge)) {
            assert4xx(api.get("/v2/analytics/events?" + query));
        }
        for (String name : List.of("session_id", "user_id", "peer_id", "beam_id", "start")) {
            assertError(api.get("/v2/analytics/events?room_id=" + room + "&" + name + "=" + huge), 400,
                    "Invalid query parameter", name + " is longer than 1024 characters");
        }
        assertError(api.get("/v2/analytics/events?room_id=" + room + "&user_id=%00"), 400, "Invalid query parameter",
                "user_id must not contain NUL characters");
        for (String query : List.of("peer_id=%00&session_id=s", "peer_id=p&session_id=%00", "peer_id=p&session_id=" + huge,
                "peer_id=" + huge + "&session_id=s")) {
            assert4xx(api.get("/v2/analytics/peer-stats?" + query));
        }
    }

    /** (A NUL in a path, %00, is refused by Jetty before any route sees it.) */
    @Test
    void nul_characters_in_emulator_calls_are_refused() {
        String room = Live.room(api);
        String peer = Live.join(api, room, "host", "Ann").path("id").asText();
        Map<String, Object> body = clientError("client.join.failed");
        body.put("user_id", "a\u0000b");
        assert4xx(AnalyticsCalls.report(api, room, "stranger", body));
        Map<String, Object> named = clientError("client.subscribe.failed");
        named.put("error_message", "bad\u0000byte");
        Client.Response stored = AnalyticsCalls.report(api, room, peer, named);
        assertThat(stored.status()).as(stored.text()).isIn(200, 400);
        assert4xx(AnalyticsCalls.report(api, room, "x".repeat(5000), clientError("client.join.failed")));
        assert4xx(api.post("/emulator/v1/sessions/" + "s".repeat(300) + "/peers/p/stats", Map.of()));
        assert4xx(api.post("/emulator/v1/sessions/s/peers/p/stats", Map.of("publisher", Map.of("audio",
                List.of(Map.of("track_id", "t\u0000"))))));
    }
}
