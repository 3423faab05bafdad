package dev.hundred.server.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A still picture as one H.264 IDR access unit (ITU-T H.264), the video of every MP4 and HLS file Hundred
 * writes: browsers decode H.264, not the JPEG the files carried before.
 *
 * <p>Constrained Baseline (profile_idc 66, constraint_set0 and 1), one SPS, one PPS and one I slice, CAVLC,
 * no transform anywhere. Each macroblock is one of two kinds:
 * <ul>
 *   <li>I_16x16 with no residual, 8 to 15 bits, where a prediction from the edge samples above and left
 *       is the picture exactly: DC (the edges' mean) where the block and its edges are one flat colour
 *       (most of the test card: the panel, the bars), vertical where every column repeats the sample above
 *       it, horizontal where every row repeats the one to its left (text strokes, the bars' lower edge);
 *       chroma takes DC, horizontal or vertical by the same rule;</li>
 *   <li>I_PCM (mb_type 25) everywhere else: its 384 samples as raw bytes, exact for any content.</li>
 * </ul>
 * Deblocking is off (disable_deblocking_filter_idc 1), so the reconstruction is the samples written.
 * Colour is BT.601 limited range, 4:2:0, which the SPS's VUI says. A frame size that is not a multiple
 * of 16 is cropped (frame_cropping); 4:2:0 crops in steps of 2, so an odd width or height gets one more
 * column or row of the picture's last one.
 */
final class H264 {
    /** Constrained Baseline: profile_idc 66, constraint_set0_flag and constraint_set1_flag. */
    static final int PROFILE = 66;
    static final int CONSTRAINTS = 0xC0;

    private static final int NAL_IDR = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final int I_PCM = 25;
    /** Intra_16x16 and intra chroma prediction modes (8.3.3, 8.3.4); -1 for none that is exact. */
    private static final int LUMA_VERTICAL = 0;
    private static final int LUMA_HORIZONTAL = 1;
    private static final int LUMA_DC = 2;
    private static final int CHROMA_DC = 0;
    private static final int CHROMA_HORIZONTAL = 1;
    private static final int CHROMA_VERTICAL = 2;
    /** Table A-1: level_idc and MaxFS (macroblocks per frame) for the levels chosen from. */
    private static final int[][] LEVELS = {{30, 1620}, {31, 3600}, {32, 5120}, {40, 8192}, {50, 22080},
        {51, 36864}, {60, 139264}};

    /**
     * The encoded picture: parameter sets (NAL units without start codes or lengths, as avcC holds them)
     * and the sample, the IDR slice as one 4-byte-length-prefixed NAL unit, as MP4 samples carry it.
     */
    record Picture(int width, int height, int level, byte[] sps, byte[] pps, byte[] sample) {
        /** The RFC 6381 codecs string, e.g. {@code avc1.42C01E}. */
        String codecs() {
            return String.format(Locale.ROOT, "avc1.%02X%02X%02X", PROFILE, CONSTRAINTS, level);
        }

        /** AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), the body of an avcC box. */
        byte[] avcC() {
            Boxes b = new Boxes();
            b.u8(1).u8(PROFILE).u8(CONSTRAINTS).u8(level).u8(0xFC | 3); // lengthSizeMinusOne 3
            b.u8(0xE0 | 1).u16(sps.length).bytes(sps);
            b.u8(1).u16(pps.length).bytes(pps);
            return b.toByteArray();
        }
    }

    private H264() {}

    /** Encodes {@code image} (any size 16 to 8192 each way) as one IDR picture. */
    static Picture encode(BufferedImage image) {
        Picture header = parameterSets(image.getWidth(), image.getHeight());
        int mbWidth = (image.getWidth() + 15) / 16;
        int mbHeight = (image.getHeight() + 15) / 16;
        Planes planes = Planes.of(image, mbWidth * 16, mbHeight * 16);
        byte[] slice = nal(3, NAL_IDR, slice(planes, mbWidth, mbHeight));
        byte[] sample = new Boxes().u32(slice.length).bytes(slice).toByteArray();
        return new Picture(header.width(), header.height(), header.level(), header.sps(), header.pps(), sample);
    }

    /**
     * The SPS and PPS of every picture of this size (an empty sample): what an init segment's avcC and a
     * playlist's CODECS need, without drawing anything.
     */
    static Picture parameterSets(int width, int height) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("a picture is 16 to 8192 pixels each way, not " + width + "x" + height);
        }
        int mbWidth = (width + 15) / 16;
        int mbHeight = (height + 15) / 16;
        int level = level(mbWidth, mbHeight);
        byte[] sps = nal(3, NAL_SPS, sps(width, height, mbWidth, mbHeight, level));
        byte[] pps = nal(3, NAL_PPS, pps());
        return new Picture(width, height, level, sps, pps, new byte[0]);
    }

    /** The smallest level whose frame size (MaxFS, and √(8·MaxFS) each way) holds the picture. */
    static int level(int mbWidth, int mbHeight) {
        for (int[] l : LEVELS) {
            int side = (int) Math.sqrt(8.0 * l[1]);
            if (mbWidth * mbHeight <= l[1] && mbWidth <= side && mbHeight <= side) {
                return l[0];
            }
        }
        // past level 6's frames (8.9 megapixels; layers go to 8192x8192) no level fits: say the largest
        return LEVELS[LEVELS.length - 1][0];
    }

    private static byte[] sps(int width, int height, int mbWidth, int mbHeight, int level) {
        Bits b = new Bits();
        b.u(8, PROFILE).u(8, CONSTRAINTS).u(8, level);
        b.ue(0); // seq_parameter_set_id
        b.ue(0); // log2_max_frame_num_minus4
        b.ue(2); // pic_order_cnt_type 2: output order is decoding order, nothing to reorder
        b.ue(1); // max_num_ref_frames
        b.u(1, 0); // gaps_in_frame_num_value_allowed_flag
        b.ue(mbWidth - 1).ue(mbHeight - 1);
        b.u(1, 1); // frame_mbs_only_flag
        b.u(1, 1); // direct_8x8_inference_flag
        int cropRight = (mbWidth * 16 - width) / 2; // in 2-sample units (CropUnitX, 4:2:0)
        int cropBottom = (mbHeight * 16 - height) / 2;
        boolean crop = cropRight > 0 || cropBottom > 0;
        b.u(1, crop ? 1 : 0);
        if (crop) {
            b.ue(0).ue(cropRight).ue(0).ue(cropBottom);
        }
        b.u(1, 1); // vui_parameters_present_flag
        b.u(1, 0); // aspect_ratio_info_present_flag (square samples)
        b.u(1, 0); // overscan_info_present_flag
        b.u(1, 1).u(3, 5).u(1, 0); // video_signal_type: unspecified format, limited range
        b.u(1, 1).u(8, 6).u(8, 6).u(8, 6); // colour description: BT.601 (SMPTE 170M) primaries, transfer, matrix
        b.u(1, 0); // chroma_loc_info_present_flag
        b.u(1, 0); // timing_info_present_flag: the container has the timing
        b.u(1, 0).u(1, 0); // nal_hrd, vcl_hrd
        b.u(1, 0); // pic_struct_present_flag
        b.u(1, 1); // bitstream_restriction_flag: no reordering, so a decoder shows each picture at once
        b.u(1, 1).ue(0).ue(0).ue(16).ue(16); // mvs within picture; no byte/bit limits; mv lengths
        b.ue(0).ue(1); // max_num_reorder_frames, max_dec_frame_buffering
        return b.trailing();
    }

    private static byte[] pps() {
        Bits b = new Bits();
        b.ue(0).ue(0); // pic_parameter_set_id, seq_parameter_set_id
        b.u(1, 0); // entropy_coding_mode_flag: CAVLC
        b.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
        b.ue(0); // num_slice_groups_minus1
        b.ue(0).ue(0); // num_ref_idx_l0/l1_default_active_minus1
        b.u(1, 0).u(2, 0); // weighted_pred_flag, weighted_bipred_idc
        b.se(0).se(0).se(0); // pic_init_qp_minus26, pic_init_qs_minus26, chroma_qp_index_offset
        b.u(1, 1); // deblocking_filter_control_present_flag: the slice turns it off
        b.u(1, 0).u(1, 0); // constrained_intra_pred_flag, redundant_pic_cnt_present_flag
        return b.trailing();
    }

    private static byte[] slice(Planes p, int mbWidth, int mbHeight) {
        Bits b = new Bits();
        b.ue(0); // first_mb_in_slice
        b.ue(7); // slice_type: I, and every slice of the picture is
        b.ue(0); // pic_parameter_set_id
        b.u(4, 0); // frame_num
        b.ue(0); // idr_pic_id
        b.u(1, 0).u(1, 0); // dec_ref_pic_marking: no_output_of_prior_pics_flag, long_term_reference_flag
        b.se(0); // slice_qp_delta
        b.ue(1); // disable_deblocking_filter_idc: off
        boolean[] pcm = new boolean[mbWidth * mbHeight];
        for (int my = 0; my < mbHeight; my++) {
            for (int mx = 0; mx < mbWidth; mx++) {
                int luma = p.lumaMode(mx, my);
                int chroma = luma < 0 ? -1 : p.chromaMode(mx, my);
                if (chroma >= 0) {
                    b.ue(1 + luma); // I_16x16_<mode>_0_0: no chroma or luma coefficients
                    b.ue(chroma); // intra_chroma_pred_mode
                    b.se(0); // mb_qp_delta
                    // Intra16x16DCLevel: coeff_token for TotalCoeff 0, by nC (9.2.1: an I_PCM neighbour counts 16)
                    boolean left = mx > 0;
                    boolean up = my > 0;
                    int nA = left && pcm[my * mbWidth + mx - 1] ? 16 : 0;
                    int nB = up && pcm[(my - 1) * mbWidth + mx] ? 16 : 0;
                    int nC = left && up ? (nA + nB + 1) >> 1 : left ? nA : nB;
                    if (nC < 2) {
                        b.u(1, 1);
                    } else if (nC < 4) {
                        b.u(2, 3);
                    } else if (nC < 8) {
                        b.u(4, 15);
                    } else {
                        b.u(6, 3);
                    }
                } else {
                    pcm[my * mbWidth + mx] = true;
                    b.ue(I_PCM);
                    b.align();
                    p.writePcm(b, mx, my);
                }
            }
        }
        return b.trailing();
    }

    /** A NAL unit from an RBSP: the header byte, then the payload with emulation prevention (7.4.1). */
    static byte[] nal(int refIdc, int type, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + rbsp.length / 64 + 1);
        out.write(refIdc << 5 | type);
        int zeros = 0;
        for (byte v : rbsp) {
            if (zeros >= 2 && (v & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(v);
            zeros = v == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** The picture as Y, Cb and Cr planes, padded to whole macroblocks by repeating the last column and row. */
    private record Planes(int width, byte[] y, byte[] cb, byte[] cr) {
        static Planes of(BufferedImage image, int width, int height) {
            int w = image.getWidth();
            int h = image.getHeight();
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            byte[] y = new byte[width * height];
            byte[] cb = new byte[width * height / 4];
            byte[] cr = new byte[width * height / 4];
            for (int row = 0; row < height; row += 2) {
                for (int col = 0; col < width; col += 2) {
                    int r = 0;
                    int g = 0;
                    int bl = 0;
                    for (int k = 0; k < 4; k++) {
                        int yy = row + (k >> 1);
                        int xx = col + (k & 1);
                        int px = rgb[Math.min(yy, h - 1) * w + Math.min(xx, w - 1)];
                        int pr = px >> 16 & 0xFF;
                        int pg = px >> 8 & 0xFF;
                        int pb = px & 0xFF;
                        y[yy * width + xx] = (byte) (((66 * pr + 129 * pg + 25 * pb + 128) >> 8) + 16);
                        r += pr;
                        g += pg;
                        bl += pb;
                    }
                    // BT.601 limited range from the 2x2 block's mean colour (sums of four: >> 10 for >> 8 / 4)
                    int at = row / 2 * (width / 2) + col / 2;
                    cb[at] = (byte) (((-38 * r - 74 * g + 112 * bl + 512) >> 10) + 128);
                    cr[at] = (byte) (((112 * r - 94 * g - 18 * bl + 512) >> 10) + 128);
                }
            }
            return new Planes(width, y, cb, cr);
        }

        /** The Intra_16x16 mode that reproduces macroblock (mx, my)'s luma exactly, or -1. */
        int lumaMode(int mx, int my) {
            return flatLikeEdges(y, width, 16, mx, my) ? LUMA_DC
                    : repeatsAbove(y, width, 16, mx, my) ? LUMA_VERTICAL
                    : repeatsLeft(y, width, 16, mx, my) ? LUMA_HORIZONTAL : -1;
        }

        /** The chroma mode that reproduces both chroma blocks exactly, or -1. */
        int chromaMode(int mx, int my) {
            int half = width / 2;
            return flatLikeEdges(cb, half, 8, mx, my) && flatLikeEdges(cr, half, 8, mx, my) ? CHROMA_DC
                    : repeatsLeft(cb, half, 8, mx, my) && repeatsLeft(cr, half, 8, mx, my) ? CHROMA_HORIZONTAL
                    : repeatsAbove(cb, half, 8, mx, my) && repeatsAbove(cr, half, 8, mx, my) ? CHROMA_VERTICAL : -1;
        }

        /** Vertical prediction is exact: there is a row above and every column repeats its sample. */
        private static boolean repeatsAbove(byte[] plane, int stride, int size, int mx, int my) {
            if (my == 0) {
                return false;
            }
            int x0 = mx * size;
            int y0 = my * size;
            for (int row = y0; row < y0 + size; row++) {
                for (int col = x0; col < x0 + size; col++) {
                    if (plane[row * stride + col] != plane[(y0 - 1) * stride + col]) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Horizontal prediction is exact: there is a column to the left and every row repeats its sample. */
        private static boolean repeatsLeft(byte[] plane, int stride, int size, int mx, int my) {
            if (mx == 0) {
                return false;
            }
            int x0 = mx * size;
            int y0 = my * size;
            for (int row = y0; row < y0 + size; row++) {
                for (int col = x0; col < x0 + size; col++) {
                    if (plane[row * stride + col] != plane[row * stride + x0 - 1]) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * DC prediction is exact: the block is flat and equal to every available edge sample above and
         * left (or to 128 when there is none, 8.3.3.3); every chroma 4x4 block's choice of edges agrees then.
         */
        private static boolean flatLikeEdges(byte[] plane, int stride, int size, int mx, int my) {
            int x0 = mx * size;
            int y0 = my * size;
            byte v = plane[y0 * stride + x0];
            for (int row = y0; row < y0 + size; row++) {
                for (int col = x0; col < x0 + size; col++) {
                    if (plane[row * stride + col] != v) {
                        return false;
                    }
                }
            }
            if (mx == 0 && my == 0) {
                return v == (byte) 128;
            }
            for (int i = 0; i < size; i++) {
                if (my > 0 && plane[(y0 - 1) * stride + x0 + i] != v) {
                    return false;
                }
                if (mx > 0 && plane[(y0 + i) * stride + x0 - 1] != v) {
                    return false;
                }
            }
            return true;
        }

        /** pcm_sample_luma[256] then pcm_sample_chroma[128] (Cb then Cr), each in raster order. */
        void writePcm(Bits b, int mx, int my) {
            for (int row = 0; row < 16; row++) {
                b.bytes(y, (my * 16 + row) * width + mx * 16, 16);
            }
            for (byte[] plane : new byte[][] {cb, cr}) {
                for (int row = 0; row < 8; row++) {
                    b.bytes(plane, (my * 8 + row) * (width / 2) + mx * 8, 8);
                }
            }
        }
    }

    /** An RBSP bit writer: u(n), ue(v), se(v), byte runs once aligned, and rbsp_trailing_bits. */
    static final class Bits {
        private byte[] buffer = new byte[256];
        private int bytes;
        private long pending; // bits not yet whole bytes, right-aligned
        private int pendingBits;

        Bits u(int n, long value) {
            for (int i = n - 1; i >= 0; i--) {
                pending = pending << 1 | (value >>> i & 1);
                if (++pendingBits == 8) {
                    put((byte) pending);
                    pending = 0;
                    pendingBits = 0;
                }
            }
            return this;
        }

        /** Exp-Golomb: codeNum + 1 in binary after as many zeros as it has bits less one (9.1). */
        Bits ue(long codeNum) {
            long v = codeNum + 1;
            int length = 64 - Long.numberOfLeadingZeros(v);
            return u(length - 1, 0).u(length, v);
        }

        /** Signed Exp-Golomb: k > 0 is codeNum 2k-1, k <= 0 is -2k (9.1.1). */
        Bits se(long k) {
            return ue(k > 0 ? 2 * k - 1 : -2 * k);
        }

        /** Zero bits up to the next byte boundary (pcm_alignment_zero_bit). */
        Bits align() {
            return pendingBits == 0 ? this : u(8 - pendingBits, 0);
        }

        Bits bytes(byte[] data, int from, int count) {
            if (pendingBits != 0) {
                throw new IllegalStateException("not byte-aligned");
            }
            ensure(count);
            System.arraycopy(data, from, buffer, bytes, count);
            bytes += count;
            return this;
        }

        /** rbsp_trailing_bits (a stop bit, then zeros to the byte boundary) and the RBSP. */
        byte[] trailing() {
            u(1, 1).align();
            return Arrays.copyOf(buffer, bytes);
        }

        private void put(byte v) {
            ensure(1);
            buffer[bytes++] = v;
        }

        private void ensure(int more) {
            if (bytes + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, bytes + more));
            }
        }
    }
}
