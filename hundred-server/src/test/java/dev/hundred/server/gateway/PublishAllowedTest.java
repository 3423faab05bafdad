package dev.hundred.server.gateway;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A role's {@code publishParams.allowed} (set through the templates role API) decides which tracks its
 * peers may publish, at the join and later: audio needs audio, a regular video needs video, a screen
 * track needs screen. A refusal is 403 Track publish refused and writes nothing.
 */
class PublishAllowedTest extends ApiTestBase {
    private static final String REFUSED = "Track publish refused";

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    private void allow(String role, List<String> kinds) {
        String template = api.get("/v2/templates").json().path("data").get(0).path("id").asText();
        Client.Response set = api.post("/v2/templates/" + template + "/roles/" + role,
                Map.of("publishParams", Map.of("allowed", kinds)));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().path("publishParams").path("allowed")).hasSize(kinds.size());
    }

    private static Map<String, Object> track(String type, String source) {
        return Map.of("type", type, "source", source);
    }

    @Test
    void an_emulator_join_with_a_track_the_role_may_not_publish_is_refused_and_writes_nothing() {
        allow("guest", List.of("audio"));
        String room = Live.room(api);
        Client.Response refused = api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "guest",
                "name", "Gus", "tracks", List.of(Map.of("type", "audio"), Map.of("type", "video"))));
        assertError(refused, 403, REFUSED, "role guest may not publish video");

        assertThat(api.get("/v2/sessions").json().path("data").isNull()).as("no session opened").isTrue();
        assertThat(RecordedEvents.types(api.server(), api.workspace().id())).isEmpty();
        assertThat(api.get("/v2/active-rooms/" + room).status()).isEqualTo(404);
    }

    @Test
    void emulator_publishes_follow_the_roles_allowed_list_as_it_is_now() {
        allow("guest", List.of("audio"));
        String room = Live.room(api);
        String peer = Live.join(api, room, "guest", "Gus").path("id").asText();
        String tracks = "/emulator/v1/rooms/" + room + "/peers/" + peer + "/tracks";

        assertError(api.post(tracks, Map.of("type", "video")), 403, REFUSED, "role guest may not publish video");
        assertError(api.post(tracks, track("video", "screen")), 403, REFUSED, "role guest may not publish screen");
        assertError(api.post(tracks, track("audio", "screen")), 403, REFUSED, "role guest may not publish screen");
        assertThat(api.post(tracks, Map.of("type", "audio")).status()).isEqualTo(200);
        String peerPath = "/v2/active-rooms/" + room + "/peers/" + peer;
        assertThat(api.get(peerPath).json().path("tracks")).hasSize(1);

        allow("guest", List.of("screen"));
        assertError(api.post(tracks, Map.of("type", "audio")), 403, REFUSED, "role guest may not publish audio");
        Client.Response screen = api.post(tracks, track("video", "screen"));
        assertThat(screen.status()).as(screen.text()).isEqualTo(200);
        assertThat(screen.json().path("source").asText()).isEqualTo("screen");
        assertThat(api.get(peerPath).json().path("tracks")).hasSize(2);
    }

    @Test
    void the_gateway_answers_error_for_a_refused_track_and_keeps_the_socket_open() throws InterruptedException {
        allow("guest", List.of("video"));
        String room = Live.room(api);
        try (TestPeer host = Live.gatewayPeer(api, room, "host", "Ann");
             TestPeer gus = TestPeer.connect(api.server(), Live.appToken(api, room, "guest", "u-gus"))) {
            JsonNode joinRefused = gus.request("join", Map.of("name", "Gus", "tracks", List.of(Map.of("type", "audio"))));
            assertRefused(joinRefused, "role guest may not publish audio");
            host.assertNothingWithin(100); // nobody joined

            gus.send(Map.of("type", "join", "name", "Gus", "tracks", List.of(Map.of("type", "video"))));
            JsonNode joined = gus.next("joined");
            assertThat(joined.path("peer").path("tracks")).hasSize(1);
            assertThat(host.next("peer-joined").path("peer").path("id").asText()).isEqualTo(joined.path("peer_id").asText());

            JsonNode publishRefused = gus.request("publish-track", Map.of("track", track("video", "screen")));
            assertRefused(publishRefused, "role guest may not publish screen");
            host.assertNothingWithin(100); // a refused publish changes nothing to tell

            JsonNode ok = gus.request("publish-track", Map.of("track", track("video", "regular")));
            assertThat(ok.path("type").asText()).as(ok.toString()).isEqualTo("ok");
            assertThat(host.next("peer-updated").path("peer").path("tracks")).hasSize(2);
            assertThat(RecordedEvents.types(api.server(), api.workspace().id()))
                    .containsExactly("session.open.success", "peer.join.success", "peer.join.success");
        }
    }

    private static void assertRefused(JsonNode error, String detail) {
        assertThat(error.path("type").asText()).as(error.toString()).isEqualTo("error");
        assertThat(error.path("code").asInt()).isEqualTo(403);
        assertThat(error.path("message").asText()).isEqualTo(REFUSED);
        assertThat(error.path("details")).containsExactly(Client.JSON.getNodeFactory().textNode(detail));
    }
}
