package dev.hundred.server.polls;

import static dev.hundred.server.polls.PollFixtures.answered;
import static dev.hundred.server.polls.PollFixtures.createId;
import static dev.hundred.server.polls.PollFixtures.ok;
import static dev.hundred.server.polls.PollFixtures.start;
import static dev.hundred.server.polls.PollFixtures.stop;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A poll's {@code duration} on the server clock, frozen so every time is exact: it stops on a durable timer
 * at start + duration, and not when it was stopped before or its session ended. A server of its own per
 * back end: the clock moves.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class PollDurationTest {

    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        Hundred server = Backends.own("poll-duration", backend);
        api = Client.forNewWorkspace(server);
        api.freezeClock(true);
    }

    private JsonNode run(String poll) {
        return ok(api.get("/v2/polls/" + poll + "/sessions")).at("/responses/0");
    }

    private static Instant at(JsonNode timestamp) {
        return Timestamps.parse(timestamp.asText());
    }

    @Test
    void a_poll_with_a_duration_stops_when_it_ends_and_its_peers_are_told() {
        String poll = createId(api, "{\"duration\": 30, \"questions\": [{\"options\": [{}]}]}");
        String room = Live.room(api, Map.of("polls", List.of(poll)));
        try (TestPeer host = Live.gatewayPeer(api, room, "host", "Hal")) {
            JsonNode started = host.next("poll-started");
            Instant startedAt = at(started.path("started_at"));
            assertThat(at(started.path("stops_at"))).isEqualTo(startedAt.plusSeconds(30));

            api.advanceClock(29.999);
            assertThat(run(poll).path("stopped_at").isNull()).isTrue();
            JsonNode reply = host.request("poll-response", Map.of("poll_id", poll, "question", 1, "option", 1));
            assertThat(reply.at("/response/duration").asLong()).as("ms since the start").isEqualTo(29_999);

            api.advanceClock(0.001);
            JsonNode stopped = host.next("poll-stopped");
            assertThat(stopped.path("reason").asText()).isEqualTo("duration elapsed");
            assertThat(at(stopped.path("stopped_at"))).isEqualTo(startedAt.plusSeconds(30));
            assertThat(at(run(poll).path("stopped_at"))).isEqualTo(startedAt.plusSeconds(30));
            assertThat(run(poll).path("total_responses").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_poll_stopped_early_or_ended_with_its_session_is_not_stopped_again() {
        String early = createId(api, "{\"duration\": 60, \"start\": \"manual\"}");
        String ended = createId(api, "{\"duration\": 60, \"start\": \"manual\"}");
        String room = Live.room(api);
        String peer = Live.join(api, room, "host", "Ann").path("id").asText();
        start(api, room, early);
        start(api, room, ended);
        api.advanceClock(10);
        JsonNode stopped = stop(api, room, early);
        api.advanceClock(10);
        JsonNode left = Live.leave(api, room, peer);
        api.advanceClock(120);
        assertThat(run(early).path("stopped_at")).isEqualTo(stopped.path("stopped_at"));
        assertThat(run(ended).path("stopped_at").asText()).isEqualTo(left.path("left_at").asText());
    }

    @Test
    void an_answer_without_a_duration_took_the_time_since_the_start() {
        String poll = createId(api, "{\"start\": \"manual\", \"questions\": [{\"type\": \"long-answer\"}]}");
        String room = Live.room(api);
        String peer = Live.join(api, room, "host", "Ann").path("id").asText();
        start(api, room, poll);
        api.advanceClock(2.5);
        assertThat(answered(api, room, peer, Map.of("poll_id", poll, "question", 1, "text", "slow"))
                .path("duration").asLong()).isEqualTo(2500);
        assertThat(answered(api, room, peer, Map.of("poll_id", poll, "question", 1, "text", "told", "duration", 40))
                .path("duration").asLong()).isEqualTo(40);
    }
}
