package dev.hundred.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.net.Query;
import dev.hundred.client.net.Requester;
import dev.hundred.client.webhook.WebhookEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's event inbox: every webhook event the workspace emitted, in commit order, as a receiver
 * gets it. {@link #await} hands out the events of a type one by one: each call answers the next one after
 * the one it answered last (so awaiting twice waits for the second).
 */
public final class Events {
    private static final double LONG_POLL_SECONDS = 10;
    private final Requester api;
    private final Map<String, String> cursors = new ConcurrentHashMap<>();

    Events(Requester api) {
        this.api = api;
    }

    /** The next event of {@code type} (after the last one this method answered for it), waiting up to {@code within}. */
    public WebhookEvent await(String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String after = cursors.getOrDefault(type, "");
        while (true) {
            double left = Math.max(0, (deadline - System.nanoTime()) / 1e9);
            Query q = new Query().add("type", type).add("limit", 1).add("wait_seconds", Math.min(left, LONG_POLL_SECONDS));
            if (!after.isEmpty()) {
                q.add("after", after);
            }
            JsonNode page = api.tree("GET", "/events", q, null);
            JsonNode first = page.path("events").path(0);
            if (!first.isMissingNode()) {
                WebhookEvent event = api.json().convertValue(first, WebhookEvent.class);
                cursors.put(type, event.id());
                return event;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("no " + type + " event within " + within);
            }
        }
    }

    /** Every event so far (oldest first), of the given types or of all types when none is given. */
    public List<WebhookEvent> list(String... types) {
        List<WebhookEvent> out = new ArrayList<>();
        String after = "";
        while (true) {
            Query q = new Query().add("limit", 1000);
            for (String t : types) {
                q.add("type", t);
            }
            if (!after.isEmpty()) {
                q.add("after", after);
            }
            JsonNode page = api.tree("GET", "/events", q, null);
            for (JsonNode e : page.path("events")) {
                out.add(api.json().convertValue(e, WebhookEvent.class));
            }
            if (page.path("events").size() < 1000) {
                return out;
            }
            after = page.path("last").asText();
        }
    }

    /** Forget where {@link #await} stood (after a reset the old ids are gone). */
    void forget() {
        cursors.clear();
    }
}
