package dev.hundred.server.livestreams;

import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.media.Hls;
import dev.hundred.server.media.Mp4;
import dev.hundred.server.media.TestCard;
import dev.hundred.server.media.Zip;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place this feature calls the media writers (package {@code media}): the files a running stream
 * serves and the files its recording leaves. All of it follows from the job's times and spec, so any node
 * makes the same bytes.
 */
final class HlsMedia {
    private HlsMedia() {}

    /** A file of a running stream's playback, relative to its master playlist, as a player sees it at {@code now}. */
    static Optional<Hls.File> live(MediaJob job, LiveStreamSpec spec, String path, Instant now, List<TimedMetadata> cues) {
        Hls hls = new Hls(spec.title(), job.startedAt(), null, layers(spec.layers()));
        Hls.Window window = spec.playlistType().equals(LiveStreamSpec.EVENT)
                ? Hls.Window.EVENT : Hls.Window.live(spec.numPlaylistSegments());
        return hls.file(path, now, window, cues(cues));
    }

    /**
     * The {@code room-vod} asset: the recorded layers' VOD playlists and media, zipped ("a ZIP file of m3u8
     * format with all the chunks", webhook docs). Paused time is not in it: it lasts {@code recorded}.
     */
    static byte[] vodZip(MediaJob job, LiveStreamSpec spec, Duration recorded, List<TimedMetadata> cues) {
        Hls hls = new Hls(spec.title(), job.startedAt(), job.startedAt().plus(atLeastAMilli(recorded)),
                layers(spec.recordingLayers()));
        return Zip.of(hls.vod(cues(cues)));
    }

    /** One {@code room-composite} MP4 of a layer, {@code recorded} long. */
    static byte[] layerMp4(MediaJob job, LiveStreamSpec spec, LiveStreamSpec.Layer layer, Duration recorded) {
        return Mp4.video(TestCard.of(spec.title(), layer.width(), layer.height(), job.startedAt()),
                atLeastAMilli(recorded).toMillis(), true);
    }

    static String contentType(String path) {
        return Hls.contentType(path);
    }

    private static Duration atLeastAMilli(Duration d) {
        return d.toMillis() < 1 ? Duration.ofMillis(1) : d;
    }

    private static List<Hls.Layer> layers(List<LiveStreamSpec.Layer> layers) {
        return layers.stream().map(l -> new Hls.Layer(l.width(), l.height(), l.bandwidth())).toList();
    }

    private static List<Hls.TimedMetadata> cues(List<TimedMetadata> cues) {
        return cues.stream().map(c -> new Hls.TimedMetadata(c.id(), c.payload(), c.startAt(),
                Duration.ofSeconds(c.durationSeconds()))).toList();
    }
}
