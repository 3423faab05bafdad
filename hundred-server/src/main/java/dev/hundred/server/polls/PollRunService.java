package dev.hundred.server.polls;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.RoomTx;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.Role;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.timers.Timer;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Polls in rooms: they start (at the session's start when linked to the room with {@code start: auto}, or
 * when a peer with {@code pollWrite} or the emulator starts them), take answers from the room's peers, and
 * stop (on request, when their {@code duration} ends on a durable timer, when the session ends). Each step is
 * one change in the room ({@link LiveAccess#inRoom}), so answers are counted one after the other and the
 * room's gateway peers whose role may read polls hear of starts and stops after the commit, in order.
 */
public final class PollRunService {
    public static final String TIMER = "polls.duration";
    private static final String SESSION_OPEN = "session.open.success";
    private static final String SESSION_CLOSE = "session.close.success";

    private final PollService polls;
    private final LiveAccess live;
    private final RoomService rooms;
    private final TemplateService templates;
    private final Timers timers;
    private final WorkspaceService workspaces;
    private final RunStore runs = new RunStore();
    private final ResponseStore responses = new ResponseStore();

    /** An answer as stored, and whether it was right (null when the question has no right answer, or a hidden one). */
    public record Answered(PollResponse response, Boolean correct) {}

    public PollRunService(PollService polls, LiveAccess live, RoomService rooms,
                          TemplateService templates, Timers timers, DomainEvents events, WorkspaceService workspaces) {
        this.polls = polls;
        this.live = live;
        this.rooms = rooms;
        this.templates = templates;
        this.timers = timers;
        this.workspaces = workspaces;
        timers.register(TIMER, this::onDuration);
        events.subscribe(RoomEvent.class, this::onRoomEvent);
        live.onSocketJoin(this::tellRunning);
    }

    /** Starts a poll in the room's live session: by the peer {@code peerId} (its role needs pollWrite), or by the emulator (null). */
    public PollSession start(Workspace ws, String roomId, String pollId, String peerId) {
        requirePollId(pollId);
        return live.inRoom(ws, roomId, tx -> {
            SessionRow s = requireSession(tx);
            if (peerId != null) {
                requirePermission(tx, requirePeer(tx, peerId), true);
            }
            Poll poll = polls.require(tx.handle(), ws, pollId);
            Optional<PollRun> ran = runs.inSession(tx.handle(), poll.id(), s.id());
            if (ran.isPresent()) {
                throw ran.get().running() ? PollErrors.alreadyRunning() : PollErrors.alreadyRan();
            }
            PollRun run = begin(tx.handle(), ws, roomId, s.id(), poll, peerId == null ? "" : peerId, tx.now());
            tell(tx, PollNotices.started(poll, run, stopsAt(tx.handle(), run)));
            return view(tx.handle(), run);
        });
    }

    /** Stops a poll running in the room's live session; same callers as {@link #start}. */
    public PollSession stop(Workspace ws, String roomId, String pollId, String peerId) {
        requirePollId(pollId);
        return live.inRoom(ws, roomId, tx -> {
            SessionRow s = requireSession(tx);
            if (peerId != null) {
                requirePermission(tx, requirePeer(tx, peerId), true);
            }
            Poll poll = polls.require(tx.handle(), ws, pollId);
            PollRun run = runs.inSession(tx.handle(), poll.id(), s.id()).filter(PollRun::running)
                    .orElseThrow(PollErrors::notRunning);
            finish(tx.handle(), run, tx.now(), PollNotices.STOPPED_BY_REQUEST);
            tell(tx, PollNotices.stopped(poll, run, tx.now(), PollNotices.STOPPED_BY_REQUEST));
            return view(tx.handle(), run);
        });
    }

    /**
     * A connected peer answers a question of a poll running in its session. {@code asPeer}: the peer itself
     * sent it (its role needs pollRead or pollWrite); the emulator may answer for any peer.
     */
    public Answered respond(Workspace ws, String roomId, String peerId, ResponseBody body, boolean asPeer) {
        requirePollId(body.pollId());
        if (body.question() == null) {
            throw ApiError.badBody("question is required");
        }
        if (body.question() < 1) {
            throw ApiError.badBody("question must be at least 1 (indexes start at 1)");
        }
        long givenDuration = body.duration() == null ? -1 : Choice.duration(body.duration());
        return live.inRoom(ws, roomId, tx -> {
            Handle h = tx.handle();
            SessionRow s = requireSession(tx);
            LivePeer peer = requirePeer(tx, peerId);
            if (asPeer) {
                requirePermission(tx, peer, false);
            }
            Poll poll = polls.require(h, ws, body.pollId());
            PollRun run = runs.inSession(h, poll.id(), s.id()).filter(PollRun::running)
                    .orElseThrow(PollErrors::notRunning);
            Question q = poll.question(body.question())
                    .orElseThrow(() -> PollErrors.questionNotFound(body.question(), poll.questions().size()));
            Choice c = Choice.of(q, body);
            String participant = participant(poll, peer);
            Optional<PollResponse> previous = responses.latest(h, run.id(), participant, q.index());
            if (previous.isPresent() && q.once()) {
                throw PollErrors.answeredOnce(q.index());
            }
            previous.ifPresent(p -> responses.supersede(h, p.id()));
            long duration = givenDuration >= 0 ? givenDuration
                    : Math.max(0, Duration.between(run.startedAt(), tx.now()).toMillis());
            String shownPeer = poll.anonymous() ? "" : peer.id();
            String shownUser = poll.anonymous() ? "" : peer.userId();
            PollResponse response = new PollResponse(Ids.objectId(), poll.id(), s.id(), duration, q.index(),
                    c.skipped(), c.option(), c.options(), c.text(), previous.isPresent(),
                    previous.map(PollResponse::id).orElse(""), previous.map(p -> p.retries() + 1).orElse(0),
                    tx.now(), shownPeer, shownUser, run.id(), participant);
            responses.insert(h, ws.id(), response);
            int score = Scoring.score(poll, q, c);
            String resultId = responses.result(h, run.id(), participant, q.index()).map(PollResult::id).orElse(null);
            PollResult result = new PollResult(resultId != null ? resultId : Ids.objectId(), poll.id(), s.id(),
                    q.index(), duration, shownPeer, shownUser, score, run.id(), participant);
            if (resultId != null) {
                responses.updateResult(h, result);
            } else {
                responses.insertResult(h, ws.id(), result);
            }
            boolean hidden = q.answer() != null && q.answer().hidden();
            return new Answered(response, hidden ? null : Scoring.correct(q, c));
        });
    }

    /**
     * Tells a peer that joins through the gateway of the polls running in its room (after its {@code joined},
     * in the join's transaction), when its role may read polls. Runs start and stop only in changes of their
     * room (its lock held), so what may run is what ran as the join began (read with the room) and what the
     * join's opening of the session started (the room's linked polls that start with it): any other join
     * needs no statement for polls.
     */
    private void tellRunning(RoomTx tx, LivePeer peer) {
        boolean mayRun = tx.pollsRunning() || (tx.openedSession() && !tx.room().polls().isEmpty());
        if (!mayRun || !may(tx, peer.role(), false)) {
            return;
        }
        for (PollRun run : runs.runningInSession(tx.handle(), tx.session().id())) {
            polls.store().byId(tx.handle(), tx.workspace().id(), run.pollId()).ifPresent(poll ->
                    tx.tell(List.of(peer.id()), PollNotices.started(poll, run, stopsAt(tx.handle(), run))));
        }
    }

    // ---- events and timers -------------------------------------------------------------------------------

    /** In the transaction that opens or closes a session: linked auto polls start; running polls stop. */
    private void onRoomEvent(Handle h, RoomEvent e) {
        if (SESSION_OPEN.equals(e.type())) {
            Room room = rooms.require(h, e.workspace(), e.roomId());
            String sessionId = String.valueOf(e.data().get("session_id"));
            for (Poll poll : polls.store().byIds(h, e.workspace().id(), room.polls())) {
                if (Poll.START_AUTO.equals(poll.start())) {
                    begin(h, e.workspace(), room.id(), sessionId, poll, "", e.at());
                }
            }
        } else if (SESSION_CLOSE.equals(e.type())) {
            for (PollRun run : runs.runningInSession(h, String.valueOf(e.data().get("session_id")))) {
                finish(h, run, e.at(), PollNotices.STOPPED_BY_SESSION_END);
            }
        }
    }

    /** A poll's duration ended: it stops, if it still runs. */
    private void onDuration(Timer timer) {
        Workspace ws = workspaces.byId(timer.workspaceId());
        if (ws == null) {
            return;
        }
        live.inRoom(ws, timer.payloadJson().path("room_id").asText(), tx -> {
            Optional<PollRun> run = runs.byId(tx.handle(), timer.subject());
            if (!timers.consume(tx.handle(), timer) || run.isEmpty() || !run.get().running()) {
                return null;
            }
            finish(tx.handle(), run.get(), tx.now(), PollNotices.STOPPED_BY_DURATION);
            polls.store().byId(tx.handle(), ws.id(), run.get().pollId()).ifPresent(poll -> tell(tx,
                    PollNotices.stopped(poll, run.get(), tx.now(), PollNotices.STOPPED_BY_DURATION)));
            return null;
        });
    }

    // ---- steps -----------------------------------------------------------------------------------------

    private PollRun begin(Handle h, Workspace ws, String roomId, String sessionId, Poll poll, String startedBy,
                          Instant now) {
        PollRun run = new PollRun(Ids.objectId(), ws.id(), poll.id(), roomId, sessionId, startedBy, now, null, null);
        runs.insert(h, run);
        if (poll.duration() > 0) {
            timers.schedule(h, TIMER, run.id(), ws.id(), now.plusSeconds(poll.duration()),
                    Json.write(Map.of("room_id", roomId)));
        }
        return run;
    }

    private void finish(Handle h, PollRun run, Instant at, String reason) {
        runs.stop(h, run.id(), at, reason);
        timers.cancel(h, TIMER, run.id());
    }

    private Instant stopsAt(Handle h, PollRun run) {
        return timers.dueAt(h, TIMER, run.id()).orElse(null);
    }

    private PollSession view(Handle h, PollRun run) {
        return runs.page(h, run.pollId(), run.sessionId(), null, 1).get(0);
    }

    /** Tells the room's gateway peers whose role may read polls. */
    private void tell(RoomTx tx, Map<String, Object> message) {
        Map<String, Role> roles = roles(tx);
        List<String> readers = tx.peers().stream().filter(p -> p.transport().equals(LivePeer.GATEWAY))
                .filter(p -> may(roles, p.role(), false)).map(LivePeer::id).toList();
        tx.tell(readers, message);
    }

    private static void requirePollId(String pollId) {
        if (pollId == null || pollId.isEmpty()) {
            throw ApiError.badBody("poll_id is required");
        }
    }

    private SessionRow requireSession(RoomTx tx) {
        if (tx.session() == null) {
            throw PollErrors.activeRoomNotFound();
        }
        return tx.session();
    }

    private LivePeer requirePeer(RoomTx tx, String peerId) {
        return tx.peer(peerId).orElseThrow(PollErrors::peerNotFound);
    }

    private void requirePermission(RoomTx tx, LivePeer peer, boolean write) {
        if (!may(tx, peer.role(), write)) {
            throw PollErrors.forbidden(peer.role(), write ? "pollWrite" : "pollRead");
        }
    }

    /** What the role's permissions allow: pollWrite includes pollRead (spec §5.9). */
    private boolean may(RoomTx tx, String role, boolean write) {
        return may(roles(tx), role, write);
    }

    private static boolean may(Map<String, Role> roles, String role, boolean write) {
        Role r = roles.get(role);
        Role.Permissions p = r == null ? null : r.permissions();
        if (p == null) {
            return false;
        }
        boolean writes = Boolean.TRUE.equals(p.pollWrite());
        return write ? writes : writes || Boolean.TRUE.equals(p.pollRead());
    }

    /** The roles of the room's template, by name (read once per change). */
    private Map<String, Role> roles(RoomTx tx) {
        return templates.find(tx.handle(), tx.workspace(), tx.room().templateId()).map(t -> t.roles())
                .orElse(Map.of());
    }

    /** Who answered, by the poll's mode; hashed, so an anonymous poll keeps no peer or user id. */
    private static String participant(Poll poll, LivePeer peer) {
        String key = Poll.MODE_PEER.equals(poll.mode()) ? "peer:" + peer.id() : "user:" + peer.userId();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
