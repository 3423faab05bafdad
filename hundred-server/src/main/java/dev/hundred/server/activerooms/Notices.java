package dev.hundred.server.activerooms;

import dev.hundred.server.rooms.Room;
import dev.hundred.server.sessions.SessionRow;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server messages of the gateway protocol (docs/gateway.md), built from what changed. */
final class Notices {
    private Notices() {}

    /** To the peer that just joined: who it is and who is in the room (itself included), in join order. */
    static Map<String, Object> joined(Room room, SessionRow s, ActivePeer self, Map<String, ActivePeer> peers) {
        Map<String, Object> m = typed("joined");
        m.put("peer_id", self.id());
        m.put("room_id", room.id());
        m.put("room_name", room.name());
        m.put("session_id", s.id());
        m.put("peer", self);
        m.put("peers", peers);
        return m;
    }

    static Map<String, Object> peerJoined(ActivePeer peer) {
        Map<String, Object> m = typed("peer-joined");
        m.put("peer", peer);
        return m;
    }

    static Map<String, Object> peerLeft(String peerId, String reason, String message) {
        Map<String, Object> m = typed("peer-left");
        m.put("peer_id", peerId);
        m.put("reason", reason);
        m.put("message", message);
        return m;
    }

    /** Name, metadata or tracks changed. */
    static Map<String, Object> peerUpdated(ActivePeer peer) {
        Map<String, Object> m = typed("peer-updated");
        m.put("peer", peer);
        return m;
    }

    static Map<String, Object> roleChanged(ActivePeer peer, String previousRole) {
        Map<String, Object> m = typed("role-changed");
        m.put("peer", peer);
        m.put("previous_role", previousRole);
        return m;
    }

    /** A chat message; {@code sender} is null when it came through the REST API. */
    static Map<String, Object> message(ChatMessage msg, LivePeer sender) {
        Map<String, Object> m = typed("message");
        m.put("id", msg.id());
        m.put("message", msg.message());
        m.put("message_type", msg.type());
        Map<String, Object> from = null;
        if (sender != null) {
            from = new LinkedHashMap<>();
            from.put("peer_id", sender.id());
            from.put("name", sender.name());
            from.put("role", sender.role());
            from.put("user_id", sender.userId());
        }
        m.put("sender", from);
        m.put("recipient_peer_id", msg.recipientPeerId());
        m.put("recipient_role", msg.recipientRole());
        m.put("sent_at", msg.sentAt());
        return m;
    }

    /** To a peer that was made to leave some other way (the emulator, a restart), before its socket closes. */
    static Map<String, Object> left(String reason) {
        Map<String, Object> m = typed("left");
        m.put("reason", reason);
        return m;
    }

    /** To a peer removed through the API, just before its socket is closed. */
    static Map<String, Object> removed(String reason, String message) {
        Map<String, Object> m = typed("removed");
        m.put("reason", reason);
        m.put("message", message);
        return m;
    }

    static Map<String, Object> roomEnded(String reason, boolean lock) {
        Map<String, Object> m = typed("room-ended");
        m.put("reason", reason);
        m.put("lock", lock);
        return m;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }
}
