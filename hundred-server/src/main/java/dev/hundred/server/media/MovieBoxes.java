package dev.hundred.server.media;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The boxes a plain MP4 ({@link Mp4}) and a fragmented one ({@link Fmp4}) share: file type, movie and
 * track headers, and the two sample entries Hundred writes (ISO/IEC 14496-12 and 14496-14).
 *
 * <p>Video is H.264 ({@link H264}) in an {@code avc1} entry with its {@code avcC} (ISO/IEC 14496-15),
 * samples as 4-byte-length-prefixed NAL units: what browsers play. Audio is AAC-LC in {@code mp4a},
 * 48 kHz mono.
 */
final class MovieBoxes {
    /** Movie and video timescale: milliseconds, so durations are exactly what callers ask for. */
    static final int MILLIS = 1000;
    static final int VIDEO_TRACK = 1;
    static final int AUDIO_TRACK = 2;

    private static final int AAC_OBJECT_TYPE = 0x40;
    private static final int[] IDENTITY = {0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000};

    /** What a track is: its id, kind and, for video, its size. */
    record Track(int id, boolean video, int width, int height) {
        static Track video(int width, int height) {
            return new Track(VIDEO_TRACK, true, width, height);
        }

        static Track audio(int id) {
            return new Track(id, false, 0, 0);
        }

        int timescale() {
            return video ? MILLIS : SilentAudio.RATE;
        }
    }

    private MovieBoxes() {}

    static void ftyp(Boxes b, String major, String... compatible) {
        b.box("ftyp", f -> {
            f.fourcc(major).u32(0x200);
            for (String brand : compatible) {
                f.fourcc(brand);
            }
        });
    }

    static void mvhd(Boxes b, long durationMillis, int nextTrackId) {
        int version = durationMillis > 0xFFFF_FFFFL ? 1 : 0;
        b.fullBox("mvhd", version, 0, m -> {
            times(m, version, MILLIS, durationMillis);
            m.u32(0x0001_0000).u16(0x0100).zeros(10); // rate 1.0, volume 1.0, reserved
            matrix(m);
            m.zeros(24).u32(nextTrackId);
        });
    }

    /**
     * One {@code trak}: header, media header, handler and media information, with {@code sampleTables}
     * writing everything in {@code stbl} after the sample description.
     *
     * @param mediaDuration in the track's timescale; 0 in a fragmented file's init segment
     * @param movieDuration in milliseconds
     */
    static void trak(Boxes b, Track track, long mediaDuration, long movieDuration, Consumer<Boxes> sampleTables) {
        b.box("trak", t -> {
            int tkhdVersion = movieDuration > 0xFFFF_FFFFL ? 1 : 0;
            t.fullBox("tkhd", tkhdVersion, 0x000003, h -> { // enabled, in movie
                if (tkhdVersion == 1) {
                    h.u64(0).u64(0).u32(track.id()).u32(0).u64(movieDuration);
                } else {
                    h.u32(0).u32(0).u32(track.id()).u32(0).u32(movieDuration);
                }
                h.zeros(8).u16(0).u16(0).u16(track.video() ? 0 : 0x0100).u16(0);
                matrix(h);
                h.u32((long) track.width() << 16).u32((long) track.height() << 16);
            });
            t.box("mdia", m -> {
                int mdhdVersion = mediaDuration > 0xFFFF_FFFFL ? 1 : 0;
                m.fullBox("mdhd", mdhdVersion, 0, h -> {
                    times(h, mdhdVersion, track.timescale(), mediaDuration);
                    h.u16(0x55C4).u16(0); // language "und", packed ISO 639-2/T
                });
                m.fullBox("hdlr", 0, 0, h -> h.u32(0)
                        .fourcc(track.video() ? "vide" : "soun")
                        .zeros(12)
                        .bytes((track.video() ? "VideoHandler\0" : "SoundHandler\0").getBytes(StandardCharsets.US_ASCII)));
                m.box("minf", i -> {
                    if (track.video()) {
                        i.fullBox("vmhd", 0, 1, v -> v.zeros(8));
                    } else {
                        i.fullBox("smhd", 0, 0, s -> s.zeros(4));
                    }
                    i.box("dinf", d -> d.fullBox("dref", 0, 0, r -> r.u32(1).fullBox("url ", 0, 1, u -> {})));
                    i.box("stbl", s -> {
                        s.fullBox("stsd", 0, 0, d -> {
                            d.u32(1);
                            if (track.video()) {
                                avcEntry(d, track);
                            } else {
                                aacEntry(d, track);
                            }
                        });
                        sampleTables.accept(s);
                    });
                });
            });
        });
    }

    /** The four empty tables a fragmented file's init segment still needs in each stbl. */
    static void emptySampleTables(Boxes s) {
        s.fullBox("stts", 0, 0, t -> t.u32(0));
        s.fullBox("stsc", 0, 0, t -> t.u32(0));
        s.fullBox("stsz", 0, 0, t -> t.u32(0).u32(0));
        s.fullBox("stco", 0, 0, t -> t.u32(0));
    }

    private static void avcEntry(Boxes b, Track track) {
        byte[] config = H264.parameterSets(track.width(), track.height()).avcC();
        b.box("avc1", e -> {
            e.zeros(6).u16(1); // reserved, data_reference_index
            e.zeros(16).u16(track.width()).u16(track.height());
            e.u32(0x0048_0000).u32(0x0048_0000).u32(0).u16(1); // 72 dpi, 72 dpi, reserved, frame_count
            byte[] name = new byte[32];
            byte[] text = "Hundred H.264".getBytes(StandardCharsets.US_ASCII);
            name[0] = (byte) text.length;
            System.arraycopy(text, 0, name, 1, text.length);
            e.bytes(name).u16(0x0018).u16(0xFFFF); // depth 24, pre_defined -1
            e.box("avcC", c -> c.bytes(config));
        });
    }

    private static void aacEntry(Boxes b, Track track) {
        b.box("mp4a", e -> {
            e.zeros(6).u16(1);
            e.zeros(8).u16(1).u16(16).u16(0).u16(0); // reserved, mono, 16-bit, pre_defined, reserved
            e.u32((long) SilentAudio.RATE << 16);
            esds(e, track.id(), AAC_OBJECT_TYPE, 0x05, SilentAudio.aacConfig());
        });
    }

    /** The elementary stream descriptor (ISO/IEC 14496-1 §7.2.6.5), lengths in the one-byte form. */
    private static void esds(Boxes b, int esId, int objectType, int streamType, byte[] specificInfo) {
        int dsi = specificInfo == null ? 0 : 2 + specificInfo.length;
        int decoderConfig = 13 + dsi;
        int es = 3 + 2 + decoderConfig + 3;
        b.fullBox("esds", 0, 0, d -> {
            d.u8(0x03).u8(es).u16(esId).u8(0);
            d.u8(0x04).u8(decoderConfig).u8(objectType).u8(streamType << 2 | 1).u24(0).u32(0).u32(0);
            if (specificInfo != null) {
                d.u8(0x05).u8(specificInfo.length).bytes(specificInfo);
            }
            d.u8(0x06).u8(1).u8(0x02); // SLConfigDescriptor, predefined for MP4
        });
    }

    private static void times(Boxes b, int version, int timescale, long duration) {
        if (version == 1) {
            b.u64(0).u64(0).u32(timescale).u64(duration);
        } else {
            b.u32(0).u32(0).u32(timescale).u32(duration);
        }
    }

    private static void matrix(Boxes b) {
        for (int v : IDENTITY) {
            b.s32(v);
        }
    }
}
