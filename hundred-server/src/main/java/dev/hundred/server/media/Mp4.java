package dev.hundred.server.media;

import java.awt.image.BufferedImage;

/**
 * MP4 files as the cloud's {@code room-composite} and {@code stream} recordings (spec §9: composites and
 * streams are .mp4): a still picture for the whole duration, with or without silent audio, or audio
 * alone for {@code audio_only} recordings.
 *
 * <p>Why the files stay a few KiB for any duration:
 * <ul>
 *   <li>the picture is one H.264 IDR sample ({@code H264}) whose stts duration is the whole recording;</li>
 *   <li>the silent AAC frames are real, one every 1024 samples, but the mdat holds only about
 *       √n of them: every chunk in stco points at that same run of identical frames. So a 3-hour
 *       track of 506,250 frames costs two tables and a run of about 2.8 KiB each.</li>
 * </ul>
 * Durations are exact: mvhd and tkhd in milliseconds, the video mdhd in milliseconds, the audio mdhd in
 * 48 kHz samples with the last frame shortened in stts. The moov comes before the mdat, so players can
 * start without reading the end.
 */
public final class Mp4 {
    private static final int MAX_DIMENSION = 8192;

    private Mp4() {}

    /**
     * A video of {@code frame} shown for {@code durationMillis}, plus a silent AAC track if asked.
     *
     * @param frame the picture, usually {@link TestCard#of}; its size is the video's size
     * @param durationMillis 1 to {@link Integer#MAX_VALUE} milliseconds
     * @param withAudio add a silent 48 kHz mono AAC-LC track of the same duration
     */
    public static byte[] video(BufferedImage frame, long durationMillis, boolean withAudio) {
        checkDuration(durationMillis);
        if (frame.getWidth() > MAX_DIMENSION || frame.getHeight() > MAX_DIMENSION) {
            throw new IllegalArgumentException("at most " + MAX_DIMENSION + " pixels each way");
        }
        return write(H264.encode(frame).sample(), frame.getWidth(), frame.getHeight(), durationMillis, withAudio);
    }

    /** Audio only: a silent 48 kHz mono AAC-LC track of {@code durationMillis} (1 to {@link Integer#MAX_VALUE}). */
    public static byte[] audioOnly(long durationMillis) {
        checkDuration(durationMillis);
        return write(null, 0, 0, durationMillis, true);
    }

    private static byte[] write(byte[] picture, int width, int height, long durationMillis, boolean withAudio) {
        AudioRun audio = withAudio ? AudioRun.of(durationMillis) : null;
        byte[] frame = SilentAudio.aacFrame();
        // stco entries are 32-bit whatever their value, so a first pass with offset 0 gives the moov's size
        int head = head(picture, width, height, durationMillis, audio, 0).length;
        byte[] header = head(picture, width, height, durationMillis, audio, head + 8);
        Boxes file = new Boxes().bytes(header);
        file.box("mdat", m -> {
            if (picture != null) {
                m.bytes(picture);
            }
            if (audio != null) {
                for (int i = 0; i < audio.run(); i++) {
                    m.bytes(frame);
                }
            }
        });
        return file.toByteArray();
    }

    /** ftyp and moov, given where the mdat's payload will start. */
    private static byte[] head(byte[] picture, int width, int height, long durationMillis, AudioRun audio, long payload) {
        Boxes b = new Boxes();
        MovieBoxes.ftyp(b, "isom", "isom", "iso2", "mp41");
        int audioTrack = picture == null ? 1 : MovieBoxes.AUDIO_TRACK;
        b.box("moov", moov -> {
            MovieBoxes.mvhd(moov, durationMillis, audio == null ? 2 : audioTrack + 1);
            if (picture != null) {
                MovieBoxes.trak(moov, MovieBoxes.Track.video(width, height), durationMillis, durationMillis, s -> {
                    s.fullBox("stts", 0, 0, t -> t.u32(1).u32(1).u32(durationMillis));
                    s.fullBox("stsc", 0, 0, t -> t.u32(1).u32(1).u32(1).u32(1));
                    s.fullBox("stsz", 0, 0, t -> t.u32(0).u32(1).u32(picture.length));
                    s.fullBox("stco", 0, 0, t -> t.u32(1).u32(payload));
                });
            }
            if (audio != null) {
                long audioAt = payload + (picture == null ? 0 : picture.length);
                MovieBoxes.trak(moov, MovieBoxes.Track.audio(audioTrack), audio.samples(), durationMillis,
                        s -> audio.tables(s, audioAt));
            }
        });
        return b.toByteArray();
    }

    private static void checkDuration(long durationMillis) {
        if (durationMillis < 1 || durationMillis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a duration is 1 to " + Integer.MAX_VALUE + " ms, not " + durationMillis);
        }
    }

    /**
     * The silent track's sample tables: {@code frames} AAC frames in chunks of {@code run} frames, every
     * chunk reading the same {@code run} frames from the mdat.
     */
    private record AudioRun(long samples, long frames, int run) {
        static AudioRun of(long durationMillis) {
            long samples = durationMillis * SilentAudio.RATE / MovieBoxes.MILLIS;
            long frames = SilentAudio.aacFrames(samples);
            // bytes: run * 4 in the mdat plus 4 per chunk in stco; the sum is least near √frames
            int run = (int) Math.min(frames, Math.max(1, (long) Math.ceil(Math.sqrt(frames))));
            return new AudioRun(samples, frames, run);
        }

        void tables(Boxes s, long offset) {
            long last = samples - (frames - 1) * SilentAudio.AAC_FRAME_SAMPLES;
            boolean cut = last != SilentAudio.AAC_FRAME_SAMPLES;
            s.fullBox("stts", 0, 0, t -> {
                t.u32(cut && frames > 1 ? 2 : 1);
                if (frames > 1 || !cut) {
                    t.u32(cut ? frames - 1 : frames).u32(SilentAudio.AAC_FRAME_SAMPLES);
                }
                if (cut) {
                    t.u32(1).u32(last); // the last frame is cut where the recording ends
                }
            });
            long chunks = (frames + run - 1) / run;
            long rest = frames - (chunks - 1) * run;
            s.fullBox("stsc", 0, 0, t -> {
                t.u32(rest == run ? 1 : 2);
                t.u32(1).u32(run).u32(1);
                if (rest != run) {
                    t.u32(chunks).u32(rest).u32(1);
                }
            });
            s.fullBox("stsz", 0, 0, t -> t.u32(SilentAudio.aacFrame().length).u32(frames));
            s.fullBox("stco", 0, 0, t -> {
                t.u32(chunks);
                for (long i = 0; i < chunks; i++) {
                    t.u32(offset);
                }
            });
        }
    }
}
