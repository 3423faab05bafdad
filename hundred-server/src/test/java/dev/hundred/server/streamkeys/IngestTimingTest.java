package dev.hundred.server.streamkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ingest times on a frozen server clock, so each is exact: started_at, completed_at, last_disconnected_at and
 * duration. Each back end has a server of its own (the clock moves), started with a --public-url so the
 * RTMP URL's host is that one.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class IngestTimingTest {

    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        Hundred server = Backends.own("ingest-timing", backend,
                c -> c.withPublicUrl("https://hundred.example.com:8443/base"), s -> { });
        api = Client.forNewWorkspace(server);
        api.freezeClock(true);
    }

    private Instant now() {
        return Timestamps.parse(api.get("/emulator/v1/clock").at("/now"));
    }

    @Test
    void an_ingest_of_90_seconds_reports_its_times_and_duration_exactly() {
        String room = Keys.rtmpInRoom(api);
        String key = Keys.create(api, room).path("key").asText();
        Instant t0 = now();
        JsonNode start = Keys.ingest(api, key, Map.of("action", "start")).path("data");
        api.advanceClock(90.5);
        JsonNode end = Keys.ingest(api, key, Map.of("action", "stop", "reason", "reconnection window expired")).path("data");

        assertThat(start.path("started_at").asText()).isEqualTo(Timestamps.format(t0));
        assertThat(end.path("started_at").asText()).isEqualTo(Timestamps.format(t0));
        assertThat(end.path("completed_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(90_500)));
        assertThat(end.path("last_disconnected_at").asText()).isEqualTo(end.path("completed_at").asText());
        assertThat(end.path("duration").asInt()).isEqualTo(90);
        JsonNode session = api.get("/v2/sessions?room_id=" + room).json().path("data").get(0);
        assertThat(session.path("created_at").asText()).isEqualTo(Timestamps.format(t0));
    }

    @Test
    void the_rtmp_url_has_the_public_urls_host_and_the_key_keeps_its_times() {
        String room = Keys.rtmpInRoom(api);
        JsonNode key = Keys.create(api, room);
        assertThat(key.path("url").asText()).isEqualTo("rtmp://hundred.example.com/live");
        assertThat(key.path("created_at").asText()).isEqualTo(Timestamps.format(now()));
        api.advanceClock(60);
        Keys.setRoomEnabled(api, room, false);
        Keys.setRoomEnabled(api, room, true);
        JsonNode again = api.get("/v2/stream-keys/room/" + room).json().path("data").get(0);
        assertThat(again.path("updated_at").asText()).as("the room's state is not the key's").isEqualTo(key.path("created_at").asText());
    }
}
