package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.Client;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A socket must join within 30 s of opening, whatever else it sends (docs/gateway.md, Limits and
 * misbehaving clients). The timeout is the server's real one, so this test waits for it: once, on H2
 * (no database is involved in it).
 */
@BesideOthers
class JoinTimeoutTest {

    @Test
    void a_socket_that_does_not_join_within_30_s_is_told_and_closed_with_4408() {
        Client api = Client.forNewWorkspace(Backends.server(Backends.H2));
        String room = Live.room(api);
        try (TestPeer idle = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u"))) {
            // Messages other than join do not put the deadline off.
            assertThat(idle.request("update", java.util.Map.of("name", "x")).path("type").asText()).isEqualTo("error");
            TestPeer.Closed closed = idle.awaitClose(Duration.ofSeconds(60));
            assertThat(closed).isEqualTo(new TestPeer.Closed(4408, "no join within 30 s"));
            JsonNode error = idle.next("error");
            assertThat(error.path("code").asInt()).isEqualTo(408);
            assertThat(error.path("message").asText()).isEqualTo("Join timeout");
            assertThat(error.path("details").get(0).asText()).isEqualTo("no join within 30 s");
            assertThat(api.get("/v2/active-rooms/" + room).status()).isEqualTo(404);
        }
    }
}
