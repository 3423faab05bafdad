package dev.hundred.server.jobs;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.Occupancy;
import dev.hundred.server.activerooms.PeerDeparted;
import dev.hundred.server.activerooms.RoomTx;
import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.timers.Timer;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The state machine every emulated media job runs on (recordings, live streams, external streams), with its
 * phases on durable timers: {@code starting} (the recorder joins the room as a peer, opening the session
 * if needed) {@code -> running -> stopping -> post_processing} (the recorder leaves) {@code -> completed},
 * or {@code failed}. Each transition runs in one transaction with the room's row locked and publishes a
 * {@link JobChanged} there, so the feature's webhooks and assets commit with it, once, on whichever node.
 * Jobs stop on request, at their maximum duration, when the room ends (their recorder removed), and when
 * the last person has been gone for the workspace's {@code last_peer_timeout_seconds} (spec §8.8).
 */
public final class JobService {
    public static final String BEAM_ROLE = "__internal_recorder";
    static final String BEAM_NAME = "Beam";
    public static final String PHASE_TIMER = "jobs.phase";
    public static final String MAX_DURATION_TIMER = "jobs.max_duration";
    public static final String LAST_PEER_TIMER = "jobs.last_peer";
    /** Beam's default maxDuration (spec §5.11). */
    static final int DEFAULT_MAX_DURATION_SECONDS = 4 * 3600;
    /** Stop reasons (spec §17.5). */
    public static final String CLIENT_REQUEST = "client request";
    public static final String MAX_DURATION_REACHED = "max duration reached";
    public static final String ROOM_ENDED = "room ended";
    public static final String LAST_PEER_LEFT = "last peer left";
    /** Error type of a job stopped before it ever ran (spec §17.5 lists it). */
    public static final String BEAM_STOPPED = "BEAM_STOPPED";

    private final Database db;
    private final JobStore store = new JobStore();
    private final LiveAccess live;
    private final Timers timers;
    private final EmulatorSettings settings;
    private final DomainEvents events;
    private final WorkspaceService workspaces;

    /** One transition's context: its transaction and room; {@code tx} is null when the recorder already left. */
    private record Step(Handle h, Workspace ws, Room room, Instant now, RoomTx tx) {
        static Step of(RoomTx t) {
            return new Step(t.handle(), t.workspace(), t.room(), t.now(), t);
        }
    }

    public JobService(Database db, LiveAccess live, Timers timers, EmulatorSettings settings, DomainEvents events,
                      WorkspaceService workspaces) {
        this.db = db;
        this.live = live;
        this.timers = timers;
        this.settings = settings;
        this.events = events;
        this.workspaces = workspaces;
        settings.section(JobSettings.SECTION, JobSettings.class, JobSettings.DEFAULTS, JobSettings::expand, JobSettings::check);
        timers.register(PHASE_TIMER, t -> onTimer(t, this::phase));
        timers.register(MAX_DURATION_TIMER, t -> onTimer(t, (s, job) -> toStopping(s, job, MAX_DURATION_REACHED, "")));
        timers.register(LAST_PEER_TIMER, this::onLastPeerTimer);
        events.subscribe(Occupancy.class, this::onOccupancy);
        events.subscribe(PeerDeparted.class, this::onPeerDeparted);
    }

    // ---- what features call ----------------------------------------------------------------------------

    /**
     * Starts a job in the room: it must be enabled (403 Room is disabled) and have no job of this kind
     * starting or running (400 Invalid request, "<kind> already running"). The recorder joins at once.
     */
    public MediaJob start(Workspace ws, String roomId, JobStart start) {
        return live.inRoom(ws, roomId, t -> {
            if (!t.room().enabled()) {
                throw JobErrors.roomDisabled();
            }
            if (!store.liveInRoom(t.handle(), ws.id(), roomId, start.kind()).isEmpty()) {
                throw JobErrors.alreadyRunning(start.kind());
            }
            JobSettings js = settings(t.handle(), ws);
            LivePeer beam = t.joinInternal(start.beamRole() == null ? BEAM_ROLE : start.beamRole(), BEAM_NAME, null,
                    LivePeer.BEAM);
            MediaJob job = new MediaJob(Ids.objectId(), ws.id(), start.kind(), roomId, t.session().id(), MediaJob.STARTING,
                    Objects.requireNonNullElse(start.destination(), ""), start.meetingUrl(), start.spec(), beam.id(),
                    Ids.uuid(), Objects.requireNonNullElse(start.startedBy(), ""), "", null, null, null, null, 0,
                    t.now(), t.now(), null, null, null);
            store.insert(t.handle(), job);
            int maxSeconds = start.maxDurationSeconds() != null && start.maxDurationSeconds() > 0
                    ? start.maxDurationSeconds() : DEFAULT_MAX_DURATION_SECONDS;
            timers.schedule(t.handle(), PHASE_TIMER, job.id(), roomId, ws.id(), t.now().plus(js.startDelay()), payload(roomId));
            timers.schedule(t.handle(), MAX_DURATION_TIMER, job.id(), roomId, ws.id(), t.now().plusSeconds(maxSeconds), payload(roomId));
            publish(Step.of(t), job, null);
            if (t.humans() == 0) {
                scheduleLastPeer(t.handle(), ws, roomId, t.now());
            }
            return job;
        });
    }

    /** A job of this kind in this workspace. */
    public Optional<MediaJob> find(Workspace ws, String kind, String jobId) {
        return db.read(h -> store.byId(h, ws.id(), jobId)).filter(j -> j.kind().equals(kind));
    }

    /** Any kind (the emulator's controls). */
    public Optional<MediaJob> find(Workspace ws, String jobId) {
        return db.read(h -> store.byId(h, ws.id(), jobId));
    }

    public List<MediaJob> list(Workspace ws, JobFilter filter) {
        return db.read(h -> store.page(h, ws.id(), filter));
    }

    /** The job of this kind starting or running in the room, if any. */
    public Optional<MediaJob> liveInRoom(Workspace ws, String kind, String roomId) {
        return db.read(h -> store.liveInRoom(h, ws.id(), roomId, kind)).stream().findFirst();
    }

    /** Stops one job (reason {@code client request}); 400 when it is not starting or running. */
    public MediaJob stop(Workspace ws, MediaJob job, String stoppedBy) {
        return live.inRoom(ws, job.roomId(), t -> {
            MediaJob current = reread(t, job);
            if (!current.live()) {
                throw JobErrors.notRunning(current.kind(), current.status());
            }
            return toStopping(Step.of(t), current, CLIENT_REQUEST, stoppedBy);
        });
    }

    /** Stops every job of this kind starting or running in the room; answers them (possibly none). */
    public List<MediaJob> stopAll(Workspace ws, String kind, String roomId, String stoppedBy) {
        return live.inRoom(ws, roomId, t -> {
            List<MediaJob> stopped = new ArrayList<>();
            for (MediaJob job : store.liveInRoom(t.handle(), ws.id(), roomId, kind)) {
                stopped.add(toStopping(Step.of(t), job, CLIENT_REQUEST, stoppedBy));
            }
            return stopped;
        });
    }

    /** Pauses a running job (status stays {@code running}); 400 when it is not running or already paused. */
    public MediaJob pause(Workspace ws, MediaJob job) {
        return live.inRoom(ws, job.roomId(), t -> {
            MediaJob current = reread(t, job);
            if (!current.status().equals(MediaJob.RUNNING)) {
                throw JobErrors.notRunning(current.kind(), current.status());
            }
            if (current.paused()) {
                throw JobErrors.alreadyPaused(current.kind());
            }
            MediaJob paused = copy(current, current.status(), t.now(), b -> b.pausedAt = t.now());
            store.update(t.handle(), paused);
            publish(Step.of(t), paused, current.status());
            return paused;
        });
    }

    public MediaJob resume(Workspace ws, MediaJob job) {
        return live.inRoom(ws, job.roomId(), t -> {
            MediaJob current = reread(t, job);
            if (!current.paused()) {
                throw JobErrors.notPaused(current.kind());
            }
            MediaJob resumed = copy(current, current.status(), t.now(), b -> {
                b.pausedMicros += ChronoUnit.MICROS.between(current.pausedAt(), t.now());
                b.pausedAt = null;
            });
            store.update(t.handle(), resumed);
            publish(Step.of(t), resumed, current.status());
            return resumed;
        });
    }

    // ---- the emulator's controls --------------------------------------------------------------------------

    /** The job's next state now: starting -> running -> stopping -> post_processing -> completed. */
    public MediaJob advance(Workspace ws, String jobId) {
        MediaJob job = find(ws, jobId).orElseThrow(JobErrors::jobNotFound);
        return live.inRoom(ws, job.roomId(), t -> {
            MediaJob current = reread(t, job);
            if (current.finished()) {
                throw JobErrors.finished(current.status());
            }
            timers.cancel(t.handle(), PHASE_TIMER, current.id());
            return current.status().equals(MediaJob.RUNNING)
                    ? toStopping(Step.of(t), current, CLIENT_REQUEST, "") : phase(Step.of(t), current);
        });
    }

    /** Fails the job now with this error (spec §17.5 error types), whatever state it is in but a final one. */
    public MediaJob fail(Workspace ws, String jobId, String errorType, String errorMessage) {
        MediaJob job = find(ws, jobId).orElseThrow(JobErrors::jobNotFound);
        return live.inRoom(ws, job.roomId(), t -> {
            MediaJob current = reread(t, job);
            if (current.finished()) {
                throw JobErrors.finished(current.status());
            }
            return toFailed(Step.of(t), current, errorType, errorMessage);
        });
    }

    // ---- transitions ---------------------------------------------------------------------------------------

    /** The transition a phase timer (or the emulator's advance) makes; a running job has no timed next phase. */
    private MediaJob phase(Step s, MediaJob job) {
        return switch (job.status()) {
            case MediaJob.STARTING -> toRunning(s, job);
            case MediaJob.STOPPING -> toPostProcessing(s, job);
            case MediaJob.POST_PROCESSING -> toCompleted(s, job);
            default -> job;
        };
    }

    private MediaJob toRunning(Step s, MediaJob job) {
        MediaJob running = copy(job, MediaJob.RUNNING, s.now(), b -> b.startedAt = s.now());
        store.update(s.h(), running);
        publish(s, running, job.status());
        return running;
    }

    private MediaJob toStopping(Step s, MediaJob job, String reason, String stoppedBy) {
        if (!job.live()) {
            return job;
        }
        MediaJob stopping = copy(job, MediaJob.STOPPING, s.now(), b -> {
            b.stopReason = reason;
            b.stoppedBy = Objects.requireNonNullElse(stoppedBy, "");
            if (b.pausedAt != null) {
                b.pausedMicros += ChronoUnit.MICROS.between(b.pausedAt, s.now());
                b.pausedAt = null;
            }
        });
        store.update(s.h(), stopping);
        timers.cancel(s.h(), MAX_DURATION_TIMER, job.id());
        timers.schedule(s.h(), PHASE_TIMER, job.id(), job.roomId(), s.ws().id(), s.now().plus(settings(s.h(), s.ws()).stopDelay()),
                payload(job.roomId()));
        publish(s, stopping, job.status());
        return stopping;
    }

    /** The recorder stops and leaves; a job stopped before it ever ran fails instead (BEAM_STOPPED). */
    private MediaJob toPostProcessing(Step s, MediaJob job) {
        if (job.startedAt() == null) {
            return toFailed(s, job, BEAM_STOPPED, "stopped before it started");
        }
        MediaJob processing = copy(job, MediaJob.POST_PROCESSING, s.now(), b -> b.stoppedAt = s.now());
        store.update(s.h(), processing);
        timers.schedule(s.h(), PHASE_TIMER, job.id(), job.roomId(), s.ws().id(), s.now().plus(settings(s.h(), s.ws()).postProcessing()),
                payload(job.roomId()));
        publish(s, processing, job.status());
        leaveBeam(s, processing);
        return processing;
    }

    private MediaJob toCompleted(Step s, MediaJob job) {
        MediaJob completed = copy(job, MediaJob.COMPLETED, s.now(), b -> b.completedAt = s.now());
        store.update(s.h(), completed);
        publish(s, completed, job.status());
        return completed;
    }

    private MediaJob toFailed(Step s, MediaJob job, String errorType, String errorMessage) {
        MediaJob failed = copy(job, MediaJob.FAILED, s.now(), b -> {
            b.errorType = errorType;
            b.errorMessage = errorMessage;
            b.stopReason = "failure: " + errorType;
            b.stoppedAt = b.stoppedAt != null ? b.stoppedAt : s.now();
            b.completedAt = s.now();
            if (b.pausedAt != null) {
                b.pausedMicros += ChronoUnit.MICROS.between(b.pausedAt, s.now());
                b.pausedAt = null;
            }
        });
        store.update(s.h(), failed);
        timers.cancel(s.h(), PHASE_TIMER, job.id());
        timers.cancel(s.h(), MAX_DURATION_TIMER, job.id());
        publish(s, failed, job.status());
        leaveBeam(s, failed);
        return failed;
    }

    /** After the job's row says it stopped, so hearing its own recorder leave changes nothing. */
    private void leaveBeam(Step s, MediaJob job) {
        if (s.tx() != null && job.beamPeerId() != null) {
            s.tx().leave(job.beamPeerId(), CLIENT_REQUEST);
        }
    }

    private void publish(Step s, MediaJob job, String previousStatus) {
        events.publish(s.h(), new JobChanged(s.ws(), s.room(), store.sessionStartedAt(s.h(), job.sessionId()), job,
                previousStatus, s.now()));
    }

    // ---- what the live plane tells us ----------------------------------------------------------------------

    /** A recorder removed by someone else (the room ended, it was kicked): its job stops, reason room ended. */
    private void onPeerDeparted(Handle h, PeerDeparted e) {
        if (!e.peer().transport().equals(LivePeer.BEAM)) {
            return;
        }
        store.byBeam(h, e.workspace().id(), e.peer().id()).filter(MediaJob::live)
                .ifPresent(job -> toStopping(new Step(h, e.workspace(), e.room(), e.at(), null), job, ROOM_ENDED, ""));
    }

    /** Nobody but recorders left: the room's jobs stop after the timeout, unless someone comes back first. */
    private void onOccupancy(Handle h, Occupancy o) {
        if (o.humans() > 0) {
            // The timer is only ever set while nobody but recorders is in the room (below, and at a job's start),
            // and every change of who is in it comes here: with people in the room before this change too, the
            // change before it already cancelled the timer, so there is none to cancel (a statement per join and
            // per leave saved).
            if (o.humansBefore() == 0) {
                timers.cancel(h, LAST_PEER_TIMER, o.room().id());
            }
        } else if (o.sessionId() != null && o.beams() > 0) {
            scheduleLastPeer(h, o.workspace(), o.room().id(), o.at());
        }
    }

    /** Only while no person is in the room: onOccupancy counts on it to skip cancelling a timer that cannot be. */
    private void scheduleLastPeer(Handle h, Workspace ws, String roomId, Instant now) {
        if (timers.dueAt(h, LAST_PEER_TIMER, roomId).isPresent() || store.liveInRoom(h, ws.id(), roomId, null).isEmpty()) {
            return;
        }
        timers.schedule(h, LAST_PEER_TIMER, roomId, ws.id(), now.plus(settings(h, ws).lastPeerTimeout()), payload(roomId));
    }

    private void onLastPeerTimer(Timer timer) {
        Workspace ws = workspaces.byId(timer.workspaceId());
        live.inRoom(ws, timer.subject(), t -> {
            if (timers.consume(t.handle(), timer) && t.humans() == 0) {
                for (MediaJob job : store.liveInRoom(t.handle(), ws.id(), t.room().id(), null)) {
                    toStopping(Step.of(t), job, LAST_PEER_LEFT, "");
                }
            }
            return null;
        });
    }

    /** A timer about one job (its subject): consumed and acted on in one transaction of the job's room. */
    private void onTimer(Timer timer, java.util.function.BiFunction<Step, MediaJob, MediaJob> action) {
        Workspace ws = workspaces.byId(timer.workspaceId());
        String roomId = timer.payloadJson().path("room_id").asText();
        live.inRoom(ws, roomId, t -> {
            if (timers.consume(t.handle(), timer)) {
                store.byId(t.handle(), ws.id(), timer.subject()).ifPresent(job -> action.apply(Step.of(t), job));
            }
            return null;
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private MediaJob reread(RoomTx t, MediaJob job) {
        return store.byId(t.handle(), t.workspace().id(), job.id()).orElseThrow(JobErrors::jobNotFound);
    }

    private JobSettings settings(Handle h, Workspace ws) {
        return settings.get(h, ws, JobSettings.SECTION, JobSettings.class);
    }

    private static String payload(String roomId) {
        return Json.write(Map.of("room_id", roomId));
    }

    /** Mutable copy of a job's changing fields, so each transition names only what it changes. */
    private static final class Builder {
        String stoppedBy;
        String stopReason;
        String errorType;
        String errorMessage;
        Instant pausedAt;
        long pausedMicros;
        Instant startedAt;
        Instant stoppedAt;
        Instant completedAt;
    }

    private static MediaJob copy(MediaJob j, String status, Instant now, java.util.function.Consumer<Builder> change) {
        Builder b = new Builder();
        b.stoppedBy = j.stoppedBy();
        b.stopReason = j.stopReason();
        b.errorType = j.errorType();
        b.errorMessage = j.errorMessage();
        b.pausedAt = j.pausedAt();
        b.pausedMicros = j.pausedMicros();
        b.startedAt = j.startedAt();
        b.stoppedAt = j.stoppedAt();
        b.completedAt = j.completedAt();
        change.accept(b);
        return new MediaJob(j.id(), j.workspaceId(), j.kind(), j.roomId(), j.sessionId(), status, j.destination(),
                j.meetingUrl(), j.spec(), j.beamPeerId(), j.metadataId(), j.startedBy(), b.stoppedBy, b.stopReason,
                b.errorType, b.errorMessage, b.pausedAt, b.pausedMicros, j.createdAt(), now, b.startedAt, b.stoppedAt,
                b.completedAt);
    }
}
