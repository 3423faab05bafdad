package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.all;
import static dev.hundred.server.analytics.AnalyticsCalls.clientError;
import static dev.hundred.server.analytics.AnalyticsCalls.join;
import static dev.hundred.server.analytics.AnalyticsCalls.page;
import static dev.hundred.server.analytics.AnalyticsCalls.publishRecording;
import static dev.hundred.server.analytics.AnalyticsCalls.query;
import static dev.hundred.server.analytics.AnalyticsCalls.report;
import static dev.hundred.server.analytics.AnalyticsCalls.track;
import static dev.hundred.server.analytics.AnalyticsCalls.types;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v2/analytics/events: every filter and their combinations, limit, total and the errors. */
class EventQueryApiTest extends ApiTestBase {
    static final String BAD = "Invalid query parameter";

    String room;
    String s1;
    String s2;
    String ann1;
    String bob;
    String ann2;

    /**
     * Two sessions of one room. Session 1: Ann (host) with audio and video, Bob (guest) with audio, Ann
     * unmutes, Bob reports a subscribe failure, both leave. Session 2: Ann again (a new peer, the same user)
     * with audio, a join failure of a peer that never got in, a recording, Ann leaves.
     */
    @BeforeEach
    void twoSessions() {
        room = Live.room(api);
        JsonNode a = join(api, room, "host", "Ann", List.of(track("audio", "regular", true), track("video", "regular", false)));
        ann1 = a.path("id").asText();
        bob = join(api, room, "guest", "Bob", List.of(track("audio", "regular", false))).path("id").asText();
        String annAudio = a.path("tracks").fieldNames().next();
        AnalyticsCalls.mute(api, room, ann1, annAudio, false);
        assertThat(report(api, room, bob, clientError("client.subscribe.failed")).status()).isEqualTo(200);
        s1 = Live.leave(api, room, ann1).path("session_id").asText();
        Live.leave(api, room, bob);
        ann2 = join(api, room, "host", "Ann", List.of(track("audio", "regular", false))).path("id").asText();
        Map<String, Object> failed = clientError("client.join.failed");
        failed.put("user_id", "user-Cy");
        assertThat(report(api, room, "5b2a9d1e-0000-4000-8000-000000000001", failed).status()).isEqualTo(200);
        s2 = Live.leave(api, room, ann2).path("session_id").asText();
        publishRecording(api, room, s2, "beam-1");
    }

    @Test
    void without_filters_every_event_of_the_room_comes_oldest_first() {
        List<JsonNode> events = all(api, "room_id=" + room, "limit=100");
        assertThat(types(events)).containsExactly(
                "track.add.success", "track.add.success", "track.add.success", "track.update.success",
                "client.subscribe.failed", "track.remove.success", "track.remove.success", "track.remove.success",
                "track.add.success", "client.join.failed", "track.remove.success", "beam.recording.success");
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isEqualTo(12);
        assertThat(page(api, "room_id=" + room, "error=false").path("total").asInt()).isEqualTo(12);
    }

    @Test
    void type_keeps_the_types_asked_for_and_may_repeat() {
        assertThat(types(page(api, "room_id=" + room, "type=track.update.success"))).containsExactly("track.update.success");
        assertThat(types(page(api, "room_id=" + room, "type=track.remove.success", "type=client.join.failed",
                "type=track.remove.success"))).containsExactly("track.remove.success", "track.remove.success",
                "track.remove.success", "client.join.failed", "track.remove.success");
        assertThat(page(api, "room_id=" + room, "type=client.connect.failed").path("total").asInt()).isZero();
    }

    @Test
    void error_true_keeps_only_the_client_error_events() {
        assertThat(types(page(api, "room_id=" + room, "error=true")))
                .containsExactly("client.subscribe.failed", "client.join.failed");
        assertThat(types(page(api, "room_id=" + room, "error=true", "type=client.join.failed", "type=track.add.success")))
                .containsExactly("client.join.failed");
        JsonNode none = page(api, "room_id=" + room, "error=true", "type=track.add.success");
        assertThat(none.path("total").asInt()).isZero();
        assertThat(none.path("events")).isEmpty();
    }

    @Test
    void session_peer_and_user_narrow_the_events() {
        assertThat(page(api, "room_id=" + room, "session_id=" + s1).path("total").asInt()).isEqualTo(8);
        assertThat(types(page(api, "room_id=" + room, "session_id=" + s2))).containsExactly(
                "track.add.success", "client.join.failed", "track.remove.success", "beam.recording.success");
        assertThat(types(page(api, "room_id=" + room, "peer_id=" + bob))).containsExactly(
                "track.add.success", "client.subscribe.failed", "track.remove.success");
        // one user, two peers (Ann joined twice)
        List<JsonNode> ann = all(api, "room_id=" + room, "user_id=user-Ann");
        assertThat(ann).hasSize(7);
        assertThat(ann.stream().map(e -> e.path("data").path("peer_id").asText()).distinct()).containsExactly(ann1, ann2);
        assertThat(types(page(api, "room_id=" + room, "user_id=user-Cy"))).containsExactly("client.join.failed");
        assertThat(page(api, "room_id=" + room, "peer_id=" + ann2, "session_id=" + s1).path("total").asInt()).isZero();
    }

    @Test
    void filters_combine() {
        JsonNode page = page(api, "room_id=" + room, "session_id=" + s1, "user_id=user-Ann", "type=track.add.success",
                "type=track.update.success");
        assertThat(types(page)).containsExactly("track.add.success", "track.add.success", "track.update.success");
        assertThat(page(api, "room_id=" + room, "session_id=" + s2, "peer_id=" + ann2, "type=track.remove.success")
                .path("total").asInt()).isEqualTo(1);
        assertThat(page(api, "room_id=" + room, "session_id=" + s1, "error=true", "peer_id=" + bob)
                .path("total").asInt()).isEqualTo(1);
        assertThat(page(api, "room_id=" + room, "session_id=" + s2, "beam_id=beam-1").path("total").asInt()).isEqualTo(1);
        assertThat(page(api, "room_id=" + room, "session_id=" + s1, "beam_id=beam-1").path("total").asInt()).isZero();
    }

    @Test
    void limit_defaults_to_10_counts_at_least_1_and_at_most_100() {
        for (int i = 0; i < 100; i++) { // 112 events in all
            publishRecording(api, room, s2, "beam-x" + i);
        }
        assertThat(page(api, "room_id=" + room).path("events")).hasSize(10);
        JsonNode one = page(api, "room_id=" + room, "limit=1");
        assertThat(one.path("limit").asInt()).isEqualTo(1);
        assertThat(one.path("events")).hasSize(1);
        assertThat(one.path("total").asInt()).isEqualTo(112);
        assertThat(one.path("next").asText()).isNotEmpty();
        assertThat(page(api, "room_id=" + room, "limit=0").path("events")).hasSize(1);
        assertThat(page(api, "room_id=" + room, "limit=-3").path("events")).hasSize(1);
        assertThat(page(api, "room_id=" + room, "limit=100").path("events")).hasSize(100);
        JsonNode over = page(api, "room_id=" + room, "limit=101");
        assertThat(over.path("limit").asInt()).isEqualTo(100);
        assertThat(over.path("events")).hasSize(100);
        assertThat(page(api, "room_id=" + room, "limit=99999999999").path("events")).hasSize(100);
        assertError(query(api, "room_id=" + room, "limit=ten"), 400, BAD, "limit must be an integer");
        assertError(query(api, "room_id=" + room, "limit=1.5"), 400, BAD, "limit must be an integer");
    }

    @Test
    void pages_follow_next_until_it_is_empty_and_add_up_to_total() {
        List<JsonNode> whole = all(api, "room_id=" + room, "limit=100");
        JsonNode first = page(api, "room_id=" + room, "limit=5");
        assertThat(first.path("limit").asInt()).isEqualTo(5);
        assertThat(first.path("total").asInt()).isEqualTo(12);
        JsonNode second = page(api, "room_id=" + room, "limit=5", "start=" + first.path("next").asText());
        assertThat(second.path("total").asInt()).isEqualTo(12);
        assertThat(second.path("next").asText()).isNotEmpty().isNotEqualTo(first.path("next").asText());
        JsonNode third = page(api, "room_id=" + room, "limit=5", "start=" + second.path("next").asText());
        assertThat(third.path("limit").asInt()).isEqualTo(2);
        assertThat(third.path("events")).hasSize(2);
        assertThat(third.path("next").asText()).isEmpty();
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode p : List.of(first, second, third)) {
            p.path("events").forEach(e -> ids.add(e.path("id").asText()));
        }
        assertThat(ids).containsExactlyElementsOf(whole.stream().map(e -> e.path("id").asText()).toList());
        // a page may ask for another limit than the first
        JsonNode rest = page(api, "room_id=" + room, "limit=100", "start=" + first.path("next").asText());
        assertThat(rest.path("events")).hasSize(7);
        assertThat(rest.path("next").asText()).isEmpty();
        // exactly a page full: no next
        JsonNode full = page(api, "room_id=" + room, "limit=12");
        assertThat(full.path("events")).hasSize(12);
        assertThat(full.path("next").asText()).isEmpty();
    }

    @Test
    void pages_of_a_cursor_show_the_results_of_the_first_query_only() {
        JsonNode first = page(api, "room_id=" + room, "limit=10");
        assertThat(first.path("total").asInt()).isEqualTo(12);
        // new events after the first query
        join(api, room, "host", "Dee", List.of(track("audio", "regular", false), track("video", "regular", false)));
        publishRecording(api, room, s2, "beam-late");
        JsonNode second = page(api, "room_id=" + room, "limit=10", "start=" + first.path("next").asText());
        assertThat(second.path("total").asInt()).isEqualTo(12);
        assertThat(types(second)).containsExactly("track.remove.success", "beam.recording.success");
        assertThat(second.path("next").asText()).isEmpty();
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isEqualTo(15);
    }

    @Test
    void room_id_is_required_and_must_be_a_room_of_this_workspace() {
        assertError(query(api), 400, BAD, "room_id is required");
        assertError(query(api, "room_id="), 400, BAD, "room_id is required");
        assertError(query(api, "room_id=000000000000000000000000"), 404, "Room not found");
        Client other = Client.forNewWorkspace(api.server());
        assertError(query(other, "room_id=" + room), 404, "Room not found");
    }

    @Test
    void unknown_types_and_bad_booleans_are_refused() {
        Client.Response unknown = query(api, "room_id=" + room, "type=track.add.success", "type=peer.join.success");
        assertError(unknown, 400, BAD);
        assertThat(unknown.json().path("details").get(0).asText())
                .startsWith("type peer.join.success is not supported; supported types: track.add.success,");
        assertError(query(api, "room_id=" + room, "error=maybe"), 400, BAD, "error must be a boolean");
    }

    @Test
    void a_cursor_that_was_changed_or_belongs_elsewhere_is_refused() {
        String next = page(api, "room_id=" + room, "limit=2").path("next").asText();
        String[] parts = next.split(":");
        String invalid = "start is not a cursor this server gave for this workspace (pass the next of a previous"
                + " response, unchanged)";
        assertError(query(api, "room_id=" + room, "start=" + parts[0] + ":4:" + parts[2]), 400, BAD, invalid);
        assertError(query(api, "room_id=" + room, "start=" + parts[0] + ":" + parts[1] + ":x" + parts[2]), 400, BAD, invalid);
        assertError(query(api, "room_id=" + room, "start=" + "00000000-0000-4000-8000-000000000000:" + parts[1] + ":"
                + parts[2]), 400, BAD, invalid);
        assertError(query(api, "room_id=" + room, "start=garbage"), 400, BAD, invalid);
        assertError(query(api, "room_id=" + room, "start=" + next + ":1"), 400, BAD, invalid);
        // another workspace cannot use it, even on a room of its own
        Client other = Client.forNewWorkspace(api.server());
        String otherRoom = Live.room(other);
        assertError(query(other, "room_id=" + otherRoom, "start=" + next), 400, BAD, invalid);
        // nor another query of this workspace
        String another = "start belongs to another query: send the same room_id, type, session_id, peer_id,"
                + " user_id, beam_id and error as the first request";
        assertError(query(api, "room_id=" + room, "type=track.add.success", "start=" + next), 400, BAD, another);
        assertError(query(api, "room_id=" + room, "error=true", "start=" + next), 400, BAD, another);
        assertError(query(api, "room_id=" + room, "session_id=" + s1, "start=" + next), 400, BAD, another);
        assertError(query(api, "room_id=" + Live.room(api), "start=" + next), 400, BAD, another);
        // the same query with the types spelled out is the same query
        String[] all = {"room_id=" + room, "type=track.add.success", "type=track.update.success",
                "type=track.remove.success", "type=beam.recording.success", "type=client.publish.failed",
                "type=client.subscribe.failed", "type=client.join.failed", "type=client.disconnected",
                "type=client.connect.failed", "start=" + next};
        assertThat(page(api, all).path("events")).hasSize(10);
    }
}
