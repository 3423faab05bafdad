package dev.hundred.server.activerooms;

import java.time.Instant;
import java.util.Map;

/**
 * A stored peer: live while {@code leftAt} is null, history afterwards. {@code type} is the webhook's
 * peer type ({@code regular}); {@code transport} says who holds it: a gateway socket or the emulator.
 */
public record LivePeer(
        String id,
        String workspaceId,
        String roomId,
        String sessionId,
        String name,
        String role,
        String userId,
        String metadata,
        String type,
        String transport,
        Instant joinedAt,
        Instant leftAt) {

    public static final String GATEWAY = "gateway";
    public static final String EMULATOR = "emulator";

    ActivePeer view(Map<String, Track> tracks) {
        return new ActivePeer(id, name, userId, metadata, role, joinedAt, tracks);
    }

    LivePeer with(String newName, String newRole, String newMetadata) {
        return new LivePeer(id, workspaceId, roomId, sessionId, newName, newRole, userId, newMetadata, type,
                transport, joinedAt, leftAt);
    }

    LivePeer leftAt(Instant at) {
        return new LivePeer(id, workspaceId, roomId, sessionId, name, role, userId, metadata, type, transport,
                joinedAt, at);
    }
}
