package dev.hundred.server.activerooms;

import java.time.Instant;
import java.util.Map;

/**
 * A stored peer: live while {@code leftAt} is null, history afterwards. {@code type} is the webhook's
 * peer type ({@code regular} or {@code sip}); {@code transport} says who holds it: a gateway socket, the
 * emulator, a recording job's recorder, a SIP call or an RTMP ingest.
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
    /** A recorder of a recording or stream job ("beam"): a peer, but not a person (auto-stop ignores it). */
    public static final String BEAM = "beam";
    /** A caller dialled in or out through SIP (webhook peer type {@code sip}). */
    public static final String SIP = "sip";
    /** An RTMP ingest (a stream key in use). */
    public static final String INGEST = "ingest";

    public static final String TYPE_REGULAR = "regular";
    public static final String TYPE_SIP = "sip";

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
