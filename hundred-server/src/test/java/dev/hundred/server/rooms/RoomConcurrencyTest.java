package dev.hundred.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads against a real server (issue 7): concurrent updates of one room lose nothing, concurrent
 * creates of one name make one room, and concurrent joins never exceed a role's maxPeerCount or the room's
 * size. Each case starts its requests together (a latch) and checks what was kept.
 */
class RoomConcurrencyTest extends ApiTestBase {
    private ExecutorService threads;

    @BeforeEach
    void pool() {
        threads = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Runs every call at once (released together) and answers their responses in order. */
    private List<Client.Response> together(List<Callable<Client.Response>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Client.Response>> futures = new ArrayList<>();
        for (Callable<Client.Response> call : calls) {
            futures.add(threads.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<Client.Response> out = new ArrayList<>();
        for (Future<Client.Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void a_create_racing_a_reset_that_removes_its_template_is_refused_never_a_500() throws Exception {
        for (int round = 0; round < 25; round++) {
            String template = api.post("/v2/templates", Map.of("name", "race-" + round)).at("/id");
            List<Callable<Client.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "race-" + round + "-" + i;
                calls.add(() -> api.post("/v2/rooms", Map.of("name", name, "template_id", template)));
            }
            calls.add(() -> api.post("/emulator/v1/reset", Map.of()));
            List<Client.Response> answers = together(calls);
            assertThat(answers.get(8).status()).as(answers.get(8).text()).isEqualTo(200);
            for (Client.Response created : answers.subList(0, 8)) {
                assertThat(created.status()).as(created.text()).isIn(200, 400);
                if (created.status() == 400) {
                    assertThat(created.json().path("message").asText()).isEqualTo("Error: template not found");
                }
            }
        }
    }

    @Test
    void two_updates_at_once_of_different_fields_both_stay() throws Exception {
        for (int round = 0; round < 10; round++) {
            String room = Live.room(api, Map.of("name", "both-" + round));
            String description = "described-" + round;
            List<Client.Response> answers = together(List.of(
                    () -> api.post("/v2/rooms/" + room, Map.of("description", description)),
                    () -> api.post("/v2/rooms/" + room, Map.of("enabled", false))));
            assertThat(answers).extracting(Client.Response::status).containsOnly(200);
            JsonNode kept = api.get("/v2/rooms/" + room).json();
            assertThat(kept.path("description").asText()).as("round %d", round).isEqualTo(description);
            assertThat(kept.path("enabled").asBoolean()).as("round %d", round).isFalse();
        }
    }

    /**
     * GETs racing updates (the room cache fills while a change commits) never leave an old copy behind: once the
     * updates are done, GET answers what the list (never cached) reads from the database.
     */
    @Test
    void gets_racing_updates_never_keep_an_old_room() throws Exception {
        for (int round = 0; round < 10; round++) {
            String name = "raced-" + round;
            String room = Live.room(api, Map.of("name", name));
            List<Callable<Client.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String description = "d" + i;
                calls.add(() -> api.post("/v2/rooms/" + room, Map.of("description", description)));
                calls.add(() -> api.get("/v2/rooms/" + room));
            }
            assertThat(together(calls)).extracting(Client.Response::status).containsOnly(200);
            JsonNode listed = api.get("/v2/rooms?name=" + name).json().path("data").path(0);
            assertThat(api.get("/v2/rooms/" + room).json()).as("round %d", round).isEqualTo(listed);
        }
    }

    @Test
    void creates_of_one_name_at_once_make_one_room() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = "same-" + round;
            List<Callable<Client.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String description = "d" + i;
                calls.add(() -> api.post("/v2/rooms", Map.of("name", name, "description", description)));
            }
            List<Client.Response> answers = together(calls);
            assertThat(answers).extracting(Client.Response::status).containsOnly(200);
            assertThat(answers).extracting(r -> r.at("/id")).containsOnly(answers.get(0).at("/id"));
            assertThat(api.get("/v2/rooms?name=" + name).json().path("data")).hasSize(1);
        }
    }

    @Test
    void joins_at_once_never_exceed_the_roles_max_peer_count_nor_the_rooms_size() throws Exception {
        String template = api.post("/v2/templates", Map.of("name", "capped-" + System.nanoTime(), "roles",
                Map.of("host", Map.of("maxPeerCount", 3), "guest", Map.of()))).at("/id");
        String capped = Live.room(api, Map.of("name", "capped-room", "template_id", template));
        String small = Live.room(api, Map.of("name", "small-room", "template_id", template, "size", 5));
        List<Callable<Client.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "p" + i;
            calls.add(() -> api.post("/emulator/v1/rooms/" + capped + "/peers", Map.of("role", "host", "name", name)));
            calls.add(() -> api.post("/emulator/v1/rooms/" + small + "/peers", Map.of("role", "guest", "name", name)));
        }
        List<Client.Response> answers = together(calls);
        assertThat(answers).extracting(Client.Response::status).containsOnly(200, 403);
        assertThat(api.get("/v2/active-rooms/" + capped + "/peers").json().path("peers")).hasSize(3);
        assertThat(api.get("/v2/active-rooms/" + small + "/peers").json().path("peers")).hasSize(5);
        assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(8);
    }
}
