package dev.hundred.server.gateway;

import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The RoomEvents a server published, recorded by a subscriber of its DomainEvents once they committed
 * (what the webhook outbox will see), so a test can check which webhooks a change makes, in order.
 */
public final class RecordedEvents {
    private static final Map<Hundred, List<RoomEvent>> BY_SERVER = new ConcurrentHashMap<>();

    private RecordedEvents() {}

    /** Starts recording on this server (once per server; later calls do nothing). */
    public static void recordOn(Hundred server) {
        BY_SERVER.computeIfAbsent(server, s -> {
            List<RoomEvent> list = new CopyOnWriteArrayList<>();
            s.events().subscribe(RoomEvent.class, (h, e) -> h.afterCommit(() -> list.add(e)));
            return list;
        });
    }

    /** The events of one workspace so far, in the order they committed. */
    public static List<RoomEvent> of(Hundred server, String workspaceId) {
        return BY_SERVER.get(server).stream().filter(e -> e.workspace().id().equals(workspaceId)).toList();
    }

    public static List<String> types(Hundred server, String workspaceId) {
        return of(server, workspaceId).stream().map(RoomEvent::type).toList();
    }

    /** Waits (up to 10 s) until the workspace has at least {@code count} events, and answers them. */
    public static List<RoomEvent> await(Hundred server, String workspaceId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<RoomEvent> events = of(server, workspaceId);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            events = of(server, workspaceId);
        }
        return events;
    }
}
