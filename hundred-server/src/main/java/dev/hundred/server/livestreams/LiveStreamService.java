package dev.hundred.server.livestreams;

import dev.hundred.server.activerooms.LiveAccess;
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
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.Destinations.HlsDestination;
import dev.hundred.server.templates.Destinations.HlsRecording;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live streams (spec §10): HLS jobs on {@link JobService} (kind {@code live_stream}). Start settles the
 * stream's parameters from the body and the room template's HLS destination; the rest are the job's
 * transitions, timed metadata (kept, told to the room's peers, written into the playlists) and the
 * recording's pause. Webhooks and assets follow the job's changes ({@link LiveStreamEvents}).
 */
public final class LiveStreamService {
    public static final String KIND = "live_stream";
    static final String PLAYBACK_PATH = "/hls/v1/";
    /** The gateway message a timed-metadata cue is to the room's peers (docs/livestreams.md). */
    static final String METADATA_MESSAGE = "timed-metadata";

    private final Database db;
    private final JobService jobs;
    private final RoomService rooms;
    private final TemplateService templates;
    private final AssetService assets;
    private final LiveAccess live;
    private final LiveStreamStore store = new LiveStreamStore();

    public LiveStreamService(Database db, JobService jobs, RoomService rooms, TemplateService templates,
                             AssetService assets, LiveAccess live) {
        this.db = db;
        this.jobs = jobs;
        this.rooms = rooms;
        this.templates = templates;
        this.assets = assets;
        this.live = live;
    }

    LiveStreamStore store() {
        return store;
    }

    /** What start settled before the job exists. */
    private record Plan(String meetingUrl, String destination, String beamRole, Integer maxDuration, LiveStreamSpec spec) {}

    MediaJob start(Workspace ws, String roomId, LiveStreamBody body) {
        LiveStreamRules.checkStart(body);
        Plan plan = db.read(h -> {
            Room room = rooms.require(h, ws, roomId);
            Template template = templates.find(h, ws, room.templateId()).orElse(null);
            Map.Entry<String, HlsDestination> chosen = destination(template, body.destination());
            HlsDestination d = chosen == null ? null : chosen.getValue();
            String role = d != null && d.role() != null && !d.role().isEmpty() ? d.role() : null;
            String meetingUrl = MeetingUrls.resolve(h, ws, room, body.meetingUrl(), role == null ? JobService.BEAM_ROLE : role);
            return new Plan(meetingUrl, chosen == null ? "" : chosen.getKey(), role, d == null ? null : d.maxDuration(),
                    spec(room, d, body));
        });
        return jobs.start(ws, roomId, new JobStart(KIND, plan.meetingUrl(), plan.destination(), plan.spec().toJson(),
                plan.beamRole(), plan.maxDuration(), ""));
    }

    /** The HLS destination named, or the template's only one, or none; several and none named is a 400. */
    private static Map.Entry<String, HlsDestination> destination(Template template, String requested) {
        Map<String, HlsDestination> all = template == null || template.destinations() == null
                || template.destinations().hlsDestinations() == null
                ? Map.of() : template.destinations().hlsDestinations();
        if (requested != null && !requested.isEmpty()) {
            if (!all.containsKey(requested)) {
                throw LiveStreamErrors.unknownDestination(requested);
            }
            return Map.entry(requested, all.get(requested));
        }
        if (all.size() > 1) {
            throw LiveStreamErrors.destinationRequired(new ArrayList<>(all.keySet()));
        }
        return all.isEmpty() ? null : all.entrySet().iterator().next();
    }

    private static LiveStreamSpec spec(Room room, HlsDestination d, LiveStreamBody body) {
        HlsRecording r = d == null ? null : d.recording();
        boolean vod;
        boolean perLayer;
        if (body.recording() != null) {
            vod = Boolean.TRUE.equals(body.recording().hlsVod());
            perLayer = Boolean.TRUE.equals(body.recording().singleFilePerLayer());
        } else {
            vod = r != null && Boolean.TRUE.equals(r.hlsVod());
            perLayer = r != null && Boolean.TRUE.equals(r.singleFilePerLayer());
        }
        List<LiveStreamSpec.Layer> layers = LiveStreamSpec.layers(d == null ? null : d.layers());
        List<LiveStreamSpec.Layer> recorded = r != null && r.layers() != null && !r.layers().isEmpty()
                ? LiveStreamSpec.layers(r.layers()) : layers;
        return new LiveStreamSpec(room.name(), vod, perLayer, layers, recorded, LiveStreamSpec.playlistType(d),
                LiveStreamSpec.segments(d), r == null ? null : r.presignDuration(), Ids.secret(16), body.transcription());
    }

    MediaJob find(Workspace ws, String streamId) {
        return jobs.find(ws, KIND, streamId).orElseThrow(LiveStreamErrors::notFound);
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

    MediaJob pauseRecording(Workspace ws, String streamId) {
        MediaJob job = recordedOrRefuse(find(ws, streamId));
        return jobs.pause(ws, job);
    }

    MediaJob resumeRecording(Workspace ws, String streamId) {
        MediaJob job = recordedOrRefuse(find(ws, streamId));
        return jobs.resume(ws, job);
    }

    private static MediaJob recordedOrRefuse(MediaJob job) {
        if (!LiveStreamSpec.of(job.spec()).recorded()) {
            throw LiveStreamErrors.notRecorded();
        }
        return job;
    }

    /**
     * A cue for a running stream: kept (the playlists carry it from now on) and told at once to the room's
     * gateway peers, in one change of the room.
     */
    MediaJob sendTimedMetadata(Workspace ws, String streamId, TimedMetadataBody body) {
        LiveStreamRules.checkTimedMetadata(body);
        MediaJob job = find(ws, streamId);
        return live.inRoom(ws, job.roomId(), t -> {
            MediaJob current = find(ws, streamId);
            if (!current.status().equals(MediaJob.RUNNING)) {
                throw LiveStreamErrors.notRunning(current.status());
            }
            TimedMetadata cue = new TimedMetadata(Ids.uuid(), current.id(), body.payload(), body.duration(), t.now());
            store.insertMetadata(t.handle(), ws.id(), cue, t.now());
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", METADATA_MESSAGE);
            message.put("id", cue.id());
            message.put("stream_id", current.id());
            message.put("payload", cue.payload());
            message.put("duration", cue.durationSeconds());
            message.put("start_at", cue.startAt());
            t.tellAll(message);
            return current;
        });
    }

    /** The stream as the API shows it; {@code baseUrl} is where the caller reaches this server. */
    LiveStream view(Workspace ws, MediaJob job, String baseUrl) {
        LiveStreamSpec spec = LiveStreamSpec.of(job.spec());
        List<Asset> recorded = job.status().equals(MediaJob.COMPLETED) ? assets.ofJob(ws, job.id()) : List.of();
        return LiveStream.of(job, spec, playbackUrl(baseUrl, job.id(), spec.token()), recorded);
    }

    static String playbackUrl(String baseUrl, String streamId, String token) {
        return baseUrl + PLAYBACK_PATH + streamId + "/" + token + "/master.m3u8";
    }
}
