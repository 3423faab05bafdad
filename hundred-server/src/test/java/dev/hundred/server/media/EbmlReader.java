package dev.hundred.server.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An EBML reader written for the tests from RFC 8794 and the Matroska element table, sharing nothing
 * with the writer: IDs keep their length marker (as the specs print them), sizes lose it, and the
 * master elements WebM uses are read into trees.
 */
final class EbmlReader {
    static final long EBML = 0x1A45DFA3L;
    static final long SEGMENT = 0x18538067L;
    static final long INFO = 0x1549A966L;
    static final long TRACKS = 0x1654AE6BL;
    static final long TRACK_ENTRY = 0xAE;
    static final long CUES = 0x1C53BB6BL;
    static final long CUE_POINT = 0xBB;
    static final long CUE_TRACK_POSITIONS = 0xB7;
    static final long CLUSTER = 0x1F43B675L;
    static final long BLOCK_GROUP = 0xA0;
    private static final Set<Long> MASTERS = Set.of(EBML, SEGMENT, INFO, TRACKS, TRACK_ENTRY, CUES, CUE_POINT,
            CUE_TRACK_POSITIONS, CLUSTER, BLOCK_GROUP, 0xE0L /* Video */, 0xE1L /* Audio */);

    /** An element: its ID, where its header starts, where its data starts and ends, its children. */
    record Element(long id, int offset, int dataStart, int dataEnd, byte[] file, List<Element> children) {
        Element child(long childId) {
            return children.stream().filter(c -> c.id == childId).findFirst()
                    .orElseThrow(() -> new AssertionError("no element " + Long.toHexString(childId)));
        }

        List<Element> all(long childId) {
            return children.stream().filter(c -> c.id == childId).toList();
        }

        byte[] data() {
            return Arrays.copyOfRange(file, dataStart, dataEnd);
        }

        long uint() {
            long v = 0;
            for (int i = dataStart; i < dataEnd; i++) {
                v = (v << 8) | (file[i] & 0xFF);
            }
            return v;
        }

        double float64() {
            return ByteBuffer.wrap(file, dataStart, 8).getDouble();
        }

        String string() {
            return new String(file, dataStart, dataEnd - dataStart, StandardCharsets.UTF_8);
        }
    }

    private EbmlReader() {}

    static List<Element> read(byte[] file) {
        return elements(file, 0, file.length);
    }

    private static List<Element> elements(byte[] file, int from, int to) {
        List<Element> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            int idLength = Integer.numberOfLeadingZeros(file[at] & 0xFF) - 23;
            long id = 0;
            for (int i = 0; i < idLength; i++) {
                id = (id << 8) | (file[at + i] & 0xFF);
            }
            int sizeAt = at + idLength;
            int sizeLength = Integer.numberOfLeadingZeros(file[sizeAt] & 0xFF) - 23;
            long size = (file[sizeAt] & 0xFF) & (0xFF >>> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                size = (size << 8) | (file[sizeAt + i] & 0xFF);
            }
            int dataStart = sizeAt + sizeLength;
            if (idLength < 1 || idLength > 4 || sizeLength < 1 || dataStart + size > to) {
                throw new AssertionError("bad element at " + at + " (id " + Long.toHexString(id) + ", size " + size + ")");
            }
            int dataEnd = (int) (dataStart + size);
            List<Element> kids = MASTERS.contains(id) ? elements(file, dataStart, dataEnd) : List.of();
            out.add(new Element(id, at, dataStart, dataEnd, file, kids));
            at = dataEnd;
        }
        return out;
    }
}
