package dev.hundred.server.sessions;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionApiTest extends ApiTestBase {

    private List<String> ids(String query) {
        Client.Response response = api.get("/v2/sessions" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("data").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    private JsonNode session(String id) {
        Client.Response response = api.get("/v2/sessions/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static String q(String timestamp) {
        return URLEncoder.encode(timestamp, StandardCharsets.UTF_8);
    }

    @Test
    void a_session_opens_with_the_first_peer_keeps_its_peers_history_and_closes_with_the_last() {
        assertThat(api.get("/v2/sessions").text()).isEqualTo("{\"limit\":10,\"data\":null,\"last\":\"\"}");
        String room = Live.room(api);
        JsonNode ann = Live.join(api, room, "host", "Ann");
        JsonNode bob = Live.join(api, room, "guest", "Bob");
        String id = api.get("/v2/active-rooms/" + room).at("/session/id");

        JsonNode open = session(id);
        assertThat(open.fieldNames()).toIterable().containsExactly("id", "room_id", "customer_id", "app_id", "active",
                "peers", "created_at", "updated_at");
        assertThat(open.path("room_id").asText()).isEqualTo(room);
        assertThat(open.path("customer_id").asText()).isEqualTo(api.workspace().customerId());
        assertThat(open.path("app_id").asText()).isEqualTo(api.workspace().id());
        assertThat(open.path("active").asBoolean()).isTrue();
        assertThat(open.path("created_at").asText()).isEqualTo(ann.path("joined_at").asText());
        assertThat(open.path("updated_at").asText()).isEqualTo(bob.path("joined_at").asText());
        String annId = ann.path("id").asText();
        assertThat(open.path("peers").fieldNames()).toIterable().containsExactly(annId, bob.path("id").asText());
        JsonNode annPeer = open.path("peers").path(annId);
        assertThat(annPeer.fieldNames()).toIterable()
                .containsExactly("id", "session_id", "name", "role", "user_id", "user", "joined_at");
        assertThat(annPeer.path("user").asText()).isEqualTo("user-Ann");
        assertThat(annPeer.path("session_id").asText()).isEqualTo(id);
        assertThat(annPeer.path("name").asText()).isEqualTo("Ann");
        assertThat(annPeer.path("role").asText()).isEqualTo("host");
        assertThat(annPeer.path("user_id").asText()).isEqualTo("user-Ann");

        JsonNode annLeft = Live.leave(api, room, annId);
        assertThat(session(id).path("peers").path(annId).path("left_at").asText())
                .isEqualTo(annLeft.path("left_at").asText());
        assertThat(session(id).path("active").asBoolean()).isTrue();
        JsonNode bobLeft = Live.leave(api, room, bob.path("id").asText());
        JsonNode closed = session(id);
        assertThat(closed.path("active").asBoolean()).isFalse();
        assertThat(closed.path("updated_at").asText()).isEqualTo(bobLeft.path("left_at").asText());
        assertThat(closed.path("peers")).hasSize(2);

        JsonNode again = Live.join(api, room, "host", "Ann");
        assertThat(again.path("id").asText()).as("a re-join is a new peer").isNotEqualTo(annId);
        String second = api.get("/v2/active-rooms/" + room).at("/session/id");
        assertThat(second).isNotEqualTo(id);
        assertThat(session(id)).isEqualTo(closed);
        assertThat(ids("")).containsExactly(second, id);
    }

    @Test
    void the_list_filters_by_active_room_start_time_and_id_newest_first_and_pages() {
        String room1 = Live.room(api);
        String room2 = Live.room(api);
        String first = Live.join(api, room1, "host", "A").path("id").asText();
        String s1 = api.get("/v2/active-rooms/" + room1).at("/session/id");
        Live.leave(api, room1, first);
        Live.join(api, room1, "host", "B");
        String s2 = api.get("/v2/active-rooms/" + room1).at("/session/id");
        Live.join(api, room2, "guest", "C");
        String s3 = api.get("/v2/active-rooms/" + room2).at("/session/id");
        String s2Start = session(s2).path("created_at").asText();

        assertThat(ids("")).containsExactly(s3, s2, s1);
        assertThat(ids("?active=true")).containsExactly(s3, s2);
        assertThat(ids("?active=false")).containsExactly(s1);
        assertThat(ids("?room_id=" + room1)).containsExactly(s2, s1);
        assertThat(ids("?room_id=" + room1 + "&active=true")).containsExactly(s2);
        assertThat(ids("?id=" + s2)).containsExactly(s2);
        assertThat(ids("?after=" + q(s2Start))).containsExactly(s3, s2);
        assertThat(ids("?before=" + q(s2Start))).containsExactly(s2, s1);
        assertThat(ids("?room_id=000000000000000000000000")).isEmpty();

        JsonNode page = api.get("/v2/sessions?limit=1&start=" + s3).json();
        assertThat(page.path("limit").asInt()).isEqualTo(10);
        assertThat(page.path("last").asText()).isEqualTo(s1);
        assertThat(ids("?start=" + s1)).isEmpty();

        assertError(api.get("/v2/sessions?active=yes"), 400, "Invalid query parameter", "active must be a boolean");
        assertError(api.get("/v2/sessions?after=yesterday"), 400, "Invalid query parameter",
                "after must be an RFC 3339 timestamp");
        assertError(api.get("/v2/sessions?limit=many"), 400, "Invalid query parameter", "limit must be an integer");
    }

    @Test
    void unknown_and_foreign_sessions_are_404() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = api.get("/v2/active-rooms/" + room).at("/session/id");
        Client other = Client.forNewWorkspace(api.server());

        assertError(api.get("/v2/sessions/000000000000000000000000"), 404, "Session not found");
        assertError(other.get("/v2/sessions/" + id), 404, "Session not found");
        assertThat(other.get("/v2/sessions").json().path("data").isNull()).isTrue();
    }
}
