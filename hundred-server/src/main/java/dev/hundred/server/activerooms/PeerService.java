package dev.hundred.server.activerooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hundred.server.cluster.Nodes;
import dev.hundred.server.sessions.SessionPeer;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a peer does for itself: join, leave, publish/mute/unpublish tracks, change its name or metadata,
 * send a message. The gateway calls it for socket peers and the emulator for peers without a socket;
 * both go through the same rules and emit the same webhooks.
 */
public final class PeerService implements Nodes.Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(PeerService.class);
    static final String CLIENT_REQUEST = "client request";
    static final String WEBSOCKET_CLOSED = "websocket closed";

    private final LivePlane live;
    private final WorkspaceService workspaces;

    public PeerService(LivePlane live, WorkspaceService workspaces) {
        this.live = live;
        this.workspaces = workspaces;
    }

    /**
     * Joins {@code peerId} (made by the caller, so a socket can be registered under it first) if the rules
     * allow: room enabled, role in the template, the role's maxPeerCount (0 unlimited, -1 nobody), the
     * room's size (0 unlimited). A refusal emits peer.join.failure and throws 403 Peer join refused; a track
     * the role may not publish throws 403 Track publish refused and writes nothing.
     */
    public ActivePeer join(Workspace ws, String roomId, Bodies.Join body, String peerId, String transport) {
        return join(ws, roomId, body, peerId, LivePeer.TYPE_REGULAR, transport);
    }

    /**
     * The same, for a peer of another webhook {@code type} ({@code sip} for a SIP caller) held by another
     * {@code transport} (a SIP call, an RTMP ingest).
     */
    public ActivePeer join(Workspace ws, String roomId, Bodies.Join body, String peerId, String type, String transport) {
        LiveRules.checkJoin(body);
        String userId = body.userId() == null || body.userId().isEmpty() ? peerId : body.userId();
        String name = Objects.requireNonNullElse(body.name(), "");
        String metadata = Objects.requireNonNullElse(body.metadata(), "");
        return live.inRoom(ws, roomId, r -> {
            String refusal = refusal(r, body.role());
            if (refusal != null) {
                LivePeer wouldBe = new LivePeer(peerId, ws.id(), roomId, null, name, body.role(), userId, metadata,
                        type, transport, null, null);
                live.emit(r, RoomEventData.PEER_JOIN_FAILURE, RoomEventData.peerJoinFailure(r.room, wouldBe, refusal));
                return r.refuse(ActiveRoomErrors.joinRefused(refusal));
            }
            checkAllowed(r, body.role(), body.tracks());
            return live.join(r, peerId, body.role(), name, userId, metadata, type, transport, body.tracks());
        });
    }

    private String refusal(LiveRoom r, String role) {
        if (!r.room.enabled()) {
            return "room is disabled";
        }
        Optional<Integer> max = live.role(r, role).map(spec -> spec.path("maxPeerCount").asInt(0));
        if (max.isEmpty() || max.get() < 0) {
            return "role not allowed";
        }
        if (max.get() > 0 && r.count(role) >= max.get()) {
            return "role limit reached";
        }
        // Recorders are not people: they take no place of the room's size.
        long people = r.peers().stream().filter(p -> !p.transport().equals(LivePeer.BEAM)).count();
        if (r.room.size() > 0 && people >= r.room.size()) {
            return "room is full";
        }
        return null;
    }

    /**
     * Refuses (403, before anything is written, no webhook) a track whose kind the role's
     * {@code publishParams.allowed} lacks: source screen needs {@code screen}, otherwise audio needs
     * {@code audio} and video {@code video}. A role stored without the list (not made through the
     * templates API, which always fills it) allows every kind, like the template default.
     */
    private void checkAllowed(LiveRoom r, String role, List<Bodies.TrackBody> tracks) {
        if (tracks == null || tracks.isEmpty()) {
            return;
        }
        JsonNode allowed = live.role(r, role).map(spec -> spec.path("publishParams").path("allowed"))
                .orElse(MissingNode.getInstance());
        if (!allowed.isArray()) {
            return;
        }
        Set<String> kinds = new HashSet<>();
        allowed.forEach(kind -> kinds.add(kind.asText()));
        for (Bodies.TrackBody t : tracks) {
            String kind = "screen".equals(t.source()) ? "screen" : t.type();
            if (!kinds.contains(kind)) {
                throw ActiveRoomErrors.publishRefused(kind, role);
            }
        }
    }

    /**
     * The emulator's leave: the peer's history entry afterwards. Leaving a peer that already left emits
     * peer.leave.failure ({@code peer not joined}) and answers 400.
     */
    public SessionPeer leave(Workspace ws, String roomId, String peerId) {
        return live.inRoom(ws, roomId, r -> {
            LivePeer peer = live.store().peer(r.h, ws.id(), roomId, peerId).orElseThrow(ActiveRoomErrors::peerNotFound);
            if (peer.leftAt() != null || r.peer(peerId).isEmpty()) {
                live.emit(r, RoomEventData.PEER_LEAVE_FAILURE, RoomEventData.peerLeaveFailure(r.room, peer, "peer not joined"));
                return r.refuse(ActiveRoomErrors.peerNotJoined());
            }
            live.leave(r, peer, CLIENT_REQUEST);
            return new SessionPeer(peer.id(), peer.sessionId(), peer.name(), peer.role(), peer.userId(),
                    peer.joinedAt(), r.now);
        });
    }

    /** The gateway's leave (the client asked, or its socket closed); quiet when the peer is already gone. */
    public void leaveIfJoined(Workspace ws, String roomId, String peerId, String reason) {
        leaveIfJoined(ws, roomId, peerId, reason, "");
    }

    /**
     * The same, with a {@code message} for the webhook and the others' peer-left notice (the gateway's
     * {@code too slow}, {@code message too big}: docs/gateway.md, Limits and misbehaving clients).
     */
    public void leaveIfJoined(Workspace ws, String roomId, String peerId, String reason, String message) {
        live.inRoom(ws, roomId, r -> {
            r.peer(peerId).ifPresent(peer -> live.leave(r, peer, reason, message));
            return null;
        });
    }

    public Track publish(Workspace ws, String roomId, String peerId, Bodies.TrackBody body) {
        LiveRules.checkTrack(body, "");
        return live.inRoom(ws, roomId, r -> {
            LivePeer peer = r.requirePeer(peerId);
            checkAllowed(r, peer.role(), List.of(body));
            Track track = live.publish(r, peer, body);
            tellOthers(r, peer);
            return track;
        });
    }

    public Track mute(Workspace ws, String roomId, String peerId, String trackId, boolean mute) {
        return live.inRoom(ws, roomId, r -> {
            LivePeer peer = r.requirePeer(peerId);
            Track track = live.tracksOf(r, peerId).get(trackId);
            if (track == null) {
                throw ActiveRoomErrors.trackNotFound();
            }
            live.store().setMute(r.h, trackId, mute);
            Track muted = new Track(track.id(), track.streamId(), mute, track.type(), track.source(), track.startedAt(),
                    track.description());
            if (track.mute() != mute) {
                live.trackChanged(r, peer, muted, TrackChanged.UPDATE);
            }
            tellOthers(r, peer);
            return muted;
        });
    }

    public void unpublish(Workspace ws, String roomId, String peerId, String trackId) {
        live.inRoom(ws, roomId, r -> {
            LivePeer peer = r.requirePeer(peerId);
            Track track = live.tracksOf(r, peerId).get(trackId);
            if (track == null) {
                throw ActiveRoomErrors.trackNotFound();
            }
            live.store().deleteTrack(r.h, trackId);
            live.trackChanged(r, peer, track, TrackChanged.REMOVE);
            tellOthers(r, peer);
            return null;
        });
    }

    /** A peer changes its own name or metadata (not its role: that is the API's). */
    public ActivePeer update(Workspace ws, String roomId, String peerId, String name, String metadata) {
        LiveRules.checkUpdate(new Bodies.PeerUpdate(name, null, metadata));
        return live.inRoom(ws, roomId, r -> {
            LivePeer peer = r.requirePeer(peerId);
            LivePeer updated = peer.with(name != null ? name : peer.name(), peer.role(),
                    metadata != null ? metadata : peer.metadata());
            live.store().updatePeer(r.h, updated);
            r.replaced(updated);
            return tellOthers(r, updated);
        });
    }

    /** A message from a connected peer; it is not echoed back to the sender. */
    public ChatMessage send(Workspace ws, String roomId, String peerId, Bodies.Message body) {
        LiveRules.checkMessage(body);
        return live.inRoom(ws, roomId, r -> live.send(r, r.requirePeer(peerId), body));
    }

    /** The chat record of a session of this workspace, oldest first. */
    public List<ChatMessage> messages(Workspace ws, String sessionId) {
        return live.read(h -> {
            if (!live.sessionExists(h, ws, sessionId)) {
                throw ActiveRoomErrors.sessionNotFound();
            }
            return live.store().messages(h, ws.id(), sessionId);
        });
    }

    /**
     * Ends, with reason {@code websocket closed}, the connected gateway peers whose sockets these nodes held:
     * nodes that are gone (their lease lapsed) or earlier runs of this node (cluster/Nodes). Answers how many.
     */
    @Override
    public int endPeersOf(List<String> nodeIds) {
        return end(live.read(h -> live.store().gatewayPeersOf(h, nodeIds)));
    }

    /** The same for the gateway peers of a server from before nodes had ids (an upgrade's first start). */
    @Override
    public int endPeersOfNoNode() {
        return end(live.read(h -> live.store().gatewayPeersOfNoNode(h)));
    }

    private int end(List<LivePeer> stale) {
        for (LivePeer p : stale) {
            Workspace ws = workspaces.byId(p.workspaceId());
            try {
                leaveIfJoined(ws, p.roomId(), p.id(), WEBSOCKET_CLOSED);
            } catch (RuntimeException e) {
                LOG.warn("could not end peer {} of room {}", p.id(), p.roomId(), e);
            }
        }
        return stale.size();
    }

    private ActivePeer tellOthers(LiveRoom r, LivePeer peer) {
        ActivePeer view = live.view(r, peer);
        live.tell(r, r.listenersExcept(peer.id()), Notices.peerUpdated(view));
        return view;
    }
}
