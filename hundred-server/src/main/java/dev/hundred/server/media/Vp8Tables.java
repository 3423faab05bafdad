package dev.hundred.server.media;

import java.util.Arrays;

/**
 * Normative data, not code: the constant probabilities of VP8's token-probability update flags,
 * {@code coeff_update_probs[4][8][3][11]} of RFC 6386 §13.4, transcribed from the RFC's tables. A
 * decoder reads one flag per token probability against these, so an encoder has to code against the
 * very same numbers, whatever it updates.
 *
 * <p>Written compactly: one string per [block type][band][context], holding that row's eleven values
 * up to the last one that is not 255; the rest are 255.
 */
final class Vp8Tables {
    static final int TOKEN_PROBS = 4 * 8 * 3 * 11;

    private static final String[] ROWS = {
        // block type 0: Y after Y2; bands 0 to 7, three contexts each
        "", "", "",
        "176 246", "223 241 252", "249 253 253",
        "255 244 252", "234 254 254", "253",
        "255 246 254", "239 253 254", "254 255 254",
        "255 248 254", "251 255 254", "",
        "255 253 254", "251 254 254", "254 255 254",
        "255 254 253 255 254", "250 255 254 255 254", "254",
        "", "", "",
        // block type 1: Y2
        "217", "225 252 241 253 255 255 254", "234 250 241 250 253 255 253 254",
        "255 254", "223 254 254", "238 253 254 254",
        "255 248 254", "249 254", "",
        "255 253", "247 254", "",
        "255 253 254", "252", "",
        "255 254 254", "253", "",
        "255 254 253", "250", "254",
        "", "", "",
        // block type 2: chroma
        "186 251 250", "234 251 244 254", "251 251 243 253 254 255 254",
        "255 253 254", "236 253 254", "251 253 253 254 254",
        "255 254 254", "254 254 254", "",
        "255 254", "254 254", "254",
        "", "254", "",
        "", "", "",
        "", "", "",
        "", "", "",
        // block type 3: Y with DC
        "248", "250 254 252 254", "248 254 249 253",
        "255 253 253", "246 253 253", "252 254 251 254 254",
        "255 254 252", "248 254 253", "253 255 254 254",
        "255 251 254", "245 251 254", "253 253 254",
        "255 251 253", "252 253 254", "255 254",
        "255 252", "249 255 254", "255 255 254",
        "255 255 253", "250", "",
        "", "254", "",
    };

    private static final int[] UPDATE = expand();

    private Vp8Tables() {}

    /** The update-flag probability for token probability {@code index} = ((type * 8 + band) * 3 + ctx) * 11 + node. */
    static int updateProbability(int index) {
        return UPDATE[index];
    }

    private static int[] expand() {
        if (ROWS.length != TOKEN_PROBS / 11) {
            throw new IllegalStateException("coeff_update_probs has 96 rows");
        }
        int[] table = new int[TOKEN_PROBS];
        Arrays.fill(table, 255);
        for (int row = 0; row < ROWS.length; row++) {
            if (!ROWS[row].isEmpty()) {
                String[] values = ROWS[row].split(" ");
                for (int i = 0; i < values.length; i++) {
                    table[row * 11 + i] = Integer.parseInt(values[i]);
                }
            }
        }
        return table;
    }
}
