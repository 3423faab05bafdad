package dev.hundred.server.recordings;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/recordings} (spec §8.6): newest first, filters, pagination edges, no assets in items. */
class RecordingListApiTest extends ApiTestBase {

    /** Twelve recordings, one a room, oldest first. */
    private List<JsonNode> twelve() {
        List<JsonNode> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            made.add(Recs.start(api, Live.room(api)));
        }
        return made;
    }

    private JsonNode list(String query) {
        Client.Response response = api.get("/v2/recordings" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    void pages_go_newest_first_with_an_exclusive_start_and_end_on_an_empty_page() {
        List<JsonNode> made = twelve();
        List<String> newestFirst = new ArrayList<>(made.stream().map(r -> r.path("id").asText()).toList());
        java.util.Collections.reverse(newestFirst);
        JsonNode first = list("");
        assertThat(first.path("limit").asInt()).isEqualTo(10);
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(first.path("last").asText()).isEqualTo(newestFirst.get(9));
        JsonNode item = first.path("data").get(0);
        assertThat(Recs.keys(item)).containsExactly("id", "room_id", "session_id", "status", "created_at", "started_at",
                "updated_at", "stopped_at", "meeting_url", "started_by", "stopped_by", "asset_types");
        JsonNode second = list("?start=" + first.path("last").asText());
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(10, 12));
        JsonNode empty = list("?start=" + second.path("last").asText());
        assertThat(empty.path("data").isNull()).isTrue();
        assertThat(empty.path("last").asText()).isEmpty();
        assertThat(empty.path("limit").asInt()).isEqualTo(10);
    }

    @Test
    void limit_is_clamped_to_10_to_100_and_must_be_an_integer() {
        twelve();
        assertThat(ids(list("?limit=1"))).hasSize(10);
        assertThat(list("?limit=1").path("limit").asInt()).isEqualTo(10);
        assertThat(list("?limit=1000").path("limit").asInt()).isEqualTo(100);
        assertThat(ids(list("?limit=1000"))).hasSize(12);
        assertThat(ids(list("?limit=11"))).hasSize(11);
        assertError(api.get("/v2/recordings?limit=ten"), 400, "Invalid query parameter", "limit must be an integer");
    }

    @Test
    void filters_room_session_and_status() {
        List<JsonNode> made = twelve();
        JsonNode one = made.get(3);
        assertThat(ids(list("?room_id=" + one.path("room_id").asText()))).containsExactly(one.path("id").asText());
        assertThat(ids(list("?session_id=" + one.path("session_id").asText()))).containsExactly(one.path("id").asText());
        for (JsonNode r : made) {
            Recs.awaitStatus(api, r.path("id").asText(), "running");
        }
        String stopped = made.get(5).path("id").asText();
        Recs.stop(api, stopped);
        Recs.awaitStatus(api, stopped, "completed");
        assertThat(ids(list("?status=completed"))).containsExactly(stopped);
        assertThat(ids(list("?status=running&limit=100"))).hasSize(11).doesNotContain(stopped);
        assertThat(list("?status=failed").path("data").isNull()).isTrue();
        assertThat(ids(list("?status=running&room_id=" + one.path("room_id").asText()))).containsExactly(one.path("id").asText());
        assertThat(list("?room_id=000000000000000000000000").path("data").isNull()).isTrue();
        assertError(api.get("/v2/recordings?status=done"), 400, "Invalid query parameter",
                "status must be one of starting, running, stopping, post_processing, completed, failed");
        assertThat(Client.forNewWorkspace(api.server()).get("/v2/recordings").json().path("data").isNull()).isTrue();
    }
}
