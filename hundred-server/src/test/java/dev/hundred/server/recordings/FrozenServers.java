package dev.hundred.server.recordings;

import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.RecordedEvents;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server of its own per back end for the tests that move the clock (every workspace of a server feels
 * it), with its RoomEvents recorded; each test still works in a new workspace on a frozen clock.
 */
final class FrozenServers {

    private FrozenServers() {}

    static Hundred of(String backend) {
        return Backends.own("recordings", backend, c -> c, RecordedEvents::recordOn);
    }

    /** A new workspace on the backend's server, its clock frozen. */
    static Client frozenClient(String backend) {
        Client api = Client.forNewWorkspace(of(backend));
        api.freezeClock(true);
        return api;
    }

    static Instant now(Client api) {
        return Timestamps.parse(api.get("/emulator/v1/clock").at("/now"));
    }

    /** The workspace's webhooks so far of these types, in the order they committed. */
    static List<RoomEvent> events(Client api, String... types) {
        List<String> wanted = List.of(types);
        return RecordedEvents.of(api.server(), api.workspace().id()).stream()
                .filter(e -> wanted.isEmpty() || wanted.contains(e.type())).toList();
    }

    static List<String> types(Client api) {
        return RecordedEvents.types(api.server(), api.workspace().id());
    }

    /** The JSON a webhook's data goes out as (the server's own mapper: key order and times as sent). */
    static String json(Map<String, Object> data) {
        return Json.write(data);
    }

    /** An ordered map of key, value, key, value... */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
