package dev.hundred.server.emulator;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxApiTest extends ApiTestBase {
    private static final String EVENTS = "/emulator/v1/events";
    private static final String UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private JsonNode inbox(Client client, String query) {
        Client.Response response = client.get(EVENTS + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().fieldNames()).toIterable().containsExactly("events", "last");
        return response.json();
    }

    private JsonNode inbox(String query) {
        return inbox(api, query);
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void a_room_without_a_webhook_has_its_events_in_the_inbox_in_the_webhook_envelope() {
        String room = Live.room(api, Map.of("name", "no-hook"));
        String peer = Live.join(api, room, "host", "Ann").path("id").asText();
        Live.leave(api, room, peer);

        JsonNode page = inbox("");
        assertThat(types(page)).containsExactly("session.open.success", "peer.join.success", "peer.leave.success",
                "session.close.success");
        JsonNode join = page.path("events").get(1);
        assertThat(join.fieldNames()).toIterable()
                .containsExactly("version", "id", "app_id", "account_id", "timestamp", "type", "data");
        assertThat(join.path("version").asText()).isEqualTo("2.0");
        assertThat(join.path("id").asText()).matches(UUID4);
        assertThat(join.path("app_id").asText()).isEqualTo(api.workspace().id());
        assertThat(join.path("account_id").asText()).isEqualTo(api.workspace().customerId());
        assertThat(join.path("data").path("peer_id").asText()).isEqualTo(peer);
        assertThat(join.path("data").path("room_id").asText()).isEqualTo(room);
        assertThat(join.path("data").path("user_name").asText()).isEqualTo("Ann");
        assertThat(page.path("last").asText()).isEqualTo(page.path("events").get(3).path("id").asText());
        assertThat(api.get("/v2/analytics/webhooks").json().path("summary").path("total_events").asInt())
                .as("no webhook, no delivery").isZero();
    }

    @Test
    void with_a_webhook_the_inbox_has_exactly_what_the_receiver_got_with_the_same_ids() {
        try (Receiver receiver = Receiver.ok()) {
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
            String room = Live.room(api);
            Live.join(api, room, "host", "Bo");
            List<Receiver.Hit> hits = receiver.await(2, Duration.ofSeconds(20));
            JsonNode events = inbox("").path("events");
            assertThat(events).hasSize(2);
            for (int i = 0; i < 2; i++) {
                JsonNode received = hits.get(i).json();
                assertThat(events.get(i)).isEqualTo(received);
            }
        }
    }

    @Test
    void after_type_room_id_and_limit_select_and_last_is_the_cursor() {
        String a = Live.room(api, Map.of("name", "a"));
        String b = Live.room(api, Map.of("name", "b"));
        Live.join(api, a, "host", "A1");
        Live.join(api, b, "host", "B1");
        Live.join(api, a, "guest", "A2");

        JsonNode all = inbox("");
        assertThat(types(all)).containsExactly("session.open.success", "peer.join.success", "session.open.success",
                "peer.join.success", "peer.join.success");
        List<String> ids = new ArrayList<>();
        all.path("events").forEach(e -> ids.add(e.path("id").asText()));

        JsonNode joins = inbox("?type=peer.join.success");
        assertThat(joins.path("events")).extracting(e -> e.path("data").path("user_name").asText())
                .containsExactly("A1", "B1", "A2");
        assertThat(inbox("?type=peer.join.success&type=session.open.success").path("events")).hasSize(5);
        assertThat(inbox("?room_id=" + b).path("events")).extracting(e -> e.path("type").asText())
                .containsExactly("session.open.success", "peer.join.success");
        assertThat(inbox("?room_id=" + b + "&type=peer.join.success").path("events")).hasSize(1);
        assertThat(inbox("?room_id=" + "0".repeat(24)).path("events")).isEmpty();

        JsonNode first = inbox("?limit=2");
        assertThat(first.path("events")).extracting(e -> e.path("id").asText()).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.path("last").asText()).isEqualTo(ids.get(1));
        JsonNode next = inbox("?limit=2&after=" + first.path("last").asText());
        assertThat(next.path("events")).extracting(e -> e.path("id").asText()).containsExactly(ids.get(2), ids.get(3));
        JsonNode rest = inbox("?after=" + next.path("last").asText());
        assertThat(rest.path("events")).extracting(e -> e.path("id").asText()).containsExactly(ids.get(4));
        JsonNode none = inbox("?after=" + ids.get(4));
        assertThat(none.path("events")).isEmpty();
        assertThat(none.path("last").asText()).as("no events: the after given").isEqualTo(ids.get(4));
        // after is a place in the whole inbox: a filter skips what it does not want past it.
        assertThat(inbox("?type=peer.join.success&after=" + ids.get(1)).path("events"))
                .extracting(e -> e.path("data").path("user_name").asText()).containsExactly("B1", "A2");
        assertThat(inbox("?limit=0").path("events")).as("below 1 counts as 1").hasSize(1);
    }

    @Test
    void an_empty_inbox_answers_no_events_and_an_empty_last() {
        JsonNode page = inbox("");
        assertThat(page.path("events").isArray()).isTrue();
        assertThat(page.path("events")).isEmpty();
        assertThat(page.path("last").asText()).isEmpty();
    }

    @Test
    void bad_queries_are_400() {
        String room = Live.room(api);
        Live.join(api, room, "host", "X");
        String ours = inbox("").path("last").asText();
        Client other = Client.forNewWorkspace(api.server());
        assertError(other.get(EVENTS + "?after=" + ours), 400, "Invalid query parameter",
                "after is not an event of this workspace's inbox: " + ours + " (the inbox keeps 24 h and at most 10000 events)");
        assertError(api.get(EVENTS + "?after=nope"), 400, "Invalid query parameter",
                "after is not an event of this workspace's inbox: nope (the inbox keeps 24 h and at most 10000 events)");
        assertError(api.get(EVENTS + "?after=" + "x".repeat(65)), 400, "Invalid query parameter", "after is longer than 64 characters");
        assertError(api.get(EVENTS + "?type=" + "t".repeat(129)), 400, "Invalid query parameter", "type is longer than 128 characters");
        assertError(api.get(EVENTS + "?room_id=" + "r".repeat(256)), 400, "Invalid query parameter",
                "room_id is longer than 255 characters");
        assertError(api.get(EVENTS + "?type=%00"), 400, "Invalid query parameter", "type must not contain NUL characters");
        assertError(api.get(EVENTS + "?limit=many"), 400, "Invalid query parameter", "limit must be an integer");
        for (String wait : List.of("-1", "61", "60.001", "soon", "NaN", "1e400", "1".repeat(40))) {
            assertError(api.get(EVENTS + "?wait_seconds=" + wait), 400, "Invalid query parameter",
                    "wait_seconds must be a number of seconds from 0 to 60");
        }
        assertError(api.withToken(null).get(EVENTS), 401, "Token validation error");
        assertThat(inbox("?wait_seconds=0").path("events")).hasSize(2);
        assertThat(inbox("?wait_seconds=60&limit=1").path("events")).as("events there: no wait").hasSize(1);
    }

    @Test
    void a_long_poll_returns_the_event_that_commits_while_it_waits() throws Exception {
        String room = Live.room(api);
        Live.join(api, room, "host", "First");
        String after = inbox("").path("last").asText();

        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(
                () -> inbox("?type=peer.join.success&wait_seconds=60&after=" + after));
        awaitOpenPoll(api);
        assertThat(waiting).as("nothing to answer yet").isNotDone();
        String peer = Live.join(api, room, "guest", "Second").path("id").asText();

        JsonNode page = waiting.get(60, TimeUnit.SECONDS);
        assertThat(page.path("events")).hasSize(1);
        JsonNode event = page.path("events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("peer.join.success");
        assertThat(event.path("data").path("peer_id").asText()).isEqualTo(peer);
        assertThat(page.path("last").asText()).isEqualTo(event.path("id").asText());
    }

    @Test
    void a_long_poll_ignores_events_it_does_not_match_and_ends_empty_when_its_wait_is_over() throws Exception {
        String room = Live.room(api);
        Live.join(api, room, "host", "First");
        String after = inbox("").path("last").asText();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(
                () -> inbox("?type=peer.leave.success&wait_seconds=1.5&after=" + after));
        Live.join(api, room, "guest", "Other");
        JsonNode page = waiting.get(60, TimeUnit.SECONDS);
        assertThat(page.path("events")).isEmpty();
        assertThat(page.path("last").asText()).isEqualTo(after);

        JsonNode fromStart = inbox("?type=room.end.success&wait_seconds=0.3");
        assertThat(fromStart.path("events")).isEmpty();
        assertThat(fromStart.path("last").asText()).isEmpty();
    }

    @Test
    void many_long_polls_of_several_workspaces_each_get_their_own_event() throws Exception {
        List<Client> clients = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        List<CompletableFuture<JsonNode>> polls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Client client = i == 0 ? api : Client.forNewWorkspace(api.server());
            clients.add(client);
            rooms.add(Live.room(client));
            for (int j = 0; j < 5; j++) {
                polls.add(CompletableFuture.supplyAsync(() -> inbox(client, "?type=peer.join.success&wait_seconds=60")));
            }
        }
        for (int i = 0; i < 4; i++) {
            Live.join(clients.get(i), rooms.get(i), "host", "P" + i);
        }
        for (int i = 0; i < polls.size(); i++) {
            JsonNode page = polls.get(i).get(60, TimeUnit.SECONDS);
            assertThat(page.path("events")).hasSize(1);
            assertThat(page.path("events").get(0).path("data").path("user_name").asText()).isEqualTo("P" + (i / 5));
        }
    }

    @Test
    void a_change_that_rolls_back_leaves_no_event() {
        String room = Live.room(api);
        try {
            api.server().database().tx(h -> {
                api.server().events().publish(h, new RoomEvent(api.workspace(), room, "peer.join.success",
                        new LinkedHashMap<>(Map.of("room_id", room)), api.server().clock().instant()));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the change and its event are gone
        }
        assertThat(inbox("").path("events")).isEmpty();
        Live.join(api, room, "host", "Kept");
        assertThat(types(inbox(""))).containsExactly("session.open.success", "peer.join.success");
    }

    @Test
    void an_event_that_commits_late_comes_after_those_a_reader_has_seen() throws Exception {
        String room = Live.room(api);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> api.server().database().tx(h -> {
            api.server().events().publish(h, new RoomEvent(api.workspace(), room, "slow.event",
                    new LinkedHashMap<>(Map.of("room_id", room)), api.server().clock().instant()));
            written.countDown();
            awaitQuietly(commit);
            return null;
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        Live.join(api, room, "host", "Quick"); // written after the slow one, committed before it
        JsonNode seen = inbox("");
        assertThat(types(seen)).containsExactly("session.open.success", "peer.join.success");

        commit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        JsonNode later = inbox("?after=" + seen.path("last").asText());
        assertThat(types(later)).containsExactly("slow.event");
        assertThat(types(inbox(""))).containsExactly("session.open.success", "peer.join.success", "slow.event");
    }

    /**
     * Events committed at once by many transactions, while readers number them too (every read numbers what
     * committed first: InboxStore#numberInOne on PostgreSQL, which the inbox worker runs at the same time):
     * each event is numbered once, the numbers are 1..n without a gap, and paging sees every event once.
     */
    @Test
    void events_committed_at_once_while_others_read_are_numbered_once_each_without_gaps() throws Exception {
        String room = Live.room(api);
        int writers = 6;
        int each = 30;
        int readers = 4;
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(writers + readers);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            work.add(CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    inbox("?limit=1");
                }
            }, threads));
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writes.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) {
                    api.server().database().tx(h -> {
                        api.server().events().publish(h, new RoomEvent(api.workspace(), room, "test.burst",
                                new LinkedHashMap<>(Map.of("room_id", room)), api.server().clock().instant()));
                        return null;
                    });
                }
            }, threads));
        }
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            threads.shutdown();
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        String after = "";
        for (int page = 0; page < writers * each; page++) {
            JsonNode got = inbox("?limit=50" + (after.isEmpty() ? "" : "&after=" + after));
            if (got.path("events").isEmpty()) {
                break;
            }
            got.path("events").forEach(e -> assertThat(seen.add(e.path("id").asText())).as("seen once: %s", e).isTrue());
            after = got.path("last").asText();
        }
        assertThat(seen).hasSize(writers * each);
        List<Long> numbers = api.server().database().read(h -> h.createQuery(
                "SELECT seq FROM emulator_events WHERE workspace_id = :ws ORDER BY seq")
                .bind("ws", api.workspace().id()).mapTo(Long.class).list());
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= writers * each; n++) {
            expected.add(n);
        }
        assertThat(numbers).isEqualTo(expected);
    }

    /** Waits (up to 30 s) until a long poll of the client's workspace is open on its server. */
    static void awaitOpenPoll(Client client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.server().inbox().openPolls(client.workspace().id()) == 0) {
            assertThat(System.nanoTime()).as("a long poll opened").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void each_workspace_sees_only_its_own_events() {
        Client other = Client.forNewWorkspace(api.server());
        Live.join(other, Live.room(other), "host", "Theirs");
        assertThat(inbox("").path("events")).isEmpty();
        assertThat(inbox(other, "").path("events")).hasSize(2);
    }
}
