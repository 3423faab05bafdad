package dev.hundred.server.activerooms;

import dev.hundred.server.http.Timestamps;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.sessions.SessionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} of each room webhook, with exactly the fields spec §17.4 lists, in its order.
 * "Peer base" is room_id, room_name, session_id, peer_id, user_id, template_id, user_name, user_data
 * (the peer's metadata), role, type; failures before a session exists leave out session_id.
 */
final class RoomEventData {
    static final String SESSION_OPEN = "session.open.success";
    static final String SESSION_CLOSE = "session.close.success";
    static final String PEER_JOIN = "peer.join.success";
    static final String PEER_JOIN_FAILURE = "peer.join.failure";
    static final String PEER_LEAVE = "peer.leave.success";
    static final String PEER_LEAVE_FAILURE = "peer.leave.failure";
    static final String ROLE_CHANGE = "role.change.success";
    static final String ROLE_CHANGE_FAILURE = "role.change.failure";
    static final String ROOM_END = "room.end.success";

    private RoomEventData() {}

    static Map<String, Object> sessionOpen(Room room, SessionRow s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", room.id());
        data.put("room_name", room.name());
        data.put("session_id", s.id());
        data.put("template_id", room.templateId());
        data.put("session_started_at", s.createdAt());
        return data;
    }

    static Map<String, Object> sessionClose(Room room, SessionRow s, Instant stoppedAt) {
        Map<String, Object> data = sessionOpen(room, s);
        data.put("session_duration", seconds(s.createdAt(), stoppedAt));
        data.put("session_stopped_at", stoppedAt);
        return data;
    }

    static Map<String, Object> peerJoin(Room room, SessionRow s, LivePeer p) {
        Map<String, Object> data = peerBase(room, s, p, true);
        data.put("joined_at", p.joinedAt());
        data.put("session_started_at", s.createdAt());
        return data;
    }

    /** A refused join: the peer never existed, so it has the id it would have had and Go's zero time. */
    static Map<String, Object> peerJoinFailure(Room room, LivePeer wouldBe, String error) {
        Map<String, Object> data = peerBase(room, null, wouldBe, true);
        data.put("joined_at", Timestamps.ZERO);
        data.put("error_message", error);
        return data;
    }

    static Map<String, Object> peerLeave(Room room, SessionRow s, LivePeer p, Instant leftAt, String reason,
                                         String message) {
        Map<String, Object> data = peerBase(room, s, p, true);
        data.put("joined_at", p.joinedAt());
        data.put("left_at", leftAt);
        data.put("duration", seconds(p.joinedAt(), leftAt));
        data.put("reason", reason);
        data.put("message", message);
        data.put("session_started_at", s.createdAt());
        return data;
    }

    /** Leaving a peer that is not connected (it left before). */
    static Map<String, Object> peerLeaveFailure(Room room, LivePeer p, String error) {
        Map<String, Object> data = peerBase(room, null, p, true);
        data.put("joined_at", p.joinedAt());
        data.put("left_at", p.leftAt());
        data.put("duration", p.leftAt() == null ? 0 : seconds(p.joinedAt(), p.leftAt()));
        data.put("error_message", error);
        return data;
    }

    /** A role changed through the API: no {@code role_change_requested_by} (spec §7.4). */
    static Map<String, Object> roleChange(Room room, SessionRow s, LivePeer changed, String previousRole, Instant at) {
        Map<String, Object> data = peerBase(room, s, changed, false);
        data.put("previous_role", previousRole);
        data.put("joined_at", changed.joinedAt());
        data.put("session_started_at", s.createdAt());
        data.put("role_changed_at", at);
        return data;
    }

    static Map<String, Object> roleChangeFailure(Room room, SessionRow s, LivePeer p, String error) {
        Map<String, Object> data = peerBase(room, s, p, false);
        data.put("joined_at", p.joinedAt());
        data.put("session_started_at", s.createdAt());
        data.put("error_message", error);
        return data;
    }

    /** Ended through the API: no peer did it, so the peer fields are empty and the source is {@code api}. */
    static Map<String, Object> roomEnd(Room room, SessionRow s, boolean lock, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", room.id());
        data.put("room_name", room.name());
        data.put("session_id", s.id());
        data.put("peer_id", "");
        data.put("user_id", "");
        data.put("template_id", room.templateId());
        data.put("user_name", "");
        data.put("role", "");
        data.put("lock_room", lock);
        data.put("reason", reason);
        data.put("source", "api");
        data.put("session_started_at", s.createdAt());
        return data;
    }

    private static Map<String, Object> peerBase(Room room, SessionRow s, LivePeer p, boolean withType) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", room.id());
        data.put("room_name", room.name());
        if (s != null) {
            data.put("session_id", s.id());
        }
        data.put("peer_id", p.id());
        data.put("user_id", p.userId());
        data.put("template_id", room.templateId());
        data.put("user_name", p.name());
        data.put("user_data", p.metadata());
        data.put("role", p.role());
        if (withType) {
            data.put("type", p.type());
        }
        return data;
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Duration.between(from, to).toSeconds();
    }
}
