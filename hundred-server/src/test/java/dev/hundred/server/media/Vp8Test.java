package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The VP8 key frame, decoded by the tests' own boolean decoder (RFC 6386 §7, decoding side) down to
 * the first macroblock's coefficients, which give the picture's colour by the spec's arithmetic.
 * FfprobeTest decodes it with FFmpeg as well, when FFmpeg is there.
 */
class Vp8Test {
    /** coeff_tree of §13.2, again: leaves are -token, DCT_EOB is 11. */
    private static final int[] TREE = {-11, 2, 0, 4, -1, 6, 8, 12, -2, 10, -3, -4, 14, 16, -5, -6, 18, 20, -7, -8, -9, -10};
    private static final int[] BANDS = {0, 1, 2, 3, 6, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7};
    private static final int[] BASE = {5, 7, 11, 19, 35, 67};
    private static final int[][] EXTRA = {{159}, {165, 145}, {173, 148, 140}, {176, 155, 140, 135},
        {180, 157, 141, 134, 130}, {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129}};

    @Test
    void the_bool_encoder_round_trips_through_an_independent_decoder() {
        // carries into written bytes are rare (about one per megabyte); this seed's 2 million bools,
        // about 350 KB, contain one, so the carry path is exercised
        Random random = new Random(4);
        int count = 2_000_000;
        boolean[] bits = new boolean[count];
        int[] probs = new int[count];
        BoolEncoder encoder = new BoolEncoder();
        for (int i = 0; i < count; i++) {
            probs[i] = 1 + random.nextInt(255);
            bits[i] = random.nextBoolean();
            encoder.bool(bits[i], probs[i]);
        }
        Decoder decoder = new Decoder(encoder.finish());
        for (int i = 0; i < count; i++) {
            if (decoder.bool(probs[i]) != bits[i]) {
                throw new AssertionError("bool " + i + " decoded wrong");
            }
        }
    }

    @Test
    void a_flat_key_frame_decodes_to_its_colour() {
        int width = 100;
        int height = 50;
        byte[] frame = Vp8.flatKeyFrame(width, height, 88, 166, 95);
        int firstSize = ((frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16) >>> 5;
        Decoder header = new Decoder(Arrays.copyOfRange(frame, 10, 10 + firstSize));

        assertThat(header.literal(2)).as("color space, clamping").isZero();
        assertThat(header.literal(1)).as("segmentation").isZero();
        assertThat(header.literal(1 + 6 + 3 + 1 + 2)).as("loop filter off, no adjustments, one partition").isZero();
        assertThat(header.literal(7)).as("quantizer index").isZero();
        assertThat(header.literal(5 + 1)).as("no quantizer deltas, probabilities not kept").isZero();
        Map<Integer, Integer> updated = new HashMap<>();
        for (int i = 0; i < 4 * 8 * 3 * 11; i++) {
            if (header.bool(Vp8Tables.updateProbability(i))) {
                updated.put(i, header.literal(8));
            }
        }
        assertThat(updated).isNotEmpty().allSatisfy((i, p) -> assertThat(p).isEqualTo(128));
        assertThat(header.literal(1)).as("mb_no_coeff_skip").isEqualTo(1);
        int probSkipFalse = header.literal(8);
        int macroblocks = ((width + 15) / 16) * ((height + 15) / 16);
        for (int mb = 0; mb < macroblocks; mb++) {
            assertThat(header.bool(probSkipFalse)).as("skipped %d", mb).isEqualTo(mb != 0);
            assertThat(header.bool(145)).as("not B_PRED").isTrue();
            assertThat(header.bool(156)).as("DC_PRED or V_PRED").isFalse();
            assertThat(header.bool(163)).as("DC_PRED").isFalse();
            assertThat(header.bool(142)).as("chroma DC_PRED").isFalse();
        }

        Decoder residue = new Decoder(Arrays.copyOfRange(frame, 10 + firstSize, frame.length));
        int[] y2 = block(residue, updated, 1, 0, 0);
        for (int i = 0; i < 16; i++) {
            assertThat(block(residue, updated, 0, 1, 0)).as("luma block %d", i).containsOnly(0);
        }
        int[][] chroma = new int[8][];
        for (int plane = 0; plane < 2; plane++) {
            for (int b = 0; b < 4; b++) {
                int left = b % 2 == 1 ? nz(chroma[plane * 4 + b - 1]) : 0;
                int above = b >= 2 ? nz(chroma[plane * 4 + b - 2]) : 0;
                chroma[plane * 4 + b] = block(residue, updated, 2, 0, left + above);
            }
        }

        // §14: Y2 DC x 8, inverse WHT (x + 3) >> 3, then each luma IDCT (x + 4) >> 3 on the prediction 128
        int lumaDc = (y2[0] * 8 + 3) >> 3;
        assertThat(128 + ((lumaDc + 4) >> 3)).isEqualTo(88);
        for (int b = 0; b < 8; b++) {
            assertThat(Arrays.copyOfRange(chroma[b], 1, 16)).containsOnly(0);
            assertThat(128 + ((chroma[b][0] * 4 + 4) >> 3)).isEqualTo(b < 4 ? 166 : 95);
        }
    }

    /** One block's coefficients (§13.3), reading only probabilities the header set. */
    private static int[] block(Decoder d, Map<Integer, Integer> probs, int type, int first, int context) {
        int[] coefficients = new int[16];
        int ctx = context;
        boolean afterZero = false;
        for (int i = first; i < 16; i++) {
            int base = ((type * 8 + BANDS[i]) * 3 + ctx) * 11;
            int node = afterZero ? 2 : 0;
            int token;
            while (true) {
                Integer p = probs.get(base + (node >> 1));
                assertThat(p).as("token probability %d was set in the header", base + (node >> 1)).isNotNull();
                int next = TREE[node + (d.bool(p) ? 1 : 0)];
                if (next <= 0) {
                    token = -next;
                    break;
                }
                node = next;
            }
            if (token == 11) {
                break;
            }
            int value = token;
            if (token >= 5) {
                int extra = 0;
                for (int p : EXTRA[token - 5]) {
                    extra = extra * 2 + (d.bool(p) ? 1 : 0);
                }
                value = BASE[token - 5] + extra;
            }
            if (value != 0 && d.bool(128)) {
                value = -value;
            }
            coefficients[i] = value;
            ctx = value == 0 ? 0 : Math.abs(value) == 1 ? 1 : 2;
            afterZero = value == 0;
        }
        return coefficients;
    }

    private static int nz(int[] coefficients) {
        return Arrays.stream(coefficients).anyMatch(c -> c != 0) ? 1 : 0;
    }

    /** The decoding side of §7: value holds the coded number minus the interval's bottom. */
    private static final class Decoder {
        private final byte[] data;
        private int next;
        private long value;
        private int range = 255;
        private int bits;

        Decoder(byte[] data) {
            this.data = data;
            value = (byte0() << 8) | byte0();
        }

        boolean bool(int probability) {
            int split = 1 + (((range - 1) * probability) >> 8);
            long bigSplit = (long) split << 8;
            boolean bit = value >= bigSplit;
            if (bit) {
                range -= split;
                value -= bigSplit;
            } else {
                range = split;
            }
            while (range < 128) {
                value <<= 1;
                range <<= 1;
                if (++bits == 8) {
                    bits = 0;
                    value |= byte0();
                }
            }
            return bit;
        }

        int literal(int count) {
            int v = 0;
            for (int i = 0; i < count; i++) {
                v = v << 1 | (bool(128) ? 1 : 0);
            }
            return v;
        }

        private int byte0() {
            return next < data.length ? data[next++] & 0xFF : 0;
        }
    }
}
