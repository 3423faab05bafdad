package dev.hundred.server.externalstreams;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.assets.AssetDraft;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.jobs.JobChanged;
import dev.hundred.server.jobs.JobChat;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.media.Mp4;
import dev.hundred.server.media.TestCard;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What an external stream's job changes make, on the change's own transaction: {@code beam.started.success}
 * once it runs, {@code beam.stopped.success} when the recorder stops, with {@code recording: true} a
 * {@code room-composite} MP4 of the streamed time and size, the chat, and {@code beam.recording.success} on
 * completion, {@code beam.failure} (then, as recordings do, {@code beam.stopped.success} with reason
 * {@code failure: <type>} if it had run and had not stopped yet).
 */
final class ExternalStreamEvents {
    static final Duration WEBHOOK_LINKS = Duration.ofHours(24);

    private final AssetService assets;
    private final DomainEvents events;
    private final JobChat chat;

    ExternalStreamEvents(AssetService assets, JobChat chat, DomainEvents events) {
        this.assets = assets;
        this.chat = chat;
        this.events = events;
        events.subscribe(JobChanged.class, this::onJobChanged);
    }

    private void onJobChanged(Handle h, JobChanged e) {
        MediaJob job = e.job();
        if (!job.kind().equals(ExternalStreamService.KIND)) {
            return;
        }
        ExternalStreamSpec spec = ExternalStreamSpec.of(job.spec());
        switch (job.status()) {
            case MediaJob.RUNNING -> {
                if (MediaJob.STARTING.equals(e.previousStatus())) {
                    emit(h, e, BeamWebhooks.STARTED, BeamWebhooks.started(e, spec));
                }
            }
            case MediaJob.POST_PROCESSING -> emit(h, e, BeamWebhooks.STOPPED, BeamWebhooks.stopped(e, spec));
            case MediaJob.COMPLETED -> {
                if (spec.recording()) {
                    Asset asset = record(h, e, spec);
                    Asset chatFile = chat.record(h, e.workspace(), job);
                    emit(h, e, BeamWebhooks.RECORDING, BeamWebhooks.recording(e, spec, asset,
                            assets.presignedUrl(e.workspace(), asset, WEBHOOK_LINKS), chatFile,
                            assets.presignedUrl(e.workspace(), chatFile, WEBHOOK_LINKS)));
                }
            }
            case MediaJob.FAILED -> {
                emit(h, e, BeamWebhooks.FAILURE, BeamWebhooks.failure(e, spec));
                String from = e.previousStatus();
                if (job.startedAt() != null && (MediaJob.RUNNING.equals(from) || MediaJob.STOPPING.equals(from))) {
                    emit(h, e, BeamWebhooks.STOPPED, BeamWebhooks.stopped(e, spec));
                }
            }
            default -> { }
        }
    }

    private Asset record(Handle h, JobChanged e, ExternalStreamSpec spec) {
        MediaJob job = e.job();
        Duration streamed = job.recorded(job.stoppedAt());
        long millis = Math.max(1, streamed.toMillis());
        byte[] mp4 = Mp4.video(TestCard.of(spec.title(), spec.width(), spec.height(), job.startedAt()), millis, true);
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("width", spec.width());
        resolution.put("height", spec.height());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resolution", resolution);
        return assets.create(h, e.workspace(), job.id(), job.roomId(), job.sessionId(), AssetDraft.completed(
                "room-composite", "external-stream.mp4", "video/mp4", mp4, (int) streamed.toSeconds(), metadata));
    }

    private void emit(Handle h, JobChanged e, String type, Map<String, Object> data) {
        events.publish(h, new RoomEvent(e.workspace(), e.job().roomId(), type, data, e.at()));
    }
}
