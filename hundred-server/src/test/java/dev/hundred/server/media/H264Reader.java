package dev.hundred.server.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' own reading of what {@link H264} writes, from the standard (ITU-T H.264) rather than from
 * the encoder: NAL units, the SPS fields, and a decoder for exactly the two macroblock kinds Hundred
 * uses (I_PCM, and I_16x16 without residual: vertical, horizontal or DC prediction, chroma DC, horizontal
 * or vertical). Anything else fails loudly.
 */
final class H264Reader {
    private H264Reader() {}

    /** A NAL unit: header fields and the RBSP with emulation prevention bytes removed. */
    record Nal(int refIdc, int type, byte[] rbsp) {}

    record Sps(int profile, int constraints, int level, int mbWidth, int mbHeight, int cropLeft, int cropRight,
            int cropTop, int cropBottom, int pocType) {
        int width() {
            return mbWidth * 16 - 2 * (cropLeft + cropRight);
        }

        int height() {
            return mbHeight * 16 - 2 * (cropTop + cropBottom);
        }
    }

    /** A decoded picture (whole macroblocks, before cropping) and how its macroblocks were coded. */
    record Decoded(int width, int height, int[] y, int[] cb, int[] cr, int pcmMacroblocks, int predictedMacroblocks) {}

    /** 4-byte-length-prefixed NAL units, as an MP4 sample holds them. */
    static List<byte[]> lengthPrefixed(byte[] sample) {
        List<byte[]> units = new ArrayList<>();
        int at = 0;
        while (at < sample.length) {
            int length = (sample[at] & 0xFF) << 24 | (sample[at + 1] & 0xFF) << 16 | (sample[at + 2] & 0xFF) << 8
                    | sample[at + 3] & 0xFF;
            if (length < 1 || at + 4 + length > sample.length) {
                throw new AssertionError("a NAL length of " + length + " at " + at + " runs past the sample");
            }
            units.add(java.util.Arrays.copyOfRange(sample, at + 4, at + 4 + length));
            at += 4 + length;
        }
        return units;
    }

    static Nal nal(byte[] unit) {
        if ((unit[0] & 0x80) != 0) {
            throw new AssertionError("forbidden_zero_bit set");
        }
        ByteArrayOutputStream rbsp = new ByteArrayOutputStream();
        int zeros = 0;
        for (int i = 1; i < unit.length; i++) {
            int v = unit[i] & 0xFF;
            if (zeros == 2 && v == 3) {
                zeros = 0; // emulation_prevention_three_byte
                continue;
            }
            rbsp.write(v);
            zeros = v == 0 ? zeros + 1 : 0;
        }
        return new Nal(unit[0] >> 5 & 3, unit[0] & 0x1F, rbsp.toByteArray());
    }

    static Sps sps(Nal nal) {
        Bits b = new Bits(nal.rbsp());
        int profile = b.u(8);
        int constraints = b.u(8);
        int level = b.u(8);
        b.ue(); // seq_parameter_set_id
        if (profile != 66) {
            throw new AssertionError("only Baseline is read here, not profile " + profile);
        }
        b.ue(); // log2_max_frame_num_minus4
        int pocType = b.ue();
        if (pocType == 0) {
            b.ue();
        } else if (pocType == 1) {
            throw new AssertionError("pic_order_cnt_type 1 is not read here");
        }
        b.ue(); // max_num_ref_frames
        b.u(1);
        int mbWidth = b.ue() + 1;
        int mbHeight = b.ue() + 1;
        if (b.u(1) != 1) {
            throw new AssertionError("frame_mbs_only_flag 0");
        }
        b.u(1);
        int[] crop = new int[4];
        if (b.u(1) == 1) {
            for (int i = 0; i < 4; i++) {
                crop[i] = b.ue();
            }
        }
        return new Sps(profile, constraints, level, mbWidth, mbHeight, crop[0], crop[1], crop[2], crop[3], pocType);
    }

    /**
     * Decodes an IDR slice of the picture {@code sps} describes, written with the PPS Hundred uses (CAVLC,
     * deblocking control present, frame_num 4 bits, POC type 2).
     */
    static Decoded decode(Sps sps, Nal slice) {
        if (slice.type() != 5) {
            throw new AssertionError("not an IDR slice: type " + slice.type());
        }
        Bits b = new Bits(slice.rbsp());
        if (b.ue() != 0) {
            throw new AssertionError("first_mb_in_slice is not 0");
        }
        int sliceType = b.ue();
        if (sliceType % 5 != 2) {
            throw new AssertionError("not an I slice: " + sliceType);
        }
        b.ue(); // pic_parameter_set_id
        b.u(4); // frame_num
        b.ue(); // idr_pic_id
        b.u(1);
        b.u(1); // dec_ref_pic_marking
        b.se(); // slice_qp_delta
        if (b.ue() != 1) {
            throw new AssertionError("deblocking is on: the decoded samples would differ from these");
        }
        int w = sps.mbWidth() * 16;
        int h = sps.mbHeight() * 16;
        int[] y = new int[w * h];
        int[] cb = new int[w * h / 4];
        int[] cr = new int[w * h / 4];
        boolean[] pcm = new boolean[sps.mbWidth() * sps.mbHeight()];
        int pcmCount = 0;
        int predicted = 0;
        for (int my = 0; my < sps.mbHeight(); my++) {
            for (int mx = 0; mx < sps.mbWidth(); mx++) {
                int mbType = b.ue();
                if (mbType == 25) {
                    b.alignZeros();
                    for (int i = 0; i < 256; i++) {
                        y[(my * 16 + i / 16) * w + mx * 16 + i % 16] = b.u(8);
                    }
                    for (int[] plane : new int[][] {cb, cr}) {
                        for (int i = 0; i < 64; i++) {
                            plane[(my * 8 + i / 8) * (w / 2) + mx * 8 + i % 8] = b.u(8);
                        }
                    }
                    pcm[my * sps.mbWidth() + mx] = true;
                    pcmCount++;
                } else if (mbType >= 1 && mbType <= 3) { // I_16x16_<0..2>_0_0: no coefficients
                    int chroma = b.ue();
                    if (chroma > 2) {
                        throw new AssertionError("intra_chroma_pred_mode plane is not read here");
                    }
                    if (b.se() != 0) {
                        throw new AssertionError("mb_qp_delta is not 0");
                    }
                    boolean left = mx > 0;
                    boolean up = my > 0;
                    int nA = left && pcm[my * sps.mbWidth() + mx - 1] ? 16 : 0;
                    int nB = up && pcm[(my - 1) * sps.mbWidth() + mx] ? 16 : 0;
                    int nC = left && up ? (nA + nB + 1) >> 1 : left ? nA : nB;
                    // coeff_token for TotalCoeff 0, TrailingOnes 0 (table 9-5)
                    int expected = nC < 2 ? 1 : nC < 4 ? 3 : nC < 8 ? 15 : 3;
                    int bits = nC < 2 ? 1 : nC < 4 ? 2 : nC < 8 ? 4 : 6;
                    if (b.u(bits) != expected) {
                        throw new AssertionError("the DC block is not empty at macroblock " + mx + "," + my);
                    }
                    int lumaMode = mbType - 1;
                    if (lumaMode == 2) {
                        predictLumaDc(y, w, mx, my);
                    } else {
                        predictCopy(y, w, 16, mx, my, lumaMode == 0);
                    }
                    for (int[] plane : new int[][] {cb, cr}) {
                        if (chroma == 0) {
                            predictChromaDc(plane, w / 2, mx, my);
                        } else {
                            predictCopy(plane, w / 2, 8, mx, my, chroma == 2);
                        }
                    }
                    predicted++;
                } else {
                    throw new AssertionError("mb_type " + mbType + " is not read here");
                }
            }
        }
        b.trailingBits();
        return new Decoded(w, h, y, cb, cr, pcmCount, predicted);
    }

    /** Vertical (8.3.3.1, 8.3.4.4) or horizontal (8.3.3.2, 8.3.4.3) prediction: copy the edge above or left. */
    private static void predictCopy(int[] p, int w, int size, int mx, int my, boolean vertical) {
        int x0 = mx * size;
        int y0 = my * size;
        if (vertical ? my == 0 : mx == 0) {
            throw new AssertionError((vertical ? "vertical" : "horizontal") + " prediction without that edge at "
                    + mx + "," + my);
        }
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                p[(y0 + r) * w + x0 + c] = vertical ? p[(y0 - 1) * w + x0 + c] : p[(y0 + r) * w + x0 - 1];
            }
        }
    }

    /** 8.3.3.3: Intra_16x16 DC prediction. */
    private static void predictLumaDc(int[] y, int w, int mx, int my) {
        int x0 = mx * 16;
        int y0 = my * 16;
        int top = 0;
        int left = 0;
        for (int i = 0; i < 16; i++) {
            top += my > 0 ? y[(y0 - 1) * w + x0 + i] : 0;
            left += mx > 0 ? y[(y0 + i) * w + x0 - 1] : 0;
        }
        int dc = mx > 0 && my > 0 ? (top + left + 16) >> 5 : my > 0 ? (top + 8) >> 4 : mx > 0 ? (left + 8) >> 4 : 128;
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                y[(y0 + r) * w + x0 + c] = dc;
            }
        }
    }

    /** 8.3.4.1 to 8.3.4.3: chroma DC prediction, per 4x4 block with its own preference of edges. */
    private static void predictChromaDc(int[] p, int w, int mx, int my) {
        int x0 = mx * 8;
        int y0 = my * 8;
        for (int block = 0; block < 4; block++) {
            int xO = (block & 1) * 4;
            int yO = (block >> 1) * 4;
            int top = 0;
            int left = 0;
            for (int i = 0; i < 4; i++) {
                top += my > 0 ? p[(y0 - 1) * w + x0 + xO + i] : 0;
                left += mx > 0 ? p[(y0 + yO + i) * w + x0 - 1] : 0;
            }
            boolean up = my > 0;
            boolean lf = mx > 0;
            int dc;
            if (xO == yO) {
                dc = up && lf ? (top + left + 4) >> 3 : lf ? (left + 2) >> 2 : up ? (top + 2) >> 2 : 128;
            } else if (xO > 0) {
                dc = up ? (top + 2) >> 2 : lf ? (left + 2) >> 2 : 128;
            } else {
                dc = lf ? (left + 2) >> 2 : up ? (top + 2) >> 2 : 128;
            }
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    p[(y0 + yO + r) * w + x0 + xO + c] = dc;
                }
            }
        }
    }

    /** Exp-Golomb reading over an RBSP. */
    static final class Bits {
        private final byte[] data;
        private int bit;

        Bits(byte[] data) {
            this.data = data;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                if (bit >= data.length * 8) {
                    throw new AssertionError("read past the RBSP");
                }
                v = v << 1 | (data[bit >> 3] >> (7 - (bit & 7)) & 1);
                bit++;
            }
            return v;
        }

        int ue() {
            int zeros = 0;
            while (u(1) == 0) {
                zeros++;
            }
            return (1 << zeros) - 1 + u(zeros);
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }

        void alignZeros() {
            while ((bit & 7) != 0) {
                if (u(1) != 0) {
                    throw new AssertionError("pcm_alignment_zero_bit is 1");
                }
            }
        }

        /** rbsp_trailing_bits, and nothing after them. */
        void trailingBits() {
            if (u(1) != 1) {
                throw new AssertionError("no rbsp_stop_one_bit");
            }
            alignZeros();
            if (bit != data.length * 8) {
                throw new AssertionError((data.length * 8 - bit) + " bits after the trailing bits");
            }
        }
    }
}
