package dev.hundred.server.recordings;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.assets.AssetDraft;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Json;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.timers.Timer;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Post-call transcription (spec §15, §8.2): when a transcribed recording completes, its {@code transcript}
 * assets (one per output mode) and {@code summary} appear as {@code processing} and
 * {@code transcription.started.success} goes out, in the completion's transaction; a durable timer then
 * finishes them after the time the "transcription" settings give (about 20 percent of the recording), made
 * from what the session held, with {@code transcription.success}. The emulator can finish or fail it at once.
 * Whichever comes first (the timer, on any node, or the emulator) takes the timer's row, so it ends once.
 */
final class Transcriptions {
    static final String TIMER = "recordings.transcription";
    /** How long the presigned links in webhooks last when the template's recording config sets none. */
    static final Duration DEFAULT_PRESIGN = Duration.ofHours(24);

    private final Database db;
    private final Timers timers;
    private final EmulatorSettings settings;
    private final AssetService assets;
    private final WorkspaceService workspaces;
    private final DomainEvents events;
    private final SessionContent content;
    private final JobService jobs;
    private final RoomService rooms;
    private final Clock clock;

    Transcriptions(Database db, Timers timers, EmulatorSettings settings, AssetService assets, WorkspaceService workspaces,
                   DomainEvents events, SessionContent content, JobService jobs, RoomService rooms, Clock clock) {
        this.db = db;
        this.timers = timers;
        this.settings = settings;
        this.assets = assets;
        this.workspaces = workspaces;
        this.events = events;
        this.content = content;
        this.jobs = jobs;
        this.rooms = rooms;
        this.clock = clock;
        settings.section(TranscriptionSettings.SECTION, TranscriptionSettings.class, TranscriptionSettings.DEFAULTS,
                TranscriptionSettings::expand, TranscriptionSettings::check);
        timers.register(TIMER, this::fire);
    }

    /** In the transaction of the recording's completion: the processing assets, the start webhook, the timer. */
    void begin(Handle h, Workspace ws, Room room, MediaJob job, RecordingSpec spec, Instant at) {
        Duration recorded = job.recorded(at);
        int duration = BeamEventData.seconds(recorded);
        for (String mode : spec.transcription().outputModes()) {
            assets.create(h, ws, job.id(), job.roomId(), job.sessionId(), processing(RecordingSpec.TRANSCRIPT,
                    "transcript." + mode, contentType(mode), duration, mode));
        }
        if (spec.transcription().summarized()) {
            assets.create(h, ws, job.id(), job.roomId(), job.sessionId(), processing(RecordingSpec.SUMMARY,
                    "summary.json", contentType("json"), duration, "json"));
        }
        events.publish(h, new RoomEvent(ws, room.id(), TranscriptionEventData.STARTED,
                TranscriptionEventData.started(ws, room, job, spec, duration, outputs(h, ws, job), at), at));
        TranscriptionSettings s = settings.get(h, ws, TranscriptionSettings.SECTION, TranscriptionSettings.class);
        timers.schedule(h, TIMER, job.id(), ws.id(), at.plus(s.delay(recorded)), Json.write(Map.of("room_id", room.id())));
    }

    private void fire(Timer timer) {
        Workspace ws = workspaces.byId(timer.workspaceId());
        db.tx(h -> {
            if (timers.consume(h, timer)) {
                jobs.find(ws, RecordingService.KIND, timer.subject()).ifPresent(job -> finish(h, ws, job, true));
            }
            return null;
        });
    }

    /** The emulator: the transcription of this recording ends now, {@code succeeded} or failed. */
    List<Asset> end(Workspace ws, String recordingId, boolean succeeded) {
        MediaJob job = jobs.find(ws, RecordingService.KIND, recordingId).orElseThrow(RecordingErrors::notFound);
        if (!RecordingSpec.of(job.spec()).transcribed()) {
            throw RecordingErrors.noTranscription();
        }
        return db.tx(h -> {
            if (!timers.cancel(h, TIMER, job.id())) {
                MediaJob now = jobs.find(ws, RecordingService.KIND, recordingId).orElseThrow(RecordingErrors::notFound);
                throw now.status().equals(MediaJob.COMPLETED) ? RecordingErrors.transcriptionFinished()
                        : RecordingErrors.transcriptionNotStarted();
            }
            finish(h, ws, job, succeeded);
            return outputs(h, ws, job);
        });
    }

    private void finish(Handle h, Workspace ws, MediaJob job, boolean succeeded) {
        Instant at = clock.instant();
        Room room = rooms.require(h, ws, job.roomId());
        RecordingSpec spec = RecordingSpec.of(job.spec());
        SessionContent.Captured captured = succeeded ? content.of(h, ws, job) : null;
        for (Asset a : outputs(h, ws, job)) {
            if (!a.status().equals(Asset.PROCESSING)) {
                continue;
            }
            assets.complete(h, a.id(), succeeded ? Asset.COMPLETED : Asset.FAILED,
                    succeeded ? file(a, captured, job, spec) : new byte[0]);
        }
        List<Asset> done = outputs(h, ws, job);
        int duration = BeamEventData.seconds(job.recorded(at));
        Map<String, Object> data = succeeded
                ? TranscriptionEventData.success(ws, room, job, spec, duration, done, a -> presign(ws, a, spec), at)
                : TranscriptionEventData.failure(ws, room, job, spec, duration, done, at);
        events.publish(h, new RoomEvent(ws, room.id(), succeeded ? TranscriptionEventData.SUCCESS
                : TranscriptionEventData.FAILURE, data, at));
    }

    private static byte[] file(Asset a, SessionContent.Captured captured, MediaJob job, RecordingSpec spec) {
        if (a.type().equals(RecordingSpec.SUMMARY)) {
            return RecordingFiles.summary(captured.spokenAndWritten(job), spec.transcription().summary().sections());
        }
        return RecordingFiles.transcript(String.valueOf(a.metadata().get("output_mode")), captured.speech());
    }

    String presign(Workspace ws, Asset a, RecordingSpec spec) {
        Duration validity = spec.presignDuration() != null && spec.presignDuration() > 0
                ? Duration.ofSeconds(spec.presignDuration()) : DEFAULT_PRESIGN;
        return assets.presignedUrl(ws, a, validity);
    }

    private List<Asset> outputs(Handle h, Workspace ws, MediaJob job) {
        return assets.ofJob(h, ws, job.id()).stream().filter(RecordingSpec::isTranscriptionAsset).toList();
    }

    private static AssetDraft processing(String type, String fileName, String contentType, int duration, String mode) {
        return new AssetDraft(type, fileName, contentType, new byte[0], duration, Map.of("output_mode", mode), null,
                Asset.PROCESSING);
    }

    static String contentType(String mode) {
        return switch (mode) {
            case "txt" -> "text/plain; charset=utf-8";
            case "srt" -> "application/x-subrip; charset=utf-8";
            default -> "application/json";
        };
    }
}
