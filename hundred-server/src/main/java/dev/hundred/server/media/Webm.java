package dev.hundred.server.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * WebM files as the cloud's {@code track} recordings (spec §9: "Track assets are .webm"): one audio
 * track of silent Opus, or one video track of a flat-colour VP8 key frame, for a given duration.
 *
 * <p>Layout: EBML header, then a Segment of Info (timestamps in milliseconds, Duration exact), Tracks,
 * Cues (one per cluster, before the clusters, so a player can seek without reading the end) and the
 * clusters.
 *
 * <p>To stay a few KiB for any duration, neither track is continuous:
 * <ul>
 *   <li>video is one key frame in a BlockGroup whose BlockDuration is the whole recording: a still, as
 *       a VP8 stream with no changes would be;</li>
 *   <li>audio is a 20 ms silent packet at the start and one ending at the end, with nothing between.
 *       Matroska has no way to reuse bytes, so this is a gap, much like WebRTC's discontinuous
 *       transmission produces during silence; decoders treat it as silence, and the file's duration
 *       comes from Info.</li>
 * </ul>
 */
public final class Webm {
    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long CUES = 0x1C53BB6BL;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long TIMESTAMP = 0xE7;
    private static final long SIMPLE_BLOCK = 0xA3;
    private static final long BLOCK_GROUP = 0xA0;
    private static final long BLOCK = 0xA1;
    private static final long BLOCK_DURATION = 0x9B;
    private static final long CUE_POINT = 0xBB;
    private static final long CUE_TIME = 0xB3;
    private static final long CUE_TRACK_POSITIONS = 0xB7;
    private static final long CUE_TRACK = 0xF7;
    private static final long CUE_CLUSTER_POSITION = 0xF1;

    /** Nanoseconds per timestamp tick: ticks are milliseconds. */
    private static final long TIMESTAMP_SCALE = 1_000_000;
    private static final int OPUS_PACKET_MILLIS = 20;
    /** The flat colour of the video, BT.601 studio range: a steel blue, RGB about (32, 96, 160). */
    private static final int Y = 88;
    private static final int U = 166;
    private static final int V = 95;

    private Webm() {}

    /** One silent Opus track (48 kHz mono) lasting {@code durationMillis} (1 to {@link Integer#MAX_VALUE}). */
    public static byte[] audio(long durationMillis) {
        checkDuration(durationMillis);
        byte[] track = Ebml.master(TRACK_ENTRY,
                Ebml.uint(0xD7, 1), // TrackNumber
                Ebml.uint(0x73C5, 1), // TrackUID
                Ebml.uint(0x83, 2), // TrackType: audio
                Ebml.uint(0x9C, 0), // FlagLacing: no laces
                Ebml.string(0x22B59C, "und"), // Language
                Ebml.string(0x86, "A_OPUS"), // CodecID
                Ebml.element(0x63A2, SilentAudio.opusHead()), // CodecPrivate
                // CodecDelay is the pre-skip in nanoseconds; SeekPreRoll is the 80 ms WebM asks for Opus
                Ebml.uint(0x56AA, SilentAudio.OPUS_PRE_SKIP * 1_000_000_000L / SilentAudio.RATE),
                Ebml.uint(0x56BB, 80_000_000),
                Ebml.master(0xE1, Ebml.float64(0xB5, SilentAudio.RATE), Ebml.uint(0x9F, 1))); // Audio
        List<Long> times = new ArrayList<>();
        times.add(0L);
        if (durationMillis > OPUS_PACKET_MILLIS) {
            times.add(durationMillis - OPUS_PACKET_MILLIS);
        }
        List<byte[]> clusters = new ArrayList<>();
        for (long at : times) {
            // SimpleBlock: track 1, offset 0 from the cluster, key frame (every Opus packet is one)
            clusters.add(Ebml.master(CLUSTER, Ebml.uint(TIMESTAMP, at),
                    Ebml.element(SIMPLE_BLOCK, block(0x80, SilentAudio.opusPacket()))));
        }
        return file(durationMillis, track, times, clusters);
    }

    /**
     * One VP8 video track of {@code width} x {@code height} (1 to 16383 each way) showing a flat colour for
     * {@code durationMillis} (1 to {@link Integer#MAX_VALUE}).
     */
    public static byte[] video(int width, int height, long durationMillis) {
        checkDuration(durationMillis);
        byte[] frame = Vp8.flatKeyFrame(width, height, Y, U, V);
        byte[] track = Ebml.master(TRACK_ENTRY,
                Ebml.uint(0xD7, 1),
                Ebml.uint(0x73C5, 1),
                Ebml.uint(0x83, 1), // TrackType: video
                Ebml.uint(0x9C, 0),
                Ebml.string(0x22B59C, "und"),
                Ebml.string(0x86, "V_VP8"),
                Ebml.master(0xE0, Ebml.uint(0xB0, width), Ebml.uint(0xBA, height))); // Video: PixelWidth, PixelHeight
        // a Block in a BlockGroup has no key-frame flag: having no ReferenceBlock makes it one
        byte[] cluster = Ebml.master(CLUSTER, Ebml.uint(TIMESTAMP, 0),
                Ebml.master(BLOCK_GROUP, Ebml.element(BLOCK, block(0x00, frame)), Ebml.uint(BLOCK_DURATION, durationMillis)));
        return file(durationMillis, track, List.of(0L), List.of(cluster));
    }

    private static byte[] file(long durationMillis, byte[] track, List<Long> clusterTimes, List<byte[]> clusters) {
        byte[] header = Ebml.master(EBML,
                Ebml.uint(0x4286, 1), // EBMLVersion
                Ebml.uint(0x42F7, 1), // EBMLReadVersion
                Ebml.uint(0x42F2, 4), // EBMLMaxIDLength
                Ebml.uint(0x42F3, 8), // EBMLMaxSizeLength
                Ebml.string(0x4282, "webm"), // DocType
                Ebml.uint(0x4287, 4), // DocTypeVersion: CodecDelay and SeekPreRoll are version 4
                Ebml.uint(0x4285, 2)); // DocTypeReadVersion
        byte[] info = Ebml.master(INFO,
                Ebml.uint(0x2AD7B1, TIMESTAMP_SCALE),
                Ebml.float64(0x4489, durationMillis), // Duration, in ticks
                Ebml.string(0x4D80, "Hundred"), // MuxingApp
                Ebml.string(0x5741, "Hundred")); // WritingApp
        byte[] tracks = Ebml.master(TRACKS, track);
        // cluster positions are 8-byte fields, so the Cues' size is known before the positions are
        int cuesSize = cues(clusterTimes, new long[clusters.size()]).length;
        long[] positions = new long[clusters.size()];
        long at = info.length + tracks.length + cuesSize; // from the start of the Segment's payload
        for (int i = 0; i < clusters.size(); i++) {
            positions[i] = at;
            at += clusters.get(i).length;
        }
        List<byte[]> body = new ArrayList<>(List.of(info, tracks, cues(clusterTimes, positions)));
        body.addAll(clusters);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(Ebml.master(SEGMENT, body.toArray(byte[][]::new)));
        return out.toByteArray();
    }

    private static byte[] cues(List<Long> times, long[] positions) {
        byte[][] points = new byte[times.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = Ebml.master(CUE_POINT, Ebml.uint(CUE_TIME, times.get(i)),
                    Ebml.master(CUE_TRACK_POSITIONS, Ebml.uint(CUE_TRACK, 1), Ebml.uint(CUE_CLUSTER_POSITION, positions[i], 8)));
        }
        return Ebml.master(CUES, points);
    }

    /** A (Simple)Block body: track number 1 as a size-style number, offset 0 from the cluster, flags. */
    private static byte[] block(int flags, byte[] data) {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) 0x81;
        out[3] = (byte) flags;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    private static void checkDuration(long durationMillis) {
        if (durationMillis < 1 || durationMillis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a duration is 1 to " + Integer.MAX_VALUE + " ms, not " + durationMillis);
        }
    }
}
