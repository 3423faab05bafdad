package dev.hundred.server.livestreams;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.assets.AssetDraft;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.jobs.JobChanged;
import dev.hundred.server.jobs.JobChat;
import dev.hundred.server.jobs.MediaJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What a live stream's job changes make, on the change's own transaction (so each happens once): the
 * playback row at start, {@code hls.started.success} once it runs, {@code hls.stopped.success} when the
 * recorder stops, the recording's assets and {@code hls.recording.success} on completion, {@code hls.failure}
 * (then, as recordings do, {@code hls.stopped.success} with reason {@code failure: <type>} if it had run and
 * had not stopped yet).
 */
final class LiveStreamEvents {
    /** How long webhook links stay valid unless the destination's presignDuration says otherwise. */
    static final Duration WEBHOOK_LINKS = Duration.ofHours(24);

    private final LiveStreamStore store;
    private final AssetService assets;
    private final DomainEvents events;
    private final JobChat chat;
    private final Supplier<String> publicUrl;

    LiveStreamEvents(LiveStreamStore store, AssetService assets, JobChat chat, DomainEvents events,
                     Supplier<String> publicUrl) {
        this.store = store;
        this.assets = assets;
        this.chat = chat;
        this.events = events;
        this.publicUrl = publicUrl;
        events.subscribe(JobChanged.class, this::onJobChanged);
    }

    private void onJobChanged(Handle h, JobChanged e) {
        MediaJob job = e.job();
        if (!job.kind().equals(LiveStreamService.KIND)) {
            return;
        }
        LiveStreamSpec spec = LiveStreamSpec.of(job.spec());
        String url = LiveStreamService.playbackUrl(publicUrl.get(), job.id(), spec.token());
        String from = e.previousStatus();
        switch (job.status()) {
            case MediaJob.STARTING -> {
                if (from == null) {
                    store.insertPlayback(h, new LiveStreamStore.Playback(job.id(), e.workspace().id(), spec.token()));
                }
            }
            case MediaJob.RUNNING -> {
                if (MediaJob.STARTING.equals(from)) {
                    emit(h, e, HlsWebhooks.STARTED, HlsWebhooks.started(e, spec, url));
                }
            }
            case MediaJob.POST_PROCESSING -> emit(h, e, HlsWebhooks.STOPPED, HlsWebhooks.stopped(e, spec, url));
            case MediaJob.COMPLETED -> {
                if (spec.recorded()) {
                    emit(h, e, HlsWebhooks.RECORDING, HlsWebhooks.recording(e, job.recorded(job.stoppedAt()),
                            record(h, e, spec)));
                }
            }
            case MediaJob.FAILED -> {
                emit(h, e, HlsWebhooks.FAILURE, HlsWebhooks.failure(e, spec));
                if (job.startedAt() != null && (MediaJob.RUNNING.equals(from) || MediaJob.STOPPING.equals(from))) {
                    emit(h, e, HlsWebhooks.STOPPED, HlsWebhooks.stopped(e, spec, url));
                }
            }
            default -> { }
        }
    }

    /**
     * The recording's assets: the zipped VOD (hls_vod), one MP4 per recorded layer (single_file_per_layer),
     * and the chat, in that order.
     */
    private HlsWebhooks.Recorded record(Handle h, JobChanged e, LiveStreamSpec spec) {
        MediaJob job = e.job();
        Duration recorded = job.recorded(job.stoppedAt());
        int seconds = (int) recorded.toSeconds();
        Duration links = spec.presignDuration() != null && spec.presignDuration() > 0
                ? Duration.ofSeconds(spec.presignDuration()) : WEBHOOK_LINKS;
        List<LiveStreamSpec.Layer> layers = spec.recordingLayers();
        LiveStreamSpec.Layer best = layers.get(0);
        String vodPath = "";
        String vodUrl = "";
        long vodSize = 0;
        if (spec.hlsVod()) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("num_layers", Integer.toString(layers.size()));
            metadata.put("max_width", best.width());
            metadata.put("max_height", best.height());
            byte[] zip = HlsMedia.vodZip(job, spec, recorded, store.metadata(h, job.id()));
            Asset vod = assets.create(h, e.workspace(), job.id(), job.roomId(), job.sessionId(),
                    AssetDraft.completed("room-vod", "hls-vod.zip", "application/zip", zip, seconds, metadata));
            vodPath = vod.path();
            vodUrl = assets.presignedUrl(e.workspace(), vod, links);
            vodSize = vod.size();
        }
        List<Map<String, Object>> singleFiles = null;
        if (spec.singleFilePerLayer()) {
            singleFiles = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                LiveStreamSpec.Layer layer = layers.get(i);
                Map<String, Object> metadata = new LinkedHashMap<>();
                Map<String, Object> resolution = new LinkedHashMap<>();
                resolution.put("width", layer.width());
                resolution.put("height", layer.height());
                metadata.put("resolution", resolution);
                metadata.put("layer", Integer.toString(i));
                Asset file = assets.create(h, e.workspace(), job.id(), job.roomId(), job.sessionId(),
                        AssetDraft.completed("room-composite", "layer-" + i + ".mp4", "video/mp4",
                                HlsMedia.layerMp4(job, spec, layer, recorded), seconds, metadata));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("asset_id", file.id());
                entry.put("layer", Integer.toString(i));
                entry.put("recording_path", file.path());
                entry.put("recording_presigned_url", assets.presignedUrl(e.workspace(), file, links));
                entry.put("size", file.size());
                entry.put("width", layer.width());
                entry.put("height", layer.height());
                singleFiles.add(entry);
            }
        }
        Asset chatFile = chat.record(h, e.workspace(), job);
        return new HlsWebhooks.Recorded(vodPath, vodUrl, vodSize, chatFile.path(),
                assets.presignedUrl(e.workspace(), chatFile, links), singleFiles, best, e.at());
    }

    private void emit(Handle h, JobChanged e, String type, Map<String, Object> data) {
        events.publish(h, new RoomEvent(e.workspace(), e.job().roomId(), type, data, e.at()));
    }
}
