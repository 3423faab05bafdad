package dev.hundred.server.media;

import java.util.Arrays;

/**
 * VP8's boolean entropy coder, encoding side (RFC 6386 §7): each bool is coded against an 8-bit
 * probability that it is zero. The interval [low, low + range) narrows per bool; whenever range falls
 * under 128 it is doubled and one more bit of low is settled, a byte at a time, with carries rippling
 * back into bytes already written.
 */
final class BoolEncoder {
    private byte[] out = new byte[256];
    private int size;
    private long low;
    private int range = 255;
    /** Shifts left before the top byte of {@code low} is complete. */
    private int pending = 24;

    void bool(boolean bit, int probability) {
        int split = 1 + (((range - 1) * probability) >> 8);
        if (bit) {
            low += split;
            range -= split;
        } else {
            range = split;
        }
        while (range < 128) {
            range <<= 1;
            low <<= 1;
            settleCarry();
            if (--pending == 0) {
                put((int) (low >>> 24));
                low &= 0xFF_FFFF;
                pending = 8;
            }
        }
    }

    /** An unsigned {@code bits}-wide value, high bit first, each bit at probability one half ("L(n)"). */
    void literal(int value, int bits) {
        for (int i = bits - 1; i >= 0; i--) {
            bool(((value >>> i) & 1) != 0, 128);
        }
    }

    /** Settles every bit of {@code low}: 32 zero bools at one half shift it all out. */
    byte[] finish() {
        for (int i = 0; i < 32; i++) {
            bool(false, 128);
        }
        return Arrays.copyOf(out, size);
    }

    /**
     * A carry out of the low 32 bits belongs to the last byte written. An overflow from an addition
     * climbs one place per shift and reaches bit 32 exactly when it lines up with that byte's lowest bit.
     */
    private void settleCarry() {
        if ((low & (1L << 32)) == 0) {
            return;
        }
        low &= 0xFFFF_FFFFL;
        int i = size - 1;
        while (i >= 0 && out[i] == (byte) 0xFF) {
            out[i--] = 0;
        }
        out[i]++; // the coded value is below one, so a carry never runs off the front
    }

    private void put(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) b;
    }
}
