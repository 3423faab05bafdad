package dev.hundred.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain {@link Socket}: the fuzz must send what no well-behaved client would (invalid escapes,
 * broken framing, two Host headers), so it writes the request bytes itself and reads the answer to EOF.
 */
final class RawHttp {
    private RawHttp() {}

    /** An answer as read off the wire; {@code status} -1 when none came. */
    record Answer(int status, Map<String, String> headers, byte[] body, String problem) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Answer exchange(int port, byte[] request, boolean halfClose, boolean head) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            String writeProblem = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer (413, 400) and close before a huge or broken body is all written.
                writeProblem = "write failed: " + e;
            }
            byte[] all = readAll(socket.getInputStream());
            Answer answer = parse(all, head);
            if (answer.status() < 0 && writeProblem != null) {
                return new Answer(-1, Map.of(), all, writeProblem + "; " + answer.problem());
            }
            return answer;
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], e.toString());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer was sent (the server closed with our body unread): keep what came.
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    static Answer parse(byte[] all, boolean head) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0 || text.length() < 12) {
            return new Answer(-1, Map.of(), all, "no HTTP answer");
        }
        int status;
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return new Answer(-1, Map.of(), all, "bad status line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = text.substring(0, end).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int bodyAt = end + 4;
        byte[] rest = java.util.Arrays.copyOfRange(all, bodyAt, all.length);
        if (status == 100 && rest.length > 0) {
            return parse(rest, head); // 100 Continue, then the answer itself
        }
        if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new Answer(status, headers, new byte[0], null);
        }
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            byte[] body = dechunk(rest);
            return body == null ? new Answer(status, headers, rest, "broken chunked answer") : new Answer(status, headers, body, null);
        }
        String length = headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length);
            if (rest.length < n) {
                return new Answer(status, headers, rest, "answer shorter than its Content-Length");
            }
            return new Answer(status, headers, java.util.Arrays.copyOf(rest, n), null);
        }
        return new Answer(status, headers, rest, null);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(in, at);
            if (lineEnd < 0) {
                return null;
            }
            String sizeLine = new String(in, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            if (at + size > in.length) {
                return null;
            }
            out.write(in, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] in, int from) {
        for (int i = from; i + 1 < in.length; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
