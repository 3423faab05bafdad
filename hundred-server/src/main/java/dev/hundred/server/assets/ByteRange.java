package dev.hundred.server.assets;

import io.javalin.http.Context;
import java.util.Arrays;

/**
 * Serves bytes the way a storage bucket does: {@code Accept-Ranges: bytes}, one {@code Range} answered with
 * 206 and {@code Content-Range}, an unsatisfiable one with 416, several ranges with the whole file (as
 * HTTP allows), {@code Content-Length} and {@code Content-Type} always.
 */
final class ByteRange {
    private ByteRange() {}

    static void serve(Context ctx, String contentType, String fileName, byte[] bytes, boolean withBody) {
        long size = bytes.length;
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Disposition", "inline; filename=\"" + fileName.replace("\"", "") + "\"");
        // A binary file has no charset: drop the UTF-8 the servlet response starts with, or Jetty appends it.
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(contentType);
        long[] range;
        try {
            range = parse(ctx.header("Range"), size);
        } catch (dev.hundred.server.http.ApiError unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + size);
            throw unsatisfiable;
        }
        byte[] body = bytes;
        if (range != null) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
            body = Arrays.copyOfRange(bytes, (int) range[0], (int) range[1] + 1);
        }
        ctx.header("Content-Length", Long.toString(body.length));
        if (withBody) {
            ctx.result(body);
        }
    }

    /** {@code [first, last]} of a single satisfiable range; null for none (or several); 416 when unsatisfiable. */
    static long[] parse(String header, long size) {
        if (header == null || !header.trim().startsWith("bytes=")) {
            return null;
        }
        String spec = header.trim().substring("bytes=".length()).trim();
        if (spec.contains(",")) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        try {
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    throw AssetErrors.rangeNotSatisfiable(size);
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first >= size || last < first) {
                throw AssetErrors.rangeNotSatisfiable(size);
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null; // not a range we understand: the whole file, as HTTP allows
        }
    }
}
