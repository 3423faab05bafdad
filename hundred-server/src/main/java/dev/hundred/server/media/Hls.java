package dev.hundred.server.media;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an emulated HLS live stream serves (spec §10: {@code playback.url} is the master playlist): a
 * master playlist, one media playlist per layer and fMP4 segments of 2 s ({@link Fmp4}) showing the test
 * card with the segment's wall-clock time. Everything follows from the stream's fields and "now", so any
 * node answers any request the same way; nothing is stored.
 *
 * <p>Files, relative to the master (names as in the 100ms docs' examples):
 * <pre>
 *   master.m3u8
 *   stream_0/stream.m3u8      stream_0/init.mp4      stream_0/segment0.m4s, segment1.m4s, ...
 *   stream_1/...              (one directory per layer, in the order given)
 * </pre>
 * Segment n covers [startedAt + 2n s, startedAt + 2(n+1) s) and is published once it is complete; after
 * {@code stoppedAt} the last one may be shorter and playlists end with {@code #EXT-X-ENDLIST}.
 *
 * <p>Timed metadata is written as {@code #EXT-X-DATERANGE} (RFC 8216bis §4.4.5.1) in the attribute order
 * the 100ms player SDKs parse (android/.../hls-timed-metadata.mdx): {@code ID, START-DATE, DURATION,
 * X-100MSLIVE-PAYLOAD}. Every segment
 * carries {@code #EXT-X-PROGRAM-DATE-TIME}, which a playlist with date ranges must have.
 *
 * <p>Rendering a segment draws the card and encodes it as one H.264 IDR ({@code H264}): every segment starts
 * with a keyframe, as HLS needs. Measured on a busy 2-core machine: 6 to 9 ms and 55 KiB at 640x360, 14 to
 * 22 ms and 106 KiB at 720p, 45 to 100 ms and 117 KiB at 1080p (the card's text edges are raw I_PCM samples,
 * the rest a few bits a macroblock); the JPEG it replaced took longer on the same machine. A segment's bytes never change, so a server
 * with many viewers can cache them by stream, layer and sequence.
 *
 * @param title shown on the card (the room name)
 * @param startedAt when the stream started: segment 0 starts here
 * @param stoppedAt when it stopped, or null while it runs
 * @param layers the renditions, as the template's HLS layers, first is {@code stream_0}
 */
public record Hls(String title, Instant startedAt, Instant stoppedAt, List<Layer> layers) {
    /** Segment length, as the cloud's ("each segment is 2 seconds", template hlsDestinations). */
    public static final Duration SEGMENT = Duration.ofSeconds(2);
    /** The cloud's default live window (numPlaylistSegments: min 3, max 150, default 5). */
    public static final int DEFAULT_WINDOW = 5;

    private static final long SEGMENT_MILLIS = SEGMENT.toMillis();
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern PATH =
            Pattern.compile("stream_(0|[1-9]\\d{0,2})/(stream\\.m3u8|init\\.mp4|segment(0|[1-9]\\d{0,11})\\.m4s)");

    /**
     * One rendition.
     *
     * @param width pixels
     * @param height pixels
     * @param bandwidth bits per second, as declared in the master playlist's BANDWIDTH
     */
    public record Layer(int width, int height, int bandwidth) {
        public Layer {
            if (width < 16 || height < 16 || width > 8192 || height > 8192 || bandwidth < 1) {
                throw new IllegalArgumentException("a layer is 16 to 8192 pixels each way with a bandwidth");
            }
        }
    }

    /**
     * A timed-metadata entry (POST /v2/live-streams/{id}/timed-metadata).
     *
     * @param id unique within the stream
     * @param payload the caller's string (the API allows up to 100 characters)
     * @param start when it applies from, on the wall clock
     * @param duration how long it applies
     */
    public record TimedMetadata(String id, String payload, Instant start, Duration duration) {
        public TimedMetadata {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
        }

        Instant end() {
            return start.plus(duration);
        }
    }

    /**
     * How a media playlist grows: a sliding window of the last {@code segments} segments (the cloud's
     * {@code live} playlistType), or every segment from the first ({@code event}, {@code segments} 0).
     */
    public record Window(int segments) {
        public static final Window EVENT = new Window(0);

        public Window {
            if (segments < 0) {
                throw new IllegalArgumentException("a window is 0 (event) or more segments");
            }
        }

        public static Window live(int segments) {
            if (segments < 1) {
                throw new IllegalArgumentException("a live window holds at least one segment");
            }
            return new Window(segments);
        }
    }

    /** A file and how to serve it. */
    public record File(String contentType, byte[] bytes) {}

    public Hls {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startedAt, "startedAt");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a stream has at least one layer");
        }
        if (stoppedAt != null && stoppedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a stream stops after it starts");
        }
    }

    /** The master playlist: one {@code EXT-X-STREAM-INF} per layer, in order. */
    public String master() {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(layer.bandwidth())
                    .append(",RESOLUTION=").append(layer.width()).append('x').append(layer.height())
                    .append(",FRAME-RATE=0.500,CODECS=\"")
                    .append(H264.parameterSets(layer.width(), layer.height()).codecs()).append(",mp4a.40.2\"\n")
                    .append("stream_").append(i).append("/stream.m3u8\n");
        }
        return m.toString();
    }

    /**
     * A layer's media playlist as a player polling at {@code now} sees it.
     *
     * @param layer index into {@link #layers()}
     * @param now the moment of the request; segments complete by then are listed
     * @param window sliding (live) or growing (event)
     * @param metadata entries to show; those outside the listed segments' time span are left out
     */
    public String mediaPlaylist(int layer, Instant now, Window window, List<TimedMetadata> metadata) {
        checkLayer(layer);
        long count = segmentCount(now);
        long first = window.segments() == 0 ? 0 : Math.max(0, count - window.segments());
        StringBuilder p = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:")
                .append(SEGMENT.toSeconds()).append("\n#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        if (window.segments() == 0) {
            p.append("#EXT-X-PLAYLIST-TYPE:EVENT\n");
        }
        p.append("#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n");
        List<TimedMetadata> pending = sorted(metadata);
        for (long n = first; n < count; n++) {
            Instant start = startedAt.plusMillis(n * SEGMENT_MILLIS);
            Instant end = startedAt.plusMillis(n * SEGMENT_MILLIS + segmentMillis(n));
            boolean firstListed = n == first;
            pending.removeIf(entry -> {
                // a date range goes just before the segment it starts in; one that began before the
                // first listed segment and still runs goes before that one; the rest are not listed
                boolean startsHere = !entry.start().isBefore(start) && entry.start().isBefore(end);
                boolean runsInto = firstListed && entry.start().isBefore(start) && entry.end().isAfter(start);
                if (startsHere || runsInto) {
                    dateRange(p, entry);
                }
                return startsHere || runsInto;
            });
            p.append("#EXT-X-PROGRAM-DATE-TIME:").append(DATE.format(start)).append('\n')
                    .append("#EXTINF:").append(seconds(segmentMillis(n))).append(",\n")
                    .append("segment").append(n).append(".m4s\n");
        }
        if (stoppedAt != null && !now.isBefore(stoppedAt)) {
            p.append("#EXT-X-ENDLIST\n");
        }
        return p.toString();
    }

    /** The init segment (ftyp + moov) of a layer: the same bytes for every segment of it. */
    public byte[] initSegment(int layer) {
        checkLayer(layer);
        return Fmp4.init(layers.get(layer).width(), layers.get(layer).height());
    }

    /**
     * Segment {@code sequence} of a layer: 2 s (the last, after a stop, may be shorter) of the card
     * showing the segment's start time, with silent audio.
     *
     * @throws IllegalArgumentException past the end of a stopped stream
     */
    public byte[] segment(int layer, long sequence) {
        checkLayer(layer);
        if (sequence < 0 || (stoppedAt != null && sequence >= segmentCount(stoppedAt))) {
            throw new IllegalArgumentException("no segment " + sequence);
        }
        Layer l = layers.get(layer);
        long startMillis = sequence * SEGMENT_MILLIS;
        Instant shown = startedAt.plusMillis(startMillis);
        byte[] picture = H264.encode(TestCard.of(title, l.width(), l.height(), shown)).sample();
        return Fmp4.fragment(sequence, startMillis, segmentMillis(sequence), picture);
    }

    /**
     * Segments published by {@code now}: the complete ones and, once stopped, a last partial one.
     */
    public long segmentCount(Instant now) {
        Instant until = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        long elapsed = Duration.between(startedAt, until).toMillis();
        if (elapsed <= 0) {
            return 0;
        }
        boolean stopped = stoppedAt != null && !now.isBefore(stoppedAt);
        long complete = elapsed / SEGMENT_MILLIS;
        return stopped && elapsed % SEGMENT_MILLIS != 0 ? complete + 1 : complete;
    }

    /**
     * Serves {@code path} (relative to the master, as listed above) at {@code now}, or empty for a file
     * that does not exist (yet): the lookup an HTTP route needs.
     */
    public Optional<File> file(String path, Instant now, Window window, List<TimedMetadata> metadata) {
        if (path.equals("master.m3u8")) {
            return Optional.of(new File(contentType(path), bytes(master())));
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= layers.size()) {
            return Optional.empty();
        }
        int layer = Integer.parseInt(m.group(1));
        if (m.group(3) != null) {
            long sequence = Long.parseLong(m.group(3));
            if (sequence >= segmentCount(now)) { // only published segments exist
                return Optional.empty();
            }
            return Optional.of(new File(contentType(path), segment(layer, sequence)));
        }
        return Optional.of(m.group(2).equals("init.mp4")
                ? new File(contentType(path), initSegment(layer))
                : new File(contentType(path), bytes(mediaPlaylist(layer, now, window, metadata))));
    }

    /**
     * The stopped stream as a compact VOD asset ({@code room-vod}): the master, and per layer a VOD
     * playlist of a single segment spanning the whole recording, its init segment and that segment.
     * One long segment (rather than 2 s ones) keeps the set a few KiB for any duration, so it can be
     * zipped ({@link Zip}) or stored as it is. Keys are paths relative to the master.
     */
    public Map<String, byte[]> vod(List<TimedMetadata> metadata) {
        if (stoppedAt == null) {
            throw new IllegalStateException("a VOD is made once the stream has stopped");
        }
        long millis = Math.max(1, Duration.between(startedAt, stoppedAt).toMillis());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("master.m3u8", bytes(master()));
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            StringBuilder p = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:")
                    .append((millis + 999) / 1000)
                    .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                    .append("#EXT-X-MAP:URI=\"init.mp4\"\n");
            for (TimedMetadata entry : sorted(metadata)) {
                if (entry.start().isBefore(stoppedAt) && entry.end().isAfter(startedAt)) {
                    dateRange(p, entry);
                }
            }
            p.append("#EXT-X-PROGRAM-DATE-TIME:").append(DATE.format(startedAt)).append('\n')
                    .append("#EXTINF:").append(seconds(millis)).append(",\nsegment0.m4s\n#EXT-X-ENDLIST\n");
            String dir = "stream_" + i + "/";
            files.put(dir + "stream.m3u8", bytes(p.toString()));
            files.put(dir + "init.mp4", initSegment(i));
            byte[] picture = H264.encode(TestCard.of(title, l.width(), l.height(), startedAt)).sample();
            files.put(dir + "segment0.m4s", Fmp4.fragment(0, 0, millis, picture));
        }
        return files;
    }

    /** The Content-Type for one of these files (RFC 8216bis §4; fMP4 segments are video/mp4). */
    public static String contentType(String path) {
        return path.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp4";
    }

    private long segmentMillis(long sequence) {
        if (stoppedAt == null) {
            return SEGMENT_MILLIS;
        }
        long total = Duration.between(startedAt, stoppedAt).toMillis();
        return Math.min(SEGMENT_MILLIS, total - sequence * SEGMENT_MILLIS);
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= layers.size()) {
            throw new IllegalArgumentException("no layer " + layer);
        }
    }

    private static void dateRange(StringBuilder p, TimedMetadata entry) {
        p.append("#EXT-X-DATERANGE:ID=\"").append(quotable(entry.id()))
                .append("\",START-DATE=\"").append(DATE.format(entry.start()))
                .append("\",DURATION=").append(seconds(entry.duration().toMillis()))
                .append(",X-100MSLIVE-PAYLOAD=\"").append(quotable(entry.payload())).append("\"\n");
    }

    /** A quoted-string cannot hold a double quote, CR or LF (RFC 8216bis §4.2): they become ' and spaces. */
    private static String quotable(String s) {
        return s.replace('"', '\'').replace('\r', ' ').replace('\n', ' ');
    }

    /** Milliseconds as decimal seconds with three places, e.g. 2000 -> "2.000". */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private static List<TimedMetadata> sorted(List<TimedMetadata> metadata) {
        List<TimedMetadata> list = new ArrayList<>(metadata);
        list.sort(Comparator.comparing(TimedMetadata::start).thenComparing(TimedMetadata::id));
        return list;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
