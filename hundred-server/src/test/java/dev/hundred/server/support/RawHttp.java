package dev.hundred.server.support;

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
 * HTTP/1.1 over a plain {@link Socket}, for requests no well-behaved client would send (invalid escapes, broken
 * framing, two Host headers, header values an HTTP client refuses, absolute-form targets): the request bytes
 * are written as given and the answer read to EOF. {@link #checked} and {@link #refused} hand the exchange to
 * the {@link OpenApiContract}; {@link #exchange} does not (the fuzz collects what the contract says itself).
 */
public final class RawHttp {
    private RawHttp() {}

    /** An answer as read off the wire; {@code status} -1 when none came. Header names lower-cased, first value. */
    public record Answer(int status, Map<String, String> headers, byte[] body, String problem) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** As the shared assertions take it. */
        public Client.Response response() {
            return new Client.Response(status, text(), header("Content-Type"));
        }
    }

    /**
     * Sends {@code request} (then half-closes, as a client that has said all it will), and checks the exchange
     * against the contract: its method, target and body are read back from the request bytes. For requests that
     * reach routing, however odd their headers.
     */
    public static Answer checked(int port, byte[] request) {
        Sent sent = Sent.of(request);
        Answer answer = answered(port, request, sent);
        OpenApiContract.get().check(sent.method(), sent.target(), sent.body(), answer.status(), answer.header("Content-Type"),
                answer.body(), name -> answer.headers().get(name.toLowerCase(Locale.ROOT)));
        return answer;
    }

    public static Answer checked(int port, String request) {
        return checked(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends a request the server refuses before routing (broken framing, Jetty's limits), then half-closes; only
     * what {@link OpenApiContract#refused} can check of it is (the error shape of a /v2 answer).
     */
    public static Answer refused(int port, byte[] request) {
        Sent sent = Sent.of(request);
        Answer answer = answered(port, request, sent);
        OpenApiContract.get().refused(sent.method(), sent.target(), answer.status(), answer.header("Content-Type"), answer.body());
        return answer;
    }

    public static Answer refused(int port, String request) {
        return refused(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The exchange, half-closed after the request; a test fails when no answer came. */
    private static Answer answered(int port, byte[] request, Sent sent) {
        Answer answer = exchange(port, request, true, sent.method().equals("HEAD"));
        if (answer.status() < 0) {
            throw new AssertionError("no HTTP answer (" + answer.problem() + ") to " + sent.method() + " " + sent.target());
        }
        return answer;
    }

    /**
     * What a request's bytes say it is: the method and target of its request line (empty when it has none), and
     * its body: the bytes after the head, de-chunked when it says chunked (null when there are none, or the
     * chunks are broken: a refused request is not checked as a request anyway).
     */
    public record Sent(String method, String target, byte[] body) {
        public static Sent of(byte[] request) {
            String text = new String(request, StandardCharsets.ISO_8859_1);
            int lineEnd = text.indexOf("\r\n");
            String[] line = (lineEnd < 0 ? text : text.substring(0, lineEnd)).split(" ", -1);
            String method = line.length > 1 ? line[0] : "";
            String target = line.length > 1 ? line[1] : "";
            int end = text.indexOf("\r\n\r\n");
            if (end < 0 || end + 4 >= request.length) {
                return new Sent(method, target, null);
            }
            byte[] body = java.util.Arrays.copyOfRange(request, end + 4, request.length);
            if (text.substring(0, end).toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Sent(method, target, body);
        }
    }

    /** Reads an interim or final head up to its blank line, byte by byte (what follows stays unread). */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed in the head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads the rest of a connection's bytes (a reset after the answer was sent keeps what came). */
    public static byte[] readRest(InputStream in) throws IOException {
        return readAll(in);
    }

    /** One exchange on a new connection, not checked by the contract. */
    public static Answer exchange(int port, byte[] request, boolean halfClose, boolean head) {
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

    /** An answer from the bytes read (after a 100 Continue, the answer itself); HEAD answers have no body. */
    public static Answer parse(byte[] all, boolean head) {
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
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
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
