package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.all;
import static dev.hundred.server.analytics.AnalyticsCalls.join;
import static dev.hundred.server.analytics.AnalyticsCalls.page;
import static dev.hundred.server.analytics.AnalyticsCalls.track;
import static dev.hundred.server.analytics.AnalyticsCalls.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Track events (track-events.mdx) made by emulator and gateway peers, exactly as documented. */
class TrackEventsApiTest extends ApiTestBase {
    static final List<String> TRACK_FIELDS = List.of("room_id", "session_id", "room_name", "peer_id", "user_id",
            "user_name", "joined_at", "role", "track_id", "stream_id", "type", "source", "mute", "started_at");
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void an_emulator_peer_s_tracks_make_add_update_and_remove_events_with_the_documented_fields() {
        String room = Live.room(api, Map.of("name", "exp"));
        JsonNode ann = join(api, room, "host", "Ann", List.of(track("audio", "regular", true)));
        String peerId = ann.path("id").asText();
        String audioId = ann.path("tracks").fieldNames().next();
        JsonNode audio = ann.path("tracks").path(audioId);
        AnalyticsCalls.mute(api, room, peerId, audioId, false);
        JsonNode screen = AnalyticsCalls.publish(api, room, peerId, "video", "screen");
        AnalyticsCalls.unpublish(api, room, peerId, screen.path("id").asText());
        JsonNode left = Live.leave(api, room, peerId);

        JsonNode page = page(api, "room_id=" + room);
        assertThat(fields(page)).containsExactly("limit", "total", "next", "events");
        assertThat(page.path("limit").asInt()).isEqualTo(5);
        assertThat(page.path("total").asInt()).isEqualTo(5);
        assertThat(page.path("next").asText()).isEmpty();
        assertThat(types(page)).containsExactly("track.add.success", "track.update.success", "track.add.success",
                "track.remove.success", "track.remove.success");

        JsonNode add = page.path("events").get(0);
        assertThat(fields(add)).containsExactly("version", "id", "timestamp", "type", "data");
        assertThat(add.path("version").asText()).isEqualTo("2.0");
        assertThat(add.path("id").asText()).matches(UUID);
        assertThat(add.path("timestamp").asText()).isEqualTo(audio.path("started_at").asText());
        JsonNode data = add.path("data");
        assertThat(fields(data)).containsExactlyElementsOf(TRACK_FIELDS);
        String session = left.path("session_id").asText();
        assertThat(data.path("room_id").asText()).isEqualTo(room);
        assertThat(data.path("session_id").asText()).isEqualTo(session);
        assertThat(data.path("room_name").asText()).isEqualTo("exp");
        assertThat(data.path("peer_id").asText()).isEqualTo(peerId);
        assertThat(data.path("user_id").asText()).isEqualTo("user-Ann");
        assertThat(data.path("user_name").asText()).isEqualTo("Ann");
        assertThat(data.path("joined_at").asText()).isEqualTo(ann.path("joined_at").asText());
        assertThat(data.path("role").asText()).isEqualTo("host");
        assertThat(data.path("track_id").asText()).isEqualTo(audioId);
        assertThat(data.path("stream_id").asText()).isEqualTo(audio.path("stream_id").asText());
        assertThat(data.path("type").asText()).isEqualTo("audio");
        assertThat(data.path("source").asText()).isEqualTo("regular");
        assertThat(data.path("mute").isBoolean()).isTrue();
        assertThat(data.path("mute").asBoolean()).isTrue();
        assertThat(data.path("started_at").asText()).isEqualTo(audio.path("started_at").asText());

        JsonNode update = page.path("events").get(1).path("data");
        assertThat(fields(update)).containsExactlyElementsOf(TRACK_FIELDS);
        assertThat(update.path("mute").asBoolean()).isFalse();
        assertThat(update.path("track_id").asText()).isEqualTo(audioId);

        JsonNode screenAdd = page.path("events").get(2).path("data");
        assertThat(screenAdd.path("type").asText()).isEqualTo("video");
        assertThat(screenAdd.path("source").asText()).isEqualTo("screen");

        JsonNode screenRemove = page.path("events").get(3);
        List<String> removeFields = new ArrayList<>(TRACK_FIELDS);
        removeFields.add("stopped_at");
        assertThat(fields(screenRemove.path("data"))).containsExactlyElementsOf(removeFields);
        assertThat(screenRemove.path("data").path("stopped_at").asText()).isEqualTo(screenRemove.path("timestamp").asText());

        // the audio track went with its peer: removed at the leave, with the mute state it had then
        JsonNode audioRemove = page.path("events").get(4);
        assertThat(audioRemove.path("data").path("track_id").asText()).isEqualTo(audioId);
        assertThat(audioRemove.path("data").path("mute").asBoolean()).isFalse();
        assertThat(audioRemove.path("data").path("stopped_at").asText()).isEqualTo(left.path("left_at").asText());

        // oldest first, each timestamp an RFC 3339 instant of the server clock
        List<JsonNode> events = all(api, "room_id=" + room);
        for (int i = 1; i < events.size(); i++) {
            assertThat(Timestamps.parse(events.get(i).path("timestamp").asText()))
                    .isAfterOrEqualTo(Timestamps.parse(events.get(i - 1).path("timestamp").asText()));
        }
    }

    @Test
    void a_mute_that_changes_nothing_makes_no_update_event() {
        String room = Live.room(api);
        JsonNode ann = join(api, room, "host", "Ann", List.of(track("video", "regular", false)));
        String trackId = ann.path("tracks").fieldNames().next();
        AnalyticsCalls.mute(api, room, ann.path("id").asText(), trackId, false);
        assertThat(types(page(api, "room_id=" + room))).containsExactly("track.add.success");
    }

    @Test
    void gateway_peers_make_the_same_events() {
        String room = Live.room(api);
        String trackId;
        String peerId;
        try (TestPeer bob = Live.gatewayPeer(api, room, "guest", "Bob")) {
            peerId = bob.peerId();
            JsonNode published = bob.request("publish-track", Map.of("track", Map.of("type", "video")));
            trackId = published.path("track").path("id").asText();
            bob.request("mute-track", Map.of("track_id", trackId, "mute", true));
            bob.request("publish-track", Map.of("track", Map.of("type", "audio")));
            bob.request("leave", Map.of());
            bob.awaitClose();
        }
        JsonNode page = page(api, "room_id=" + room);
        assertThat(types(page)).containsExactly("track.add.success", "track.update.success", "track.add.success",
                "track.remove.success", "track.remove.success");
        JsonNode add = page.path("events").get(0).path("data");
        assertThat(fields(add)).containsExactlyElementsOf(TRACK_FIELDS);
        assertThat(add.path("peer_id").asText()).isEqualTo(peerId);
        assertThat(add.path("track_id").asText()).isEqualTo(trackId);
        assertThat(add.path("user_id").asText()).isEqualTo("user-Bob");
        assertThat(add.path("user_name").asText()).isEqualTo("Bob");
        assertThat(add.path("role").asText()).isEqualTo("guest");
        // both tracks leave with the peer, the muted video keeping its mute
        JsonNode videoRemove = page.path("events").get(3).path("data");
        assertThat(videoRemove.path("track_id").asText()).isEqualTo(trackId);
        assertThat(videoRemove.path("mute").asBoolean()).isTrue();
    }

    @Test
    void a_room_without_events_answers_an_empty_list() {
        String room = Live.room(api);
        JsonNode page = page(api, "room_id=" + room);
        assertThat(page.toString()).isEqualTo("{\"limit\":0,\"total\":0,\"next\":\"\",\"events\":[]}");
    }

    @Test
    void events_of_other_rooms_and_other_workspaces_stay_apart() {
        String room = Live.room(api);
        String other = Live.room(api);
        join(api, room, "host", "Ann", List.of(track("audio", "regular", false)));
        join(api, other, "host", "Bob", List.of(track("audio", "regular", false), track("video", "regular", false)));
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isEqualTo(1);
        assertThat(page(api, "room_id=" + other).path("total").asInt()).isEqualTo(2);
    }
}
