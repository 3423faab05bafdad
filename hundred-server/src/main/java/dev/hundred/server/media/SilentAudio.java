package dev.hundred.server.media;

/**
 * Coded silence: one AAC-LC frame for MP4 and HLS, one Opus packet for WebM. Every emulated audio
 * track repeats one of these, so no audio encoder is needed.
 */
final class SilentAudio {
    /** Both codecs run at 48 kHz, mono, as the cloud's recordings do (WebRTC audio is 48 kHz). */
    static final int RATE = 48_000;
    /** An AAC-LC frame always carries 1024 samples. */
    static final int AAC_FRAME_SAMPLES = 1024;
    /** A 20 ms Opus frame is 960 samples at 48 kHz. */
    static final int OPUS_PACKET_SAMPLES = 960;

    /**
     * An AAC raw_data_block (ISO/IEC 14496-3 §4.4.2.1): a single_channel_element whose long window has
     * max_sfb = 0, so it carries no spectral data at all, then ID_END. 29 zero bits then 0b111: 4 bytes.
     */
    private static final byte[] AAC_FRAME = {0x00, 0x00, 0x00, 0x07};

    /**
     * AudioSpecificConfig: object type 2 (AAC LC), frequency index 3 (48 kHz), channel configuration 1,
     * then the three GASpecificConfig flags cleared: 00010 0011 0001 000.
     */
    private static final byte[] AAC_CONFIG = {0x11, (byte) 0x88};

    /**
     * An Opus packet (RFC 6716): TOC 0xF8 is configuration 31 (CELT-only, fullband, 20 ms), mono, one
     * frame; 0xFF 0xFE sets that frame's silence flag, so it decodes to digital zero. A common choice.
     */
    private static final byte[] OPUS_PACKET = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    /** Samples the Opus decoder drops at the start (RFC 7845 §4.2); 312 is what libopus reports. */
    static final int OPUS_PRE_SKIP = 312;

    private SilentAudio() {}

    static byte[] aacFrame() {
        return AAC_FRAME.clone();
    }

    static byte[] aacConfig() {
        return AAC_CONFIG.clone();
    }

    static byte[] opusPacket() {
        return OPUS_PACKET.clone();
    }

    /** The identification header (RFC 7845 §5.1) that WebM carries as the track's CodecPrivate. */
    static byte[] opusHead() {
        return new byte[] {
            'O', 'p', 'u', 's', 'H', 'e', 'a', 'd',
            1, // version
            1, // channels
            (byte) OPUS_PRE_SKIP, (byte) (OPUS_PRE_SKIP >>> 8), // little-endian, as all of OpusHead
            (byte) (RATE & 0xFF), (byte) ((RATE >>> 8) & 0xFF), (byte) ((RATE >>> 16) & 0xFF), 0,
            0, 0, // output gain
            0 // channel mapping family 0: mono or stereo, no table
        };
    }

    /** AAC frames that start in [0, samples): the last one may run past the end and be cut by the container. */
    static long aacFrames(long samples) {
        return (samples + AAC_FRAME_SAMPLES - 1) / AAC_FRAME_SAMPLES;
    }
}
