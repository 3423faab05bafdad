package dev.hundred.server.media;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A VP8 key frame of one flat colour (RFC 6386), written without a general encoder.
 *
 * <p>The first macroblock carries the colour as DC coefficients: its Y2 block (the Walsh-Hadamard DC of
 * the sixteen luma blocks) and the DC of each chroma block, at quantizer index 0 where the dequantization
 * factors are Y2 DC 8 and chroma DC 4 (§14.1). Predicted from 128 (§12.2: the top-left macroblock's DC
 * prediction), it reconstructs exactly to the colour. Every other macroblock is DC_PRED with its
 * coefficients skipped: the average of equal neighbours is that colour again, so the picture is flat.
 * The loop filter is off. That costs about 3.4 bits per macroblock (the fixed key-frame mode
 * probabilities), so a 1920x1080 frame is about 3.5 KiB.
 *
 * <p>The token probabilities this frame uses are first set to one half through the frame header's
 * probability updates (§13.4), so the encoder needs only the update probabilities ({@link Vp8Tables}),
 * not the default token table.
 */
final class Vp8 {
    private static final int DCT_EOB = 11;
    /** coeff_tree (§13.2): pairs of children; a child above 0 indexes the next pair, others are -token. */
    private static final int[] COEFF_TREE = {
        -DCT_EOB, 2, 0, 4, -1, 6, 8, 12, -2, 10, -3, -4, 14, 16, -5, -6, 18, 20, -7, -8, -9, -10};
    private static final int[] CATEGORY_BASE = {5, 7, 11, 19, 35, 67};
    private static final int[][] CATEGORY_PROBS = {
        {159}, {165, 145}, {173, 148, 140}, {176, 155, 140, 135}, {180, 157, 141, 134, 130},
        {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129}};
    private static final int[] BANDS = {0, 1, 2, 3, 6, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7};
    /** Block types, the first index of the token probabilities (§13.3). */
    private static final int Y_AFTER_Y2 = 0;
    private static final int Y2 = 1;
    private static final int CHROMA = 2;
    /** Fixed key-frame probabilities for the luma and chroma mode trees (§11.2, §11.4). */
    private static final int[] KF_YMODE_PROB = {145, 156, 163, 128};
    private static final int KF_UV_DC_PROB = 142;
    /** Probability that a macroblock is not skipped: all but the first are. */
    private static final int PROB_SKIP_FALSE = 1;

    /** One coded bool: against a token probability (its index) or a fixed one. */
    private record Decision(int tokenProb, int fixedProb, boolean bit) {}

    private Vp8() {}

    /**
     * A key frame of {@code width} x {@code height} filled with the colour (y, u, v), BT.601 studio range
     * values 0 to 255 (the decoder clamps).
     */
    static byte[] flatKeyFrame(int width, int height, int y, int u, int v) {
        if (width < 1 || height < 1 || width > 16383 || height > 16383) {
            throw new IllegalArgumentException("VP8 frames are 1 to 16383 pixels each way");
        }
        List<Decision> tokens = firstMacroblockTokens(y - 128, u - 128, v - 128);
        Set<Integer> used = new LinkedHashSet<>();
        for (Decision d : tokens) {
            if (d.tokenProb() >= 0) {
                used.add(d.tokenProb());
            }
        }
        byte[] first = firstPartition(((width + 15) / 16) * ((height + 15) / 16), used);
        BoolEncoder residue = new BoolEncoder();
        for (Decision d : tokens) {
            residue.bool(d.bit(), d.tokenProb() >= 0 ? 128 : d.fixedProb());
        }
        byte[] second = residue.finish();

        byte[] frame = new byte[10 + first.length + second.length];
        int tag = (first.length << 5) | (1 << 4); // key frame (bit 0 clear), version 0, shown
        frame[0] = (byte) tag;
        frame[1] = (byte) (tag >>> 8);
        frame[2] = (byte) (tag >>> 16);
        frame[3] = (byte) 0x9D; // key frame start code
        frame[4] = 0x01;
        frame[5] = 0x2A;
        frame[6] = (byte) width; // 14 bits each, no upscaling hint
        frame[7] = (byte) (width >>> 8);
        frame[8] = (byte) height;
        frame[9] = (byte) (height >>> 8);
        System.arraycopy(first, 0, frame, 10, first.length);
        System.arraycopy(second, 0, frame, 10 + first.length, second.length);
        return frame;
    }

    /** Frame header (§9.2 to §9.11, §19.2) then every macroblock's modes (§19.3). */
    private static byte[] firstPartition(int macroblocks, Set<Integer> usedTokenProbs) {
        BoolEncoder e = new BoolEncoder();
        e.literal(0, 1); // color_space: YUV
        e.literal(0, 1); // clamping_type: clamp
        e.literal(0, 1); // segmentation_enabled
        e.literal(0, 1); // filter_type
        e.literal(0, 6); // loop_filter_level: no filter
        e.literal(0, 3); // sharpness_level
        e.literal(0, 1); // loop_filter_adj_enable
        e.literal(0, 2); // log2_nbr_of_dct_partitions: one
        e.literal(0, 7); // y_ac_qi: quantizer index 0
        e.literal(0, 5); // no y_dc, y2_dc, y2_ac, uv_dc, uv_ac deltas
        e.literal(0, 1); // refresh_entropy_probs: this frame's probabilities are not kept
        for (int i = 0; i < Vp8Tables.TOKEN_PROBS; i++) {
            boolean update = usedTokenProbs.contains(i);
            e.bool(update, Vp8Tables.updateProbability(i));
            if (update) {
                e.literal(128, 8);
            }
        }
        e.literal(1, 1); // mb_no_coeff_skip: skip flags follow
        e.literal(PROB_SKIP_FALSE, 8);
        for (int mb = 0; mb < macroblocks; mb++) {
            e.bool(mb != 0, PROB_SKIP_FALSE); // only the first macroblock has coefficients
            e.bool(true, KF_YMODE_PROB[0]); // kf_ymode_tree "100": DC_PRED
            e.bool(false, KF_YMODE_PROB[1]);
            e.bool(false, KF_YMODE_PROB[2]);
            e.bool(false, KF_UV_DC_PROB); // uv_mode_tree "0": DC_PRED
        }
        return e.finish();
    }

    /**
     * The first macroblock's residue: Y2 then 16 empty luma blocks, 4 U and 4 V blocks (§19.3), each
     * chroma block DC-only. Contexts follow §13.3: neighbours outside the frame count as empty.
     */
    private static List<Decision> firstMacroblockTokens(int dy, int du, int dv) {
        List<Decision> out = new ArrayList<>();
        // Y2 dequantized by 8, inverse WHT (dc + 3) >> 3, luma IDCT (dc + 4) >> 3: a level of 8 * dy
        block(out, Y2, 0, 0, 8 * dy);
        for (int i = 0; i < 16; i++) {
            block(out, Y_AFTER_Y2, 1, 0, 0); // neighbours in the frame's first macroblock are all empty
        }
        for (int delta : new int[] {du, dv}) {
            // chroma DC dequantized by 4, IDCT (dc + 4) >> 3: a level of 2 * delta
            int level = 2 * delta;
            int nz = level != 0 ? 1 : 0;
            block(out, CHROMA, 0, 0, level); // 2x2 blocks: left and above of the first are outside
            block(out, CHROMA, 0, nz, level); // left neighbour is the first
            block(out, CHROMA, 0, nz, level); // above neighbour is the first
            block(out, CHROMA, 0, 2 * nz, level); // left and above are the second and third
        }
        return out;
    }

    /** One block holding at most a DC value (a level at position {@code first}), then end of block. */
    private static void block(List<Decision> out, int type, int first, int context, int level) {
        if (level == 0) {
            token(out, type, first, context, DCT_EOB);
            return;
        }
        int magnitude = Math.abs(level);
        if (magnitude > 2048) {
            throw new IllegalArgumentException("coefficient out of range: " + level);
        }
        if (magnitude <= 4) {
            token(out, type, first, context, magnitude);
        } else {
            int category = 0;
            while (category < 5 && magnitude >= CATEGORY_BASE[category + 1]) {
                category++;
            }
            token(out, type, first, context, 5 + category);
            int extra = magnitude - CATEGORY_BASE[category];
            int[] probs = CATEGORY_PROBS[category];
            for (int i = 0; i < probs.length; i++) {
                out.add(new Decision(-1, probs[i], ((extra >>> (probs.length - 1 - i)) & 1) != 0));
            }
        }
        out.add(new Decision(-1, 128, level < 0)); // sign
        if (first + 1 < 16) {
            token(out, type, first + 1, magnitude == 1 ? 1 : 2, DCT_EOB);
        }
    }

    /** The bools that walk coeff_tree from its root to {@code token}. */
    private static void token(List<Decision> out, int type, int position, int context, int token) {
        List<Boolean> path = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        if (!find(0, token, path, nodes)) {
            throw new IllegalStateException("no token " + token);
        }
        int base = ((type * 8 + BANDS[position]) * 3 + context) * 11;
        for (int i = 0; i < path.size(); i++) {
            out.add(new Decision(base + (nodes.get(i) >> 1), 0, path.get(i)));
        }
    }

    private static boolean find(int node, int token, List<Boolean> path, List<Integer> nodes) {
        for (int branch = 0; branch < 2; branch++) {
            int child = COEFF_TREE[node + branch];
            path.add(branch == 1);
            nodes.add(node);
            if (child <= 0 ? -child == token : find(child, token, path, nodes)) {
                return true;
            }
            path.remove(path.size() - 1);
            nodes.remove(nodes.size() - 1);
        }
        return false;
    }
}
