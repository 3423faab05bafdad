package dev.hundred.server.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * EBML elements (RFC 8794), the encoding of Matroska and WebM: an ID (written with its length marker,
 * as the specs list them), a variable-length size, the payload. Each call returns the whole element,
 * so a master element is its children's bytes concatenated.
 */
final class Ebml {
    private Ebml() {}

    static byte[] master(long id, byte[]... children) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] child : children) {
            payload.writeBytes(child);
        }
        return element(id, payload.toByteArray());
    }

    static byte[] uint(long id, long value) {
        int length = 1;
        while (length < 8 && (value >>> (8 * length)) != 0) {
            length++;
        }
        return uint(id, value, length);
    }

    /** An unsigned integer in exactly {@code length} bytes, so the element's size does not depend on it. */
    static byte[] uint(long id, long value, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[length - 1 - i] = (byte) (value >>> (8 * i));
        }
        return element(id, data);
    }

    static byte[] float64(long id, double value) {
        long bits = Double.doubleToLongBits(value);
        byte[] data = new byte[8];
        for (int i = 0; i < 8; i++) {
            data[7 - i] = (byte) (bits >>> (8 * i));
        }
        return element(id, data);
    }

    static byte[] string(long id, String value) {
        return element(id, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] element(long id, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 12);
        int idLength = 1;
        while (idLength < 4 && (id >>> (8 * idLength)) != 0) {
            idLength++;
        }
        for (int i = idLength - 1; i >= 0; i--) {
            out.write((int) (id >>> (8 * i)));
        }
        out.writeBytes(size(payload.length));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The shortest size field: length marker then value; all-ones values are reserved for "unknown". */
    static byte[] size(long value) {
        int length = 1;
        while (length < 8 && value >= (1L << (7 * length)) - 1) {
            length++;
        }
        byte[] out = new byte[length];
        long marked = value | (1L << (7 * length));
        for (int i = 0; i < length; i++) {
            out[length - 1 - i] = (byte) (marked >>> (8 * i));
        }
        return out;
    }
}
