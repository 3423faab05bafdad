package dev.hundred.server.recordings;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Stop, stop all, pause and resume (spec §8.3, §8.4, §8.7), and what each answers when there is nothing to act on. */
class RecordingControlApiTest extends ApiTestBase {
    private static final String NONE = "000000000000000000000000";

    private String running(String room) {
        String id = Recs.start(api, room).path("id").asText();
        Recs.awaitStatus(api, id, "running");
        return id;
    }

    @Test
    void stop_by_id_answers_the_recording_stopping_then_it_completes() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = running(room);
        JsonNode stopping = Recs.stop(api, id);
        assertThat(stopping.path("status").asText()).isEqualTo("stopping");
        assertThat(stopping.path("stopped_at").isNull()).isTrue();
        assertThat(stopping.path("started_at").isTextual()).isTrue();
        assertThat(stopping.path("stopped_by").asText()).isEmpty();
        assertThat(stopping.path("recording_assets").isNull()).isTrue();
        assertThat(Recs.texts(stopping.path("asset_types"))).containsExactly("room-composite", "chat");
        JsonNode done = Recs.awaitStatus(api, id, "completed");
        assertThat(done.path("stopped_at").isTextual()).isTrue();
        assertThat(done.path("recording_assets").isArray()).isTrue();
        assertThat(done.path("recording_assets")).extracting(a -> a.path("type").asText())
                .containsExactly("room-composite", "chat");
        assertThat(Recs.keys(done.path("recording_assets").get(0))).containsExactly("id", "thumbnails", "metadata",
                "duration", "path", "status", "created_at", "type", "size");
    }

    @Test
    void stopping_what_is_not_running_unknown_ids_and_other_workspaces_recordings() {
        String room = Live.room(api);
        String id = running(room);
        Recs.stop(api, id);
        assertError(api.post("/v2/recordings/" + id + "/stop", null), 400, "Invalid request",
                "recording is stopping, not running");
        Recs.awaitStatus(api, id, "completed");
        assertError(api.post("/v2/recordings/" + id + "/stop", null), 400, "Invalid request",
                "recording is completed, not running");
        assertError(api.post("/v2/recordings/" + NONE + "/stop", null), 404, "Recording not found");
        assertError(api.post("/v2/recordings/not-an-id/stop", Map.of()), 404, "Recording not found");
        Client other = Client.forNewWorkspace(api.server());
        assertError(other.post("/v2/recordings/" + id + "/stop", null), 404, "Recording not found");
        assertError(other.get("/v2/recordings/" + id), 404, "Recording not found");
        assertError(api.get("/v2/recordings/" + NONE), 404, "Recording not found");
    }

    @Test
    void stop_all_answers_the_envelope_of_what_it_stopped_and_not_found_when_nothing_runs() {
        // Still starting when the stop comes, however slow the machine (the default start takes 0.2 s)
        api.post("/emulator/v1/settings", Map.of("jobs", Map.of("start_delay_seconds", 600)));
        String room = Live.room(api);
        String id = Recs.start(api, room).path("id").asText();
        Client.Response response = api.post("/v2/recordings/room/" + room + "/stop", null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(Recs.keys(page)).containsExactly("limit", "data", "last");
        assertThat(page.path("limit").asInt()).isEqualTo(1);
        assertThat(page.path("last").asText()).isEqualTo(id);
        assertThat(page.path("data").get(0).path("status").asText()).isEqualTo("stopping");
        assertThat(page.path("data").get(0).path("recording_assets").isNull()).isTrue();
        assertError(api.post("/v2/recordings/room/" + room + "/stop", Map.of()), 404, "Recording not found",
                "no recording is running in room " + room);
        assertError(api.post("/v2/recordings/room/" + NONE + "/stop", null), 404, "Room not found");
        String theirs = Live.room(Client.forNewWorkspace(api.server()));
        assertError(api.post("/v2/recordings/room/" + theirs + "/stop", null), 404, "Room not found");
        // A recording stopped before it ever ran fails, as the cloud's BEAM_STOPPED.
        assertThat(Recs.awaitStatus(api, id, "failed").path("recording_assets").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v2/recordings/room/%s/", "/v2/recordings/%s/"})
    void pause_and_resume_keep_the_status_running_on_both_documented_paths(String prefix) {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = running(room);
        JsonNode paused = api.post(prefix.formatted(room) + "pause", null).json();
        assertThat(paused.path("id").asText()).isEqualTo(id);
        assertThat(paused.path("status").asText()).isEqualTo("running");
        assertThat(paused.path("recording_assets").isNull()).isTrue();
        assertError(api.post(prefix.formatted(room) + "pause", null), 400, "Invalid request", "recording is already paused");
        JsonNode resumed = api.post(prefix.formatted(room) + "resume", Map.of()).json();
        assertThat(resumed.path("status").asText()).isEqualTo("running");
        assertThat(resumed.path("updated_at").asText()).isNotEqualTo(paused.path("created_at").asText());
        assertError(api.post(prefix.formatted(room) + "resume", null), 400, "Invalid request", "recording is not paused");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v2/recordings/room/%s/", "/v2/recordings/%s/"})
    void pause_and_resume_without_a_running_recording(String prefix) {
        String room = Live.room(api);
        for (String action : new String[] {"pause", "resume"}) {
            assertError(api.post(prefix.formatted(room) + action, null), 404, "Recording not found",
                    "no recording is running in room " + room);
            assertError(api.post(prefix.formatted(NONE) + action, null), 404, "Room not found");
            String theirs = Live.room(Client.forNewWorkspace(api.server()));
            assertError(api.post(prefix.formatted(theirs) + action, null), 404, "Room not found");
        }
    }
}
