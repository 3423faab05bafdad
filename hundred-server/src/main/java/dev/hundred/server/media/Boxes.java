package dev.hundred.server.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A growing big-endian buffer for ISO BMFF (MP4) boxes. {@link #box} writes the header, runs the body
 * and then fills in the size, so nested calls read like the box tree they produce.
 */
final class Boxes {
    private byte[] buffer = new byte[512];
    private int size;

    Boxes box(String type, Consumer<Boxes> body) {
        int start = size;
        u32(0);
        fourcc(type);
        body.accept(this);
        patch32(start, size - start);
        return this;
    }

    /** A "full box": version and 24-bit flags before the body (ISO/IEC 14496-12 §4.2). */
    Boxes fullBox(String type, int version, int flags, Consumer<Boxes> body) {
        return box(type, b -> {
            b.u8(version);
            b.u24(flags);
            body.accept(b);
        });
    }

    Boxes u8(int v) {
        ensure(1);
        buffer[size++] = (byte) v;
        return this;
    }

    Boxes u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    Boxes u24(int v) {
        return u8(v >>> 16).u16(v);
    }

    Boxes u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("does not fit 32 bits: " + v);
        }
        return u16((int) (v >>> 16)).u16((int) v);
    }

    /** A signed 32-bit value, e.g. a trun data_offset. */
    Boxes s32(int v) {
        return u16(v >>> 16).u16(v);
    }

    Boxes u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    Boxes fourcc(String type) {
        byte[] ascii = type.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 4) {
            throw new IllegalArgumentException("a box type is four characters: " + type);
        }
        return bytes(ascii);
    }

    Boxes bytes(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, buffer, size, data.length);
        size += data.length;
        return this;
    }

    Boxes zeros(int count) {
        ensure(count);
        size += count;
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void patch32(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
