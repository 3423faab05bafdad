package dev.hundred.server.externalstreams;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.jobs.JobFilter;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.jobs.JobStart;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.jobs.MeetingUrls;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.Destinations.RtmpDestination;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * External streams (spec §11): RTMP-out jobs on {@link JobService} (kind {@code external_stream}). Start
 * settles the stream from the body and the room template's RTMP destination (its size, recording flag and
 * maximum duration fill what the body leaves out); webhooks and the recording follow the job's changes
 * ({@link ExternalStreamEvents}).
 */
public final class ExternalStreamService {
    public static final String KIND = "external_stream";

    private final Database db;
    private final JobService jobs;
    private final RoomService rooms;
    private final TemplateService templates;
    private final AssetService assets;

    public ExternalStreamService(Database db, JobService jobs, RoomService rooms, TemplateService templates,
                                 AssetService assets) {
        this.db = db;
        this.jobs = jobs;
        this.rooms = rooms;
        this.templates = templates;
        this.assets = assets;
    }

    private record Plan(String meetingUrl, String destination, Integer maxDuration, ExternalStreamSpec spec) {}

    MediaJob start(Workspace ws, String roomId, ExternalStreamBody body) {
        ExternalStreamRules.checkStart(body);
        Plan plan = db.read(h -> {
            Room room = rooms.require(h, ws, roomId);
            Template template = templates.find(h, ws, room.templateId()).orElse(null);
            Map.Entry<String, RtmpDestination> chosen = destination(template, body.destination());
            RtmpDestination d = chosen == null ? null : chosen.getValue();
            String meetingUrl = MeetingUrls.resolve(h, ws, room, body.meetingUrl(), JobService.BEAM_ROLE);
            int width = body.resolution() != null || d == null || d.width() == null
                    ? ExternalStreamRules.width(body.resolution(), ExternalStreamRules.DEFAULT_WIDTH) : d.width();
            int height = body.resolution() != null || d == null || d.height() == null
                    ? ExternalStreamRules.height(body.resolution(), ExternalStreamRules.DEFAULT_HEIGHT) : d.height();
            boolean recording = body.recording() != null ? body.recording()
                    : d != null && Boolean.TRUE.equals(d.recordingEnabled());
            return new Plan(meetingUrl, chosen == null ? "" : chosen.getKey(), d == null ? null : d.maxDuration(),
                    new ExternalStreamSpec(room.name(), List.copyOf(body.rtmpUrls()), recording, width, height));
        });
        return jobs.start(ws, roomId, new JobStart(KIND, plan.meetingUrl(), plan.destination(), plan.spec().toJson(),
                null, plan.maxDuration(), ""));
    }

    /** The RTMP destination named, or the template's only one, or none; several and none named is a 400. */
    private static Map.Entry<String, RtmpDestination> destination(Template template, String requested) {
        Map<String, RtmpDestination> all = template == null || template.destinations() == null
                || template.destinations().rtmpDestinations() == null
                ? Map.of() : template.destinations().rtmpDestinations();
        if (requested != null && !requested.isEmpty()) {
            if (!all.containsKey(requested)) {
                throw ExternalStreamErrors.unknownDestination(requested);
            }
            return Map.entry(requested, all.get(requested));
        }
        if (all.size() > 1) {
            throw ExternalStreamErrors.destinationRequired(new ArrayList<>(all.keySet()));
        }
        return all.isEmpty() ? null : all.entrySet().iterator().next();
    }

    MediaJob find(Workspace ws, String streamId) {
        return jobs.find(ws, KIND, streamId).orElseThrow(ExternalStreamErrors::notFound);
    }

    List<MediaJob> list(Workspace ws, JobFilter filter) {
        return jobs.list(ws, filter);
    }

    MediaJob stop(Workspace ws, String streamId) {
        return jobs.stop(ws, find(ws, streamId), "");
    }

    List<MediaJob> stopAll(Workspace ws, String roomId) {
        return jobs.stopAll(ws, KIND, roomId, "");
    }

    ExternalStream view(Workspace ws, MediaJob job) {
        List<Asset> recorded = job.status().equals(MediaJob.COMPLETED) ? assets.ofJob(ws, job.id()) : List.of();
        return ExternalStream.of(job, ExternalStreamSpec.of(job.spec()), recorded);
    }
}
