package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough ISO BMFF (ISO/IEC 14496-12) to check a downloaded recording: the top-level boxes must tile
 * the file exactly, and the movie header's duration, each track's handler and the video track's size are
 * read from their fields.
 */
final class Mp4Reader {
    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "stbl");

    record Box(String type, int offset, int size, List<Box> children) {
        List<Box> all(String t) {
            return children.stream().filter(c -> c.type.equals(t)).toList();
        }

        Box one(String t) {
            List<Box> found = all(t);
            assertThat(found).as("one %s in %s", t, type).hasSize(1);
            return found.get(0);
        }
    }

    /** A track: its handler ({@code vide}, {@code soun}) and, for video, its size in whole pixels. */
    record Track(String handler, int width, int height) {}

    private final byte[] file;
    private final ByteBuffer buf;
    final List<Box> top;

    Mp4Reader(byte[] file) {
        this.file = file;
        this.buf = ByteBuffer.wrap(file);
        this.top = boxes(0, file.length);
    }

    private List<Box> boxes(int from, int to) {
        List<Box> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            assertThat(to - at).as("room for a box header at %d", at).isGreaterThanOrEqualTo(8);
            int size = buf.getInt(at);
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            assertThat(size).as("size of %s at %d", type, at).isBetween(8, to - at);
            out.add(new Box(type, at, size, CONTAINERS.contains(type) ? boxes(at + 8, at + size) : List.of()));
            at += size;
        }
        return out;
    }

    Box moov() {
        return top.stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow(() -> new AssertionError("no moov"));
    }

    /** mvhd: its timescale and duration in that timescale, as milliseconds. */
    long durationMillis() {
        Box mvhd = moov().one("mvhd");
        int p = mvhd.offset() + 8;
        int version = file[p] & 0xFF;
        long timescale = version == 1 ? Integer.toUnsignedLong(buf.getInt(p + 20)) : Integer.toUnsignedLong(buf.getInt(p + 12));
        long duration = version == 1 ? buf.getLong(p + 24) : Integer.toUnsignedLong(buf.getInt(p + 16));
        return duration * 1000 / timescale;
    }

    List<Track> tracks() {
        List<Track> out = new ArrayList<>();
        for (Box trak : moov().all("trak")) {
            Box hdlr = trak.one("mdia").one("hdlr");
            String handler = new String(file, hdlr.offset() + 16, 4, StandardCharsets.ISO_8859_1);
            Box tkhd = trak.one("tkhd");
            int p = tkhd.offset() + 8;
            int version = file[p] & 0xFF;
            int sizeAt = p + (version == 1 ? 88 : 76);
            out.add(new Track(handler, buf.getInt(sizeAt) >>> 16, buf.getInt(sizeAt + 4) >>> 16));
        }
        return out;
    }
}
