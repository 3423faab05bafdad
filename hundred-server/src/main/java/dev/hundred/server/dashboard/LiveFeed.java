package dev.hundred.server.dashboard;

import dev.hundred.server.activerooms.TrackChanged;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * A room's live feed for the dashboard (server-sent events): each room event (a peer joined or left, a
 * session opened or closed, a recording's webhooks) and each track change of the room, sent to the
 * browsers watching it once the change committed, so the page re-reads the room without polling. Only
 * changes made on this node reach it: on a cluster a browser hears what its own node did (docs/dashboard.md).
 */
public final class LiveFeed implements AutoCloseable {
    /** A comment this often keeps proxies from closing an idle stream and finds browsers that left. */
    private static final long PING_SECONDS = 20;

    private final Map<String, Set<SseClient>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-live-ping");
        t.setDaemon(true);
        return t;
    });

    public LiveFeed(DomainEvents events) {
        events.subscribe(RoomEvent.class, (h, e) -> publish(h, e.workspace().id(), e.roomId(), e.type(), e.data()));
        events.subscribe(TrackChanged.class, (h, e) -> publish(h, e.workspace().id(), e.room().id(), e.type(),
                Map.of("peer_id", e.peer().id())));
        pinger.scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** Keeps the client open and sends it what happens in the room until the browser goes away. */
    public void watch(String workspaceId, String roomId, SseClient client) {
        String key = key(workspaceId, roomId);
        Set<SseClient> set = watchers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        set.add(client);
        client.onClose(() -> {
            set.remove(client);
            watchers.computeIfPresent(key, (k, s) -> s.isEmpty() ? null : s);
        });
        client.sendEvent("ready", Map.of("room_id", roomId));
        client.keepAlive();
    }

    private void publish(Handle h, String workspaceId, String roomId, String type, Map<String, Object> data) {
        if (roomId == null || !watchers.containsKey(key(workspaceId, roomId))) {
            return; // nobody watches: cost nothing in the change's transaction
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("data", data);
        h.afterCommit(() -> {
            Set<SseClient> set = watchers.get(key(workspaceId, roomId));
            if (set != null) {
                set.forEach(client -> send(client, event));
            }
        });
    }

    private static void send(SseClient client, Map<String, Object> event) {
        try {
            client.sendEvent("room", event);
        } catch (RuntimeException e) {
            client.close(); // the browser left mid-write: onClose forgets it
        }
    }

    private void ping() {
        watchers.values().forEach(set -> set.forEach(client -> {
            try {
                client.sendComment("ping");
            } catch (RuntimeException e) {
                client.close();
            }
        }));
    }

    /** Ends every open stream (the server stops): their requests complete instead of holding up the stop. */
    @Override
    public void close() {
        pinger.shutdownNow();
        watchers.values().forEach(set -> set.forEach(SseClient::close));
        watchers.clear();
    }

    private static String key(String workspaceId, String roomId) {
        return workspaceId + "/" + roomId;
    }
}
