package dev.hundred.server.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip archive of a few files, for the zipped {@code room-vod} asset ({@link Hls#vod}). Entries are
 * stored, not deflated, with a fixed date: the same files give the same bytes on every node and JDK
 * (deflate output may differ between zlib versions). The H.264 picture's raw text samples would shrink,
 * but that is a few hundred KiB at most, once per stream.
 */
public final class Zip {
    /** The earliest date a zip entry can carry (MS-DOS time). */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Zip() {}

    /**
     * An archive of {@code files}, in iteration order.
     *
     * @param files relative paths with '/' separators (no leading '/', no "..") to contents
     */
    public static byte[] of(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                String name = file.getKey();
                if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || ("/" + name + "/").contains("/../")) {
                    throw new IllegalArgumentException("not a relative path: " + name);
                }
                byte[] data = file.getValue();
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(EPOCH);
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
