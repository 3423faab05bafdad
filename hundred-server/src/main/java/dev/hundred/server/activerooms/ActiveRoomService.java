package dev.hundred.server.activerooms;

import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.RoomBody;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.workspaces.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Active rooms (spec §7): the live view of a room with a session, and what the API may do to it.
 * A room without a live session answers 404 Active room not found (decisions.md).
 */
public final class ActiveRoomService {
    static final String PEER_KICKED = "peer kicked";
    /** Leave reason of the peers of an ended room (not in the spec's list; docs/gateway.md). */
    static final String ROOM_ENDED = "room ended";

    private final LivePlane live;
    private final RoomService rooms;

    public ActiveRoomService(LivePlane live, RoomService rooms) {
        this.live = live;
        this.rooms = rooms;
    }

    public ActiveRoom retrieve(Workspace ws, String roomId) {
        return live.read(ws, roomId, r -> {
            SessionRow s = r.requireSession();
            return new ActiveRoom(r.room.id(), r.room.name(), ws.customerId(),
                    new ActiveRoom.LiveSession(s.id(), s.createdAt(), r.peers().stream().map(LivePeer::id).toList()));
        });
    }

    /** Connected peers, optionally only those with this user_id and/or role; no match is an empty map. */
    public Map<String, ActivePeer> peers(Workspace ws, String roomId, String userId, String role) {
        return live.read(ws, roomId, r -> {
            r.requireSession();
            Map<String, ActivePeer> peers = new LinkedHashMap<>();
            r.peers().stream()
                    .filter(p -> userId == null || p.userId().equals(userId))
                    .filter(p -> role == null || p.role().equals(role))
                    .forEach(p -> peers.put(p.id(), p.view(null)));
            return peers;
        });
    }

    public ActivePeer peer(Workspace ws, String roomId, String peerId) {
        return live.read(ws, roomId, r -> {
            r.requireSession();
            return live.view(r, r.requirePeer(peerId));
        });
    }

    /**
     * Update peer (spec §7.4): name, metadata and role as sent. A new role must be in the room's template
     * (400) and below its maxPeerCount (role.change.failure, 400); a change emits role.change.success.
     */
    public ActivePeer update(Workspace ws, String roomId, String peerId, Bodies.PeerUpdate body) {
        LiveRules.checkUpdate(body);
        return live.inRoom(ws, roomId, r -> {
            r.requireSession();
            LivePeer peer = r.requirePeer(peerId);
            String role = LivePlane.blankToNull(body.role());
            boolean roleChanges = role != null && !role.equals(peer.role());
            if (roleChanges) {
                int max = live.role(r, role).orElseThrow(() -> ActiveRoomErrors.roleNotInTemplate(role))
                        .path("maxPeerCount").asInt(0);
                if (max < 0 || (max > 0 && r.count(role) >= max)) {
                    live.emit(r, RoomEventData.ROLE_CHANGE_FAILURE,
                            RoomEventData.roleChangeFailure(r.room, r.session(), peer, "role limit reached"));
                    return r.refuse(ActiveRoomErrors.roleLimitReached());
                }
            }
            LivePeer updated = peer.with(Objects.requireNonNullElse(body.name(), peer.name()),
                    roleChanges ? role : peer.role(), Objects.requireNonNullElse(body.metadata(), peer.metadata()));
            live.store().updatePeer(r.h, updated);
            r.replaced(updated);
            ActivePeer view = live.view(r, updated);
            if (roleChanges) {
                live.emit(r, RoomEventData.ROLE_CHANGE,
                        RoomEventData.roleChange(r.room, r.session(), updated, peer.role(), r.now));
                live.tell(r, r.listeners(), Notices.roleChanged(view, peer.role()));
            } else {
                live.tell(r, r.listeners(), Notices.peerUpdated(view));
            }
            return view;
        });
    }

    public void sendMessage(Workspace ws, String roomId, Bodies.Message body) {
        LiveRules.checkMessage(body);
        live.inRoom(ws, roomId, r -> live.send(r, null, body));
    }

    /** Remove peers (spec §7.6): {@code peer_id} wins over {@code role}; they leave with {@code peer kicked}. */
    public void removePeers(Workspace ws, String roomId, Bodies.Remove body) {
        LiveRules.checkRemove(body);
        String message = Objects.requireNonNullElse(body.reason(), "");
        live.inRoom(ws, roomId, r -> {
            r.requireSession();
            String peerId = LivePlane.blankToNull(body.peerId());
            List<LivePeer> targets = peerId != null ? List.of(r.requirePeer(peerId))
                    : r.peers().stream().filter(p -> p.role().equals(body.role())).toList();
            for (LivePeer p : targets) {
                live.depart(r, p, PEER_KICKED, message, Notices.removed(PEER_KICKED, message),
                        PeerNotice.CLOSE_REMOVED, true);
            }
            live.closeIfEmpty(r);
            return null;
        });
    }

    /**
     * End room (spec §7.7): room.end.success, every peer leaves, the session closes. With {@code lock}
     * the room is disabled first (through the rooms service), so nobody joins again in between.
     */
    public void endRoom(Workspace ws, String roomId, Bodies.EndRoom body) {
        boolean lock = Boolean.TRUE.equals(body.lock());
        String reason = Objects.requireNonNullElse(body.reason(), "");
        live.read(ws, roomId, LiveRoom::requireSession);
        if (lock) {
            // Built from JSON rather than the constructor: every field the rooms feature has (or adds later)
            // stays "not sent", so only enabled changes.
            rooms.update(ws, roomId, Json.MAPPER.convertValue(Map.of("enabled", false), RoomBody.class));
        }
        live.inRoom(ws, roomId, r -> {
            SessionRow s = r.requireSession();
            live.emit(r, RoomEventData.ROOM_END, RoomEventData.roomEnd(r.room, s, lock, reason));
            for (LivePeer p : List.copyOf(r.peers())) {
                live.depart(r, p, ROOM_ENDED, reason, Notices.roomEnded(reason, lock), PeerNotice.CLOSE_ROOM_ENDED,
                        false);
            }
            live.closeIfEmpty(r);
            return null;
        });
    }
}
