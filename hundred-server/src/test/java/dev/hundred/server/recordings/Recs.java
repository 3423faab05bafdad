package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Steps the recording tests share, over real HTTP, each asserting it succeeded. */
final class Recs {
    private Recs() {}

    static JsonNode start(Client api, String roomId, Object body) {
        Client.Response response = api.post("/v2/recordings/room/" + roomId + "/start", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode start(Client api, String roomId) {
        return start(api, roomId, Map.of());
    }

    static JsonNode get(Client api, String recordingId) {
        Client.Response response = api.get("/v2/recordings/" + recordingId);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode stop(Client api, String recordingId) {
        Client.Response response = api.post("/v2/recordings/" + recordingId + "/stop", null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Polls the recording until {@code done} holds (10 s at most, on the wall clock). */
    static JsonNode awaitRecording(Client api, String recordingId, Predicate<JsonNode> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = get(api, recordingId);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what + "; recording is " + last);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // a poll, not a wait for time to pass
            last = get(api, recordingId);
        }
        return last;
    }

    static JsonNode awaitStatus(Client api, String recordingId, String status) {
        return awaitRecording(api, recordingId, r -> r.path("status").asText().equals(status), "status " + status);
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
