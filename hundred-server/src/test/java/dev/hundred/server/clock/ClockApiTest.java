package dev.hundred.server.clock;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.RecordedEvents;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator's clock ({@code /emulator/v1/clock}) and what reads it: tokens expire, sessions end at
 * the room's max_duration_seconds and at 12 h. Each back end has a server of its own: the clock moves.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class ClockApiTest {

    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        Hundred server = Backends.own("clock", backend, c -> c, RecordedEvents::recordOn);
        api = Client.forNewWorkspace(server);
    }

    private Instant now() {
        return Timestamps.parse(api.get("/emulator/v1/clock").at("/now"));
    }

    @Test
    void frozen_the_clock_stands_still_and_moves_exactly_as_told() {
        JsonNode frozen = api.freezeClock(true);
        assertThat(frozen.fieldNames()).toIterable().containsExactly("now", "frozen");
        assertThat(frozen.path("frozen").asBoolean()).isTrue();
        Instant t = Timestamps.parse(frozen.path("now").asText());
        assertThat(now()).isEqualTo(t);

        assertThat(Timestamps.parse(api.advanceClock(90.5).path("now").asText())).isEqualTo(t.plusMillis(90_500));
        Instant later = t.plus(Duration.ofDays(2));
        JsonNode set = api.post("/emulator/v1/clock", Map.of("set", Timestamps.format(later))).json();
        assertThat(Timestamps.parse(set.path("now").asText())).isEqualTo(later);
        api.renewToken(); // the old one expired on the way
        assertThat(now()).isEqualTo(later);

        JsonNode running = api.freezeClock(false);
        assertThat(running.path("frozen").asBoolean()).isFalse();
        assertThat(now()).isAfterOrEqualTo(later); // it goes on from where it stood, never back
    }

    @Test
    void the_clock_never_goes_backwards_and_bad_bodies_are_400() {
        api.freezeClock(true);
        Instant t = now();
        assertError(api.post("/emulator/v1/clock", Map.of("set", Timestamps.format(t.minusSeconds(1)))), 400,
                "Invalid body param", "set must not be before now (" + Timestamps.format(t) + "): the clock never goes backwards");
        assertError(api.post("/emulator/v1/clock", Map.of("advance_seconds", -1)), 400, "Invalid body param",
                "advance_seconds must be between 0 and 315576000: the clock never goes backwards");
        assertError(api.post("/emulator/v1/clock", Map.of("advance_seconds", 4e8)), 400, "Invalid body param");
        assertError(api.post("/emulator/v1/clock", Map.of("advance_seconds", "10")), 400, "Invalid body param",
                "advance_seconds must be a number");
        assertError(api.post("/emulator/v1/clock", Map.of("frozen", "yes")), 400, "Invalid body param",
                "frozen must be a boolean");
        assertError(api.post("/emulator/v1/clock", Map.of("set", "tomorrow")), 400, "Invalid body param",
                "set must be an RFC 3339 timestamp");
        assertError(api.post("/emulator/v1/clock", Map.of("set", "9999-12-31T00:00:00Z")), 400, "Invalid body param",
                "set must be within ten years of now");
        assertError(api.post("/emulator/v1/clock", Map.of("advance_seconds", 1, "set", Timestamps.format(t))), 400,
                "Invalid body param", "advance_seconds and set cannot be used together");
        assertError(api.post("/emulator/v1/clock", null), 400, "Invalid body param",
                "one of advance_seconds, set or frozen is required");
        assertError(api.post("/emulator/v1/clock", "{\"advance_seconds\": 1"), 400, "Invalid body param", "malformed JSON");
        assertThat(now()).isEqualTo(t); // nothing above moved it
        assertError(api.withToken(null).get("/emulator/v1/clock"), 401, "Token validation error");
    }

    @Test
    void a_token_expires_on_the_server_clock() {
        api.freezeClock(true);
        String token = api.server().tokens().management(api.workspace(), Duration.ofHours(1));
        Client holder = api.withToken(token);
        assertThat(holder.get("/v2/rooms").status()).isEqualTo(200);
        api.advanceClock(3600 + 60); // exp plus the 60 s leeway: still accepted
        assertThat(holder.get("/v2/rooms").status()).isEqualTo(200);
        api.advanceClock(1);
        assertError(holder.get("/v2/rooms"), 401, "Token validation error", "token expired");
        assertThat(api.get("/v2/rooms").status()).isEqualTo(200); // a token minted now is fine
    }

    @Test
    void a_session_ends_at_the_rooms_max_duration_with_its_peers_removed() {
        api.freezeClock(true);
        String room = Live.room(api, Map.of("name", "short-" + System.nanoTime(), "max_duration_seconds", 120));
        JsonNode ann = Live.join(api, room, "host", "Ann");
        String sessionId = api.get("/v2/active-rooms/" + room).at("/session/id");
        api.advanceClock(119.999);
        assertThat(api.get("/v2/sessions/" + sessionId).json().path("active").asBoolean()).isTrue();
        api.advanceClock(0.001);

        JsonNode session = api.get("/v2/sessions/" + sessionId).json();
        assertThat(session.path("active").asBoolean()).isFalse();
        Instant joined = Timestamps.parse(ann.path("joined_at").asText());
        assertThat(Timestamps.parse(session.path("peers").path(ann.path("id").asText()).path("left_at").asText()))
                .isEqualTo(joined.plusSeconds(120));
        assertError(api.get("/v2/active-rooms/" + room), 404, "Active room not found");
        List<RoomEvent> events = RecordedEvents.of(api.server(), api.workspace().id());
        RoomEvent leave = events.stream().filter(e -> e.type().equals("peer.leave.success")).findFirst().orElseThrow();
        assertThat(leave.data()).containsEntry("reason", "server removed peer").containsEntry("duration", 120);
        assertThat(events.get(events.size() - 1).type()).isEqualTo("session.close.success");
        assertThat(events.get(events.size() - 1).data()).containsEntry("session_duration", 120);

        JsonNode again = Live.join(api, room, "host", "Bob"); // the room itself stays usable: a new session
        assertThat(api.get("/v2/active-rooms/" + room).at("/session/id")).isNotEqualTo(sessionId);
        Live.leave(api, room, again.path("id").asText());
    }

    @Test
    void no_session_lasts_more_than_twelve_hours() {
        api.freezeClock(true);
        String room = Live.room(api, Map.of("name", "long-" + System.nanoTime()));
        Live.join(api, room, "host", "Ann");
        String sessionId = api.get("/v2/active-rooms/" + room).at("/session/id");
        api.advanceClock(12 * 3600 - 1);
        assertThat(api.get("/v2/sessions/" + sessionId).json().path("active").asBoolean()).isTrue();
        api.advanceClock(1);
        JsonNode session = api.get("/v2/sessions/" + sessionId).json();
        assertThat(session.path("active").asBoolean()).isFalse();
        assertThat(Duration.between(Timestamps.parse(session.path("created_at").asText()),
                Timestamps.parse(session.path("updated_at").asText()))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void timers_fire_in_due_order_at_their_due_times_while_the_clock_advances() {
        api.freezeClock(true);
        String later = Live.room(api, Map.of("name", "b-" + System.nanoTime(), "max_duration_seconds", 300));
        String sooner = Live.room(api, Map.of("name", "a-" + System.nanoTime(), "max_duration_seconds", 200));
        Live.join(api, later, "host", "Ann");
        Live.join(api, sooner, "host", "Bob");
        int before = RecordedEvents.of(api.server(), api.workspace().id()).size();
        api.advanceClock(1000);
        List<RoomEvent> closes = RecordedEvents.of(api.server(), api.workspace().id()).subList(before,
                RecordedEvents.of(api.server(), api.workspace().id()).size()).stream()
                .filter(e -> e.type().equals("session.close.success")).toList();
        assertThat(closes).extracting(RoomEvent::roomId).containsExactly(sooner, later);
        assertThat(Duration.between(closes.get(0).at(), closes.get(1).at())).isEqualTo(Duration.ofSeconds(100));
    }
}
