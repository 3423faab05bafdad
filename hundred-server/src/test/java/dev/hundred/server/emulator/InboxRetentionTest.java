package dev.hundred.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxRetentionTest extends ApiTestBase {
    @Test
    void the_inbox_keeps_the_newest_ten_thousand_events_of_a_workspace_and_answers_at_most_a_thousand() {
        String room = Live.room(api);
        int total = EventInbox.KEEP_PER_WORKSPACE + 50;
        api.server().database().tx(h -> {
            Instant at = api.server().clock().instant();
            for (int n = 1; n <= total; n++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("room_id", room);
                data.put("n", n);
                api.server().events().publish(h, new RoomEvent(api.workspace(), room, "test.fill", data, at));
            }
            return null;
        });
        Client.Response first = api.get("/emulator/v1/events");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.path("events")).as("100 by default").hasSize(100);
        assertThat(page.path("events").get(0).path("data").path("n").asInt()).isEqualTo(51);
        JsonNode most = api.get("/emulator/v1/events?limit=5000&after=" + page.path("last").asText()).json();
        assertThat(most.path("events")).as("at most 1000").hasSize(1000);
        assertThat(most.path("events").get(0).path("data").path("n").asInt()).isEqualTo(151);
    }

    @Test
    void events_older_than_a_day_of_the_server_clock_are_gone() {
        try (Hundred own = Backends.fresh(backend)) {
            Client client = Client.forNewWorkspace(own);
            Live.join(client, Live.room(client), "host", "Old");
            String join = client.get("/emulator/v1/events?type=peer.join.success").json().path("last").asText();
            client.advanceClock(23 * 3600); // the room's limits end the session on the way: more events
            assertThat(ids(client)).contains(join);
            client.advanceClock(3600 + 1);
            assertThat(ids(client)).doesNotContain(join);
            assertThat(client.get("/emulator/v1/events?type=peer.join.success").json().path("events")).isEmpty();
        }
    }

    private static java.util.List<String> ids(Client client) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        client.get("/emulator/v1/events?limit=1000").json().path("events").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    @Test
    void stopping_the_server_answers_open_long_polls_with_no_events() throws Exception {
        Hundred own = Backends.fresh(backend);
        Client client = Client.forNewWorkspace(own);
        CompletableFuture<Client.Response> waiting = CompletableFuture.supplyAsync(
                () -> client.get("/emulator/v1/events?wait_seconds=60"));
        InboxApiTest.awaitOpenPoll(client);
        own.close();
        Client.Response answer = waiting.get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("events")).isEmpty();
        assertThat(answer.json().path("last").asText()).isEmpty();
    }
}
