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
            Backends.closeAtExit(s);
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

    /**
     * Makes every job phase of this workspace last a day, so that on a server whose clock runs a job stays in
     * the state a test put it in; {@link #advance} then moves it on.
     */
    public static void holdPhases(Client api) {
        Client.Response r = api.post("/emulator/v1/settings", Map.of("jobs", Map.of("start_delay_seconds", 86400,
                "stop_delay_seconds", 86400, "post_processing_seconds", 86400)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** The job's next phase now (the emulator's control); answers its new status. */
    public static String advance(Client api, String jobId) {
        Client.Response r = api.post("/emulator/v1/jobs/" + jobId + "/advance", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.at("/status");
    }

    public static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
