package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.join;
import static dev.hundred.server.analytics.AnalyticsCalls.page;
import static dev.hundred.server.analytics.AnalyticsCalls.query;
import static dev.hundred.server.analytics.AnalyticsCalls.track;
import static dev.hundred.server.analytics.AnalyticsCalls.types;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two clocks of the events API, on the server clock moved by the emulator: a cursor lasts 24 hours
 * from the first query, and only the last 30 days are served. Each back end has a server of its own (the
 * clock moves), frozen so that every instant is exact.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class EventWindowClockTest {

    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        Hundred server = Backends.own("analytics-clock", backend);
        api = longLived(server);
        api.freezeClock(true);
    }

    /** A client whose management token outlives the days these tests move the clock by. */
    static Client longLived(Hundred server) {
        Workspace ws = server.workspaces().create("test", null, null);
        return new Client(server, ws, server.tokens().management(ws, Duration.ofDays(3650)));
    }

    /** A room where a peer published three tracks and left (no session is left open to end on the clock). */
    private String roomWithSixEvents() {
        String room = Live.room(api);
        String peer = join(api, room, "host", "Ann", List.of(track("audio", "regular", false),
                track("video", "regular", false), track("video", "screen", false))).path("id").asText();
        Live.leave(api, room, peer);
        return room;
    }

    @Test
    void a_cursor_expires_24_hours_after_the_first_query_of_its_snapshot() {
        String room = roomWithSixEvents();
        JsonNode first = page(api, "room_id=" + room, "limit=2");
        api.advanceClock(86400 - 1);
        JsonNode second = page(api, "room_id=" + room, "limit=2", "start=" + first.path("next").asText());
        assertThat(second.path("events")).hasSize(2);
        api.advanceClock(1); // 24 h after the first query: both cursors of the snapshot are gone
        String expired = "start has expired: a cursor lasts 24 hours from the first query; query again without start";
        assertError(query(api, "room_id=" + room, "limit=2", "start=" + second.path("next").asText()), 400,
                "Invalid query parameter", expired);
        assertError(query(api, "room_id=" + room, "limit=2", "start=" + first.path("next").asText()), 400,
                "Invalid query parameter", expired);
        // a new first query starts a new snapshot (and clears expired ones); the old cursor stays expired
        JsonNode again = page(api, "room_id=" + room, "limit=2");
        assertThat(page(api, "room_id=" + room, "limit=2", "start=" + again.path("next").asText()).path("events"))
                .hasSize(2);
        assertError(query(api, "room_id=" + room, "limit=2", "start=" + first.path("next").asText()), 400,
                "Invalid query parameter", expired);
    }

    @Test
    void only_the_last_30_days_are_served() {
        String old = roomWithSixEvents();
        api.advanceClock(30 * 86400);
        assertThat(page(api, "room_id=" + old).path("total").asInt()).as("exactly 30 days old").isEqualTo(6);
        api.advanceClock(0.000001);
        JsonNode gone = page(api, "room_id=" + old);
        assertThat(gone.path("total").asInt()).isZero();
        assertThat(gone.path("events")).isEmpty();
        // newer events of the same room are served
        join(api, old, "host", "Bob", List.of(track("audio", "regular", false)));
        assertThat(types(page(api, "room_id=" + old))).containsExactly("track.add.success");
    }

    @Test
    void a_snapshot_keeps_what_it_took_while_the_window_moves_on() {
        String room = roomWithSixEvents();
        api.advanceClock(30 * 86400 - 60);
        JsonNode first = page(api, "room_id=" + room, "limit=3");
        assertThat(first.path("total").asInt()).isEqualTo(6);
        api.advanceClock(120); // the events are now older than 30 days
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isZero();
        JsonNode second = page(api, "room_id=" + room, "limit=3", "start=" + first.path("next").asText());
        assertThat(types(second)).containsExactly("track.remove.success", "track.remove.success",
                "track.remove.success");
        assertThat(second.path("total").asInt()).isEqualTo(6);
    }
}
