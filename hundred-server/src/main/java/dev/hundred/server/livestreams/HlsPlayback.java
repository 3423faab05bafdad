package dev.hundred.server.livestreams;

import dev.hundred.server.jobs.JobService;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.media.Hls;
import dev.hundred.server.store.Database;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playback URL's files (spec §10.1 {@code playback.url}): like a CDN link, the URL is the key (no
 * management token). They exist while the stream runs; before and after, and for a wrong token, 404.
 * A published segment never changes and costs a picture to draw, so the last few are kept in memory
 * (playlists change with the clock and are made each time).
 */
final class HlsPlayback {
    static final int CACHED_SEGMENTS = 64;

    private final Database db;
    private final LiveStreamStore store;
    private final JobService jobs;
    private final WorkspaceService workspaces;
    private final Clock clock;
    private final Map<String, Hls.File> segments = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_SEGMENTS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Hls.File> eldest) {
                    return size() > CACHED_SEGMENTS;
                }
            });

    HlsPlayback(Database db, LiveStreamStore store, JobService jobs, WorkspaceService workspaces, Clock clock) {
        this.db = db;
        this.store = store;
        this.jobs = jobs;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** {@code path} is relative to the master playlist: master.m3u8, stream_0/stream.m3u8, ... */
    Hls.File file(String streamId, String token, String path) {
        LiveStreamStore.Playback playback = db.read(h -> store.playback(h, streamId))
                .filter(p -> MessageDigest.isEqual(p.token().getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow(() -> LiveStreamErrors.noPlayback("no live stream at this URL"));
        Workspace ws = workspaces.byId(playback.workspaceId());
        MediaJob job = ws == null ? null : jobs.find(ws, LiveStreamService.KIND, streamId).orElse(null);
        if (job == null) {
            throw LiveStreamErrors.noPlayback("no live stream at this URL");
        }
        if (!job.status().equals(MediaJob.RUNNING)) {
            throw LiveStreamErrors.noPlayback("live stream is " + job.status() + ", not running");
        }
        boolean immutable = !path.endsWith(".m3u8");
        String key = job.id() + "/" + path;
        Hls.File cached = immutable ? segments.get(key) : null;
        if (cached != null) {
            return cached;
        }
        List<TimedMetadata> cues = immutable ? List.of() : db.read(h -> store.metadata(h, job.id()));
        Hls.File file = HlsMedia.live(job, LiveStreamSpec.of(job.spec()), path, clock.instant(), cues)
                .orElseThrow(() -> LiveStreamErrors.noPlayback("no file " + path + " in this stream now"));
        if (immutable) {
            segments.put(key, file);
        }
        return file;
    }
}
