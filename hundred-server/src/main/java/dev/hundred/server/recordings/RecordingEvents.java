package dev.hundred.server.recordings;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.assets.AssetDraft;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.jobs.JobChanged;
import dev.hundred.server.jobs.MediaJob;
import java.time.Duration;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a recording's transitions make, on the transition's own transaction ({@link JobChanged}), so each
 * happens exactly once whichever node moves the job: the beam webhooks (spec §17.4) and, on completion, the
 * assets (room-composite MP4, chat CSV) and the start of the transcription.
 * <pre>
 * starting > running               beam.started.success
 * stopping > post_processing       beam.stopped.success (reason: the stop reason)
 * post_processing > completed      assets, beam.recording.success, then transcription.started.success
 * any > failed                     beam.failure, and beam.stopped.success (reason failure: TYPE) if it had run
 * </pre>
 */
final class RecordingEvents {
    private final AssetService assets;
    private final SessionContent content;
    private final Transcriptions transcriptions;

    RecordingEvents(DomainEvents events, AssetService assets, SessionContent content, Transcriptions transcriptions) {
        this.assets = assets;
        this.content = content;
        this.transcriptions = transcriptions;
        events.subscribe(JobChanged.class, (h, e) -> {
            if (e.job().kind().equals(RecordingService.KIND)) {
                on(h, e, events);
            }
        });
    }

    private void on(Handle h, JobChanged e, DomainEvents events) {
        MediaJob job = e.job();
        String before = e.previousStatus();
        RecordingSpec spec = RecordingSpec.of(job.spec());
        switch (job.status()) {
            case MediaJob.RUNNING -> {
                if (MediaJob.STARTING.equals(before)) {
                    emit(h, events, e, BeamEventData.STARTED, BeamEventData.started(e, spec));
                }
            }
            case MediaJob.POST_PROCESSING -> emit(h, events, e, BeamEventData.STOPPED, BeamEventData.stopped(e, spec));
            case MediaJob.COMPLETED -> complete(h, events, e, spec);
            case MediaJob.FAILED -> {
                emit(h, events, e, BeamEventData.FAILURE, BeamEventData.failure(e, spec));
                boolean hadRun = job.startedAt() != null
                        && (MediaJob.RUNNING.equals(before) || MediaJob.STOPPING.equals(before));
                if (hadRun) {
                    emit(h, events, e, BeamEventData.STOPPED, BeamEventData.stopped(e, spec));
                }
            }
            default -> { }
        }
    }

    /** The recording's files, as of its completion, then the webhook that announces them. */
    private void complete(Handle h, DomainEvents events, JobChanged e, RecordingSpec spec) {
        MediaJob job = e.job();
        Duration recorded = job.recorded(e.at());
        int seconds = BeamEventData.seconds(recorded);
        SessionContent.Captured captured = content.of(h, e.workspace(), job);
        Asset composite = assets.create(h, e.workspace(), job.id(), job.roomId(), job.sessionId(), AssetDraft.completed(
                RecordingSpec.COMPOSITE, job.id() + ".mp4", spec.audioOnly() ? "audio/mp4" : "video/mp4",
                RecordingFiles.composite(e.room().name(), spec.width(), spec.height(), e.at(), recorded, spec.audioOnly()),
                seconds, spec.compositeMetadata()));
        Asset chat = assets.create(h, e.workspace(), job.id(), job.roomId(), job.sessionId(), AssetDraft.completed(
                RecordingSpec.CHAT, "chat-" + job.id() + ".csv", "text/csv; charset=utf-8",
                RecordingFiles.chat(captured.messages(), captured.peers()), 0, Map.of()));
        emit(h, events, e, BeamEventData.RECORDED, BeamEventData.recorded(e, spec, composite,
                transcriptions.presign(e.workspace(), composite, spec), chat,
                transcriptions.presign(e.workspace(), chat, spec)));
        if (spec.transcribed()) {
            transcriptions.begin(h, e.workspace(), e.room(), job, spec, e.at());
        }
    }

    private static void emit(Handle h, DomainEvents events, JobChanged e, String type, Map<String, Object> data) {
        events.publish(h, new RoomEvent(e.workspace(), e.room().id(), type, data, e.at()));
    }
}
