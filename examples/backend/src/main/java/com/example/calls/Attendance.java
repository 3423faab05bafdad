package com.example.calls;

import dev.hundred.client.webhook.PeerEventData;
import dev.hundred.client.webhook.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Who is in each call now, and which calls are over: kept from webhooks. */
public final class Attendance {
    private final Map<String, Set<String>> present = new ConcurrentHashMap<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();

    void on(WebhookEvent event) {
        switch (event.type()) {
            case "peer.join.success" -> present.computeIfAbsent(event.roomId(), r -> ConcurrentHashMap.newKeySet())
                    .add(event.data(PeerEventData.class).userName());
            case "peer.leave.success" -> present.getOrDefault(event.roomId(), Set.of())
                    .remove(event.data(PeerEventData.class).userName());
            case "session.close.success" -> ended.add(event.roomId());
            default -> { } // the rest is not this product's business
        }
    }

    public Set<String> present(String roomId) {
        return Set.copyOf(present.getOrDefault(roomId, Set.of()));
    }

    public boolean ended(String roomId) {
        return ended.contains(roomId);
    }
}
