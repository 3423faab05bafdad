package dev.hundred.server.streamkeys;

import dev.hundred.server.activerooms.Bodies;
import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.PeerDeparted;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.activerooms.RoomTx;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The emulator's RTMP broadcaster (Hundred has no RTMP listener): a start is a connection on a stream key,
 * refused with ingest.start.failure or accepted with ingest.start.success, after which the ingest's peer
 * joins the room under the join rules ({@link PeerService#join}); a stop closes the stream
 * (ingest.end.success, then the peer leaves); a fail breaks it (ingest.failure). However the peer leaves
 * (removed by the API, the room ended), the ingest ends with it.
 */
public final class IngestService {
    /** The role the cloud's RTMP-in template gives whoever broadcasts (docs: live-streaming-rtmp-ingestion). */
    static final String BROADCASTER = "broadcaster";
    static final String PEER_NAME = "RTMP Ingest";
    /** The live-streams feature's job kind (V6); an HLS stream already running is "remote session active". */
    /** Peer leave reasons: the broadcaster stopped, or the connection broke. */
    static final String CLIENT_REQUEST = "client request";
    static final String SERVER_REMOVED_PEER = "server removed peer";

    private final IngestStore store = new IngestStore();
    private final StreamKeyService keys;
    private final LiveAccess live;
    private final PeerService peers;
    private final TemplateService templates;
    private final JobService jobs;
    private final DomainEvents events;

    /** What the start's first transaction decided. */
    private record Connect(IngestOutcome outcome, Ingest ingest, String role) {}

    public IngestService(StreamKeyService keys, LiveAccess live, PeerService peers,
                         TemplateService templates, JobService jobs, DomainEvents events) {
        this.keys = keys;
        this.live = live;
        this.peers = peers;
        this.templates = templates;
        this.jobs = jobs;
        this.events = events;
        events.subscribe(PeerDeparted.class, this::onPeerDeparted);
    }

    /** Runs the emulator's action on the stream key {@code key} of this workspace; 404 Key not found. */
    public IngestOutcome act(Workspace ws, String key, IngestAction body) {
        String action = body.checked();
        KeyRow k = keys.byKey(ws, key).orElseThrow(StreamKeyErrors::keyNotFound);
        return switch (action) {
            case IngestAction.START -> start(ws, k, body);
            case IngestAction.STOP -> stop(ws, k, Objects.requireNonNullElse(body.reason(), IngestAction.STREAM_CLOSED));
            default -> fail(ws, k, Objects.requireNonNullElse(body.errorMessage(), IngestAction.INTERNAL_ERROR));
        };
    }

    private IngestOutcome start(Workspace ws, KeyRow k, IngestAction body) {
        boolean hlsRunning = jobs.liveInRoom(ws, dev.hundred.server.livestreams.LiveStreamService.KIND, k.roomId()).isPresent();
        Connect c = live.inRoom(ws, k.roomId(), tx -> {
            Handle h = tx.handle();
            Template template = templates.find(h, ws, tx.room().templateId()).orElseThrow();
            String refusal = refusal(tx, keys.reread(h, k), template, hlsRunning, body.errorMessage());
            if (refusal != null) {
                return new Connect(emit(h, ws, tx.room(), IngestEvents.START_FAILURE,
                        IngestEvents.startFailure(ws, tx.room(), refusal), tx.now()), null, null);
            }
            Ingest ingest = new Ingest(Ids.objectId(), ws.id(), k.roomId(), k.id(), Ids.objectId(), Ids.uuid(),
                    Ingest.LIVE, null, null, tx.now(), null, null);
            store.insert(h, ingest);
            IngestOutcome started = emit(h, ws, tx.room(), IngestEvents.START_SUCCESS,
                    IngestEvents.startSuccess(ws, tx.room(), ingest), tx.now());
            events.publish(h, new IngestChanged(ws, tx.room(), ingest, tx.now()));
            return new Connect(started, ingest, body.role() != null ? body.role() : role(template));
        });
        if (c.ingest() == null) {
            return c.outcome();
        }
        try {
            peers.join(ws, k.roomId(), new Bodies.Join(c.role(), PEER_NAME, k.id(), "", List.of()), c.ingest().peerId(),
                    LivePeer.TYPE_REGULAR, LivePeer.INGEST);
        } catch (ApiError refused) {
            // The room took no more peers (its size, the role's limit, the role is gone): the stream breaks.
            return live.inRoom(ws, k.roomId(), tx -> failLive(tx, c.ingest(), IngestAction.INTERNAL_ERROR)
                    .orElse(c.outcome()));
        }
        return c.outcome();
    }

    /** Why the connection is refused (an ingest.start.failure message), or null. */
    private String refusal(RoomTx tx, KeyRow key, Template template, boolean hlsRunning, String forced) {
        if (!key.active() || !tx.room().enabled()) {
            return "stream key disabled";
        }
        Map<String, ?> hls = template.destinations() == null ? null : template.destinations().hlsDestinations();
        if (hls == null || hls.isEmpty()) {
            return "no hls destinations";
        }
        if (store.liveOfKey(tx.handle(), key.id()).isPresent()) {
            return "already connected";
        }
        if (hlsRunning) {
            return "remote session active";
        }
        return forced;
    }

    /** {@code broadcaster} when the template has it, else its first role. */
    private static String role(Template template) {
        List<String> roles = template.roleNames();
        return roles.contains(BROADCASTER) || roles.isEmpty() ? BROADCASTER : roles.get(0);
    }

    private IngestOutcome stop(Workspace ws, KeyRow k, String reason) {
        return live.inRoom(ws, k.roomId(), tx -> {
            Ingest ingest = store.liveOfKey(tx.handle(), k.id()).orElseThrow(StreamKeyErrors::notIngesting);
            IngestOutcome ended = end(tx.handle(), ws, tx.room(), ingest, reason, tx.now());
            tx.leave(ingest.peerId(), CLIENT_REQUEST);
            return ended;
        });
    }

    private IngestOutcome fail(Workspace ws, KeyRow k, String error) {
        return live.inRoom(ws, k.roomId(), tx -> {
            Ingest ingest = store.liveOfKey(tx.handle(), k.id()).orElseThrow(StreamKeyErrors::notIngesting);
            return failLive(tx, ingest, error).orElseThrow(StreamKeyErrors::notIngesting);
        });
    }

    /** ingest.failure for a live ingest, then its peer leaves; empty when it was not live any more. */
    private Optional<IngestOutcome> failLive(RoomTx tx, Ingest ingest, String error) {
        Ingest failed = ingest.finished(Ingest.FAILED, null, error, tx.now());
        if (!store.finish(tx.handle(), failed)) {
            return Optional.empty();
        }
        IngestOutcome out = emit(tx.handle(), tx.workspace(), tx.room(), IngestEvents.FAILURE,
                IngestEvents.failure(tx.workspace(), tx.room(), failed), tx.now());
        events.publish(tx.handle(), new IngestChanged(tx.workspace(), tx.room(), failed, tx.now()));
        tx.leave(ingest.peerId(), SERVER_REMOVED_PEER);
        return Optional.of(out);
    }

    /** ingest.end.success; the caller makes the peer leave (or it has left). */
    private IngestOutcome end(Handle h, Workspace ws, Room room, Ingest ingest, String reason, Instant at) {
        Ingest ended = ingest.finished(Ingest.ENDED, reason, null, at);
        store.finish(h, ended);
        events.publish(h, new IngestChanged(ws, room, ended, at));
        return emit(h, ws, room, IngestEvents.END_SUCCESS, IngestEvents.endSuccess(ws, room, ended), at);
    }

    /**
     * The ingest's peer left for another reason (removed through the API, the room ended or hit its length):
     * the server closed the RTMP connection, so the stream ended with reason {@code stream closed}.
     */
    private void onPeerDeparted(Handle h, PeerDeparted e) {
        if (!e.peer().transport().equals(LivePeer.INGEST)) {
            return;
        }
        store.liveOfPeer(h, e.peer().id())
                .ifPresent(i -> end(h, e.workspace(), e.room(), i, IngestAction.STREAM_CLOSED, e.at()));
    }

    private IngestOutcome emit(Handle h, Workspace ws, Room room, String type, Map<String, Object> data, Instant at) {
        events.publish(h, new RoomEvent(ws, room.id(), type, data, at));
        return new IngestOutcome(type, data);
    }
}
