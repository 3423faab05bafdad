package dev.hundred.server.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ISO BMFF reader written for the tests from ISO/IEC 14496-12, sharing nothing with the writers:
 * it splits a file into boxes, descends into the containers it knows, and reads fields by offset.
 * It fails loudly on a box whose size runs past its parent.
 */
final class BoxReader {
    /** Boxes made only of other boxes. */
    private static final List<String> CONTAINERS =
            List.of("moov", "trak", "mdia", "minf", "dinf", "stbl", "mvex", "moof", "traf", "edts");

    /** A box: where it starts in the file, its full size, its type and, for containers, its children. */
    record Box(String type, int offset, int size, byte[] file, List<Box> children) {
        int payload() {
            return offset + 8;
        }

        int end() {
            return offset + size;
        }

        /** The first descendant along {@code path} ("moov/trak/tkhd"). */
        Box at(String path) {
            return find(path).orElseThrow(() -> new AssertionError("no " + path + " in " + type));
        }

        Optional<Box> find(String path) {
            String[] parts = path.split("/", 2);
            for (Box child : children) {
                if (child.type.equals(parts[0])) {
                    return parts.length == 1 ? Optional.of(child) : child.find(parts[1]);
                }
            }
            return Optional.empty();
        }

        List<Box> all(String type) {
            return children.stream().filter(c -> c.type.equals(type)).toList();
        }

        int version() {
            return u8(payload());
        }

        int flags() {
            return (int) (u32(payload()) & 0xFFFFFF);
        }

        int u8(int at) {
            return file[at] & 0xFF;
        }

        int u16(int at) {
            return (u8(at) << 8) | u8(at + 1);
        }

        long u32(int at) {
            return ByteBuffer.wrap(file, at, 4).getInt() & 0xFFFF_FFFFL;
        }

        int s32(int at) {
            return ByteBuffer.wrap(file, at, 4).getInt();
        }

        long u64(int at) {
            return ByteBuffer.wrap(file, at, 8).getLong();
        }

        String fourcc(int at) {
            return new String(file, at, 4, StandardCharsets.US_ASCII);
        }

        /** The timescale and duration of an mvhd or mdhd, by version. */
        long[] timescaleAndDuration() {
            int p = payload() + 4;
            return version() == 1
                    ? new long[] {u32(p + 16), u64(p + 20)}
                    : new long[] {u32(p + 8), u32(p + 12)};
        }

        /** tkhd: track_ID, duration (movie timescale), width and height (16.16, integer part). */
        long[] trackHeader() {
            int p = payload() + 4;
            if (version() == 1) {
                return new long[] {u32(p + 16), u64(p + 24), u32(p + 84) >> 16, u32(p + 88) >> 16};
            }
            return new long[] {u32(p + 8), u32(p + 16), u32(p + 72) >> 16, u32(p + 76) >> 16};
        }

        /** A full box's table: its entry count at +4 and {@code width} 32-bit values per entry after. */
        long[][] table(int skip, int width) {
            int p = payload() + 4 + skip;
            int count = (int) u32(p);
            long[][] rows = new long[count][width];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < width; j++) {
                    rows[i][j] = u32(p + 4 + 4 * (i * width + j));
                }
            }
            return rows;
        }
    }

    private BoxReader() {}

    /** The top-level boxes of a file, as a root "box" spanning it. */
    static Box read(byte[] file) {
        return new Box("file", -8, file.length + 8, file, children(file, 0, file.length));
    }

    private static List<Box> children(byte[] file, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new AssertionError("trailing bytes at " + at);
            }
            long size = ByteBuffer.wrap(file, at, 4).getInt() & 0xFFFF_FFFFL;
            String type = new String(file, at + 4, 4, StandardCharsets.US_ASCII);
            if (size < 8 || at + size > to) {
                throw new AssertionError("box " + type + " at " + at + " has size " + size + " past its parent's end " + to);
            }
            List<Box> kids = CONTAINERS.contains(type) ? children(file, at + 8, (int) (at + size)) : List.of();
            boxes.add(new Box(type, at, (int) size, file, kids));
            at += (int) size;
        }
        return boxes;
    }

    /** The single sample entry inside stsd, with its own children after {@code fixedFields} bytes. */
    static Box sampleEntry(Box stsd, int fixedFields) {
        int entry = stsd.payload() + 8; // version, flags, entry_count
        long size = stsd.u32(entry);
        String type = stsd.fourcc(entry + 4);
        int childrenFrom = entry + 8 + fixedFields;
        return new Box(type, entry, (int) size, stsd.file(), children(stsd.file(), childrenFrom, (int) (entry + size)));
    }
}
