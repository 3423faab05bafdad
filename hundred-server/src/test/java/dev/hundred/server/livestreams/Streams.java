package dev.hundred.server.livestreams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Steps the live- and external-stream tests share: rooms on templates with or without a subdomain, polling. */
public final class Streams {
    private static final Map<String, Hundred> CLOCK_SERVERS = new ConcurrentHashMap<>();

    private Streams() {}

    /**
     * A server of its own per back end for the tests that move the clock, shared by those tests (they run one
     * after the other and each works in a workspace of its own).
     */
    public static Hundred clockServer(String backend) {
        return CLOCK_SERVERS.computeIfAbsent(backend, b -> {
            Hundred s = Backends.fresh(b);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            return s;
        });
    }

    /** A template made through the API (no subdomain, so meeting_url is required), with these destinations. */
    public static String apiTemplate(Client api, String destinationsJson) {
        Client.Response created = api.post("/v2/templates", "{\"roles\": {\"host\": {}, \"guest\": {}}}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String id = created.at("/id");
        if (destinationsJson != null) {
            Client.Response set = api.post("/v2/templates/" + id + "/destinations", destinationsJson);
            assertThat(set.status()).as(set.text()).isEqualTo(200);
        }
        return id;
    }

    public static String roomOn(Client api, String templateId) {
        return Live.room(api, Map.of("name", "room-" + System.nanoTime(), "template_id", templateId));
    }

    /** Adds destinations to the workspace's built-in template (the one whose rooms need no meeting_url). */
    public static void builtInDestinations(Client api, String destinationsJson) {
        String builtIn = api.get("/v2/rooms/" + Live.room(api)).at("/template_id");
        Client.Response set = api.post("/v2/templates/" + builtIn + "/destinations", destinationsJson);
        assertThat(set.status()).as(set.text()).isEqualTo(200);
    }

    /** Polls {@code path} until its status is {@code status} (10 s at most). */
    public static JsonNode awaitStatus(Client api, String path, String status) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode now = api.get(path).json();
        while (!now.path("status").asText().equals(status)) {
            assertThat(System.nanoTime()).as("%s reached %s: %s", path, status, now).isLessThan(deadline);
            pause();
            now = api.get(path).json();
        }
        return now;
    }

    private static void pause() {
        try {
            Thread.sleep(20); // between polls of a condition, not instead of one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
