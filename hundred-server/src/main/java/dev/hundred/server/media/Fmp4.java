package dev.hundred.server.media;

/**
 * Fragmented MP4 for HLS (RFC 8216bis §3.1.2): an init segment (ftyp + moov with mvex, no samples) and
 * media segments (moof + mdat) of one H.264 IDR picture ({@link H264}) and the silent AAC frames that
 * start in the segment.
 *
 * <p>Segment timing comes only from the segment's start and length, so any node renders the same bytes
 * for the same segment. An AAC frame is 1024/48000 s, which does not divide 2 s, so a segment holds the
 * frames that <em>start</em> inside it (93 or 94) and its audio tfdt is the first of them.
 *
 * <p>As in {@link Mp4}, the mdat carries about √n frames and every trun points its data_offset at that
 * same run, so even a segment hours long (the zipped VOD's) stays a few KiB.
 */
final class Fmp4 {
    /** tfhd flag: offsets count from the moof, as CMAF requires. */
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    private static final int DEFAULT_DURATION = 0x000008;
    private static final int DEFAULT_SIZE = 0x000010;
    /** trun flags. */
    private static final int DATA_OFFSET = 0x000001;
    private static final int SAMPLE_DURATION = 0x000100;
    private static final int SAMPLE_SIZE = 0x000200;
    /** Bytes a trun of data_offset and count costs, against 4 per repeated frame in the mdat. */
    private static final int TRUN_BYTES = 20;

    private Fmp4() {}

    static byte[] init(int width, int height) {
        Boxes b = new Boxes();
        MovieBoxes.ftyp(b, "iso5", "iso5", "iso6", "mp41");
        b.box("moov", moov -> {
            MovieBoxes.mvhd(moov, 0, MovieBoxes.AUDIO_TRACK + 1);
            MovieBoxes.trak(moov, MovieBoxes.Track.video(width, height), 0, 0, MovieBoxes::emptySampleTables);
            MovieBoxes.trak(moov, MovieBoxes.Track.audio(MovieBoxes.AUDIO_TRACK), 0, 0, MovieBoxes::emptySampleTables);
            moov.box("mvex", x -> {
                for (int track : new int[] {MovieBoxes.VIDEO_TRACK, MovieBoxes.AUDIO_TRACK}) {
                    // defaults: first sample description, sample flags 0 (every sample a sync sample)
                    x.fullBox("trex", 0, 0, t -> t.u32(track).u32(1).u32(0).u32(0).u32(0));
                }
            });
        });
        return b.toByteArray();
    }

    /**
     * One media segment.
     *
     * @param sequence the segment's number, 0 for the first; mfhd counts from 1
     * @param startMillis where the segment starts on the stream's timeline
     * @param durationMillis how long it lasts, at least 1
     * @param picture the picture shown for the whole segment: an IDR sample, so every segment starts with a
     *     keyframe as HLS requires
     */
    static byte[] fragment(long sequence, long startMillis, long durationMillis, byte[] picture) {
        long endMillis = startMillis + durationMillis;
        long firstFrame = SilentAudio.aacFrames(startMillis * SilentAudio.RATE / MovieBoxes.MILLIS);
        long endFrame = SilentAudio.aacFrames(endMillis * SilentAudio.RATE / MovieBoxes.MILLIS);
        long frames = endFrame - firstFrame;
        int run = (int) Math.min(frames, Math.max(1, (long) Math.ceil(Math.sqrt(frames * TRUN_BYTES / 4.0))));
        byte[] silence = SilentAudio.aacFrame();
        // every offset field is 32 bits whatever its value, so a first pass gives the moof's size
        int moofSize = moof(sequence, startMillis, durationMillis, picture.length, firstFrame, frames, run, 0).length;
        Boxes b = new Boxes();
        b.bytes(moof(sequence, startMillis, durationMillis, picture.length, firstFrame, frames, run, moofSize));
        b.box("mdat", m -> {
            m.bytes(picture);
            for (int i = 0; i < run; i++) {
                m.bytes(silence);
            }
        });
        return b.toByteArray();
    }

    private static byte[] moof(long sequence, long startMillis, long durationMillis, int pictureSize,
            long firstFrame, long frames, int run, int moofSize) {
        int videoAt = moofSize + 8; // past the mdat header
        int audioAt = videoAt + pictureSize;
        Boxes b = new Boxes();
        b.box("moof", moof -> {
            moof.fullBox("mfhd", 0, 0, h -> h.u32(sequence + 1));
            moof.box("traf", t -> {
                t.fullBox("tfhd", 0, DEFAULT_BASE_IS_MOOF, h -> h.u32(MovieBoxes.VIDEO_TRACK));
                t.fullBox("tfdt", 1, 0, h -> h.u64(startMillis));
                t.fullBox("trun", 0, DATA_OFFSET | SAMPLE_DURATION | SAMPLE_SIZE,
                        r -> r.u32(1).s32(videoAt).u32(durationMillis).u32(pictureSize));
            });
            if (frames > 0) {
                moof.box("traf", t -> {
                    t.fullBox("tfhd", 0, DEFAULT_BASE_IS_MOOF | DEFAULT_DURATION | DEFAULT_SIZE, h -> h
                            .u32(MovieBoxes.AUDIO_TRACK)
                            .u32(SilentAudio.AAC_FRAME_SAMPLES)
                            .u32(SilentAudio.aacFrame().length));
                    t.fullBox("tfdt", 1, 0, h -> h.u64(firstFrame * SilentAudio.AAC_FRAME_SAMPLES));
                    for (long done = 0; done < frames; done += run) {
                        long count = Math.min(run, frames - done);
                        t.fullBox("trun", 0, DATA_OFFSET, r -> r.u32(count).s32(audioAt));
                    }
                });
            }
        });
        return b.toByteArray();
    }
}
