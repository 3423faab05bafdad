package dev.hundred.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.net.Requester;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The server clock every time-based thing reads; moving it fires what came due, before the call returns. */
public final class ServerClock {
    private final Requester api;

    ServerClock(Requester api) {
        this.api = api;
    }

    public Instant now() {
        return Instant.parse(api.tree("GET", "/clock", null, null).get("now").asText());
    }

    /** Forward by {@code by} (never backwards). */
    public Instant advance(Duration by) {
        return moved(Map.of("advance_seconds", by.toNanos() / 1e9));
    }

    /** Forward to an instant. */
    public Instant set(Instant to) {
        return moved(Map.of("set", to.toString()));
    }

    /** Stand still: times in answers become exact. */
    public Instant freeze() {
        return moved(Map.of("frozen", true));
    }

    public Instant unfreeze() {
        return moved(Map.of("frozen", false));
    }

    private Instant moved(Map<String, Object> body) {
        JsonNode answer = api.tree("POST", "/clock", null, body);
        return Instant.parse(answer.get("now").asText());
    }
}
