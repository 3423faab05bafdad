package dev.hundred.server.recordings;

import dev.hundred.server.assets.AssetService;
import dev.hundred.server.jobs.JobFilter;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.jobs.JobStart;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.util.List;

/**
 * Recordings (spec §8): media jobs of kind {@code recording} on the shared state machine
 * ({@code jobs/JobService}), started with a body checked against the room's template ({@link StartRules}).
 * What happens as they run (webhooks, assets, transcription) is {@link RecordingEvents}'.
 */
public final class RecordingService {
    public static final String KIND = "recording";

    private final Database db;
    private final JobService jobs;
    private final RoomService rooms;
    private final TemplateService templates;
    private final AssetService assets;

    public RecordingService(Database db, JobService jobs, RoomService rooms, TemplateService templates, AssetService assets) {
        this.db = db;
        this.jobs = jobs;
        this.rooms = rooms;
        this.templates = templates;
        this.assets = assets;
    }

    /** 404 Room not found, 400 for the body, 403 Room is disabled, 400 when one is already running. */
    Recording start(Workspace ws, String roomId, StartBody body) {
        StartRules.Plan plan = db.read(h -> {
            Room room = rooms.require(h, ws, roomId);
            Template template = templates.find(h, ws, room.templateId())
                    .orElseThrow(() -> new IllegalStateException("room " + roomId + " without its template"));
            return StartRules.check(ws, room, template, templates.isBuiltIn(h, ws, template.id()), body);
        });
        MediaJob job = jobs.start(ws, roomId, new JobStart(KIND, plan.meetingUrl(), plan.destination(), plan.spec().toJson(),
                plan.beamRole(), plan.maxDurationSeconds(), ""));
        return Recording.of(job, null);
    }

    Recording retrieve(Workspace ws, String id) {
        MediaJob job = require(ws, id);
        return Recording.of(job, assets.ofJob(ws, job.id()));
    }

    List<Recording> list(Workspace ws, JobFilter filter) {
        return jobs.list(ws, filter).stream()
                .map(job -> Recording.of(job, null)).toList();
    }

    /** One recording; 400 when it is no longer starting or running. */
    Recording stop(Workspace ws, String id) {
        return Recording.of(jobs.stop(ws, require(ws, id), ""), null);
    }

    /** Every recording starting or running in the room (404 when there is none). */
    List<Recording> stopAll(Workspace ws, String roomId) {
        List<MediaJob> stopped = jobs.stopAll(ws, KIND, roomId, "");
        if (stopped.isEmpty()) {
            throw RecordingErrors.noneRunning(roomId);
        }
        return stopped.stream().map(job -> Recording.of(job, null)).toList();
    }

    Recording pause(Workspace ws, String roomId) {
        return Recording.of(jobs.pause(ws, liveIn(ws, roomId)), null);
    }

    Recording resume(Workspace ws, String roomId) {
        return Recording.of(jobs.resume(ws, liveIn(ws, roomId)), null);
    }

    private MediaJob liveIn(Workspace ws, String roomId) {
        rooms.retrieve(ws, roomId);
        return jobs.liveInRoom(ws, KIND, roomId).orElseThrow(() -> RecordingErrors.noneRunning(roomId));
    }

    private MediaJob require(Workspace ws, String id) {
        return jobs.find(ws, KIND, id).orElseThrow(RecordingErrors::notFound);
    }
}
