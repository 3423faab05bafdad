package dev.hundred.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request of the fuzz, exactly as it goes on the wire. {@code raw} non-null: those bytes are sent as they
 * are (framing cases); otherwise the request is built from the parts. {@code compared}: its answer depends only
 * on objects the fuzz cannot change, so H2 and PostgreSQL must give the same status.
 */
record FuzzRequest(int index, String label, String method, String target, List<Map.Entry<String, String>> headers,
                   byte[] body, byte[] raw, boolean halfClose, boolean compared, boolean jsonAnswer) {

    byte[] bytes() {
        if (raw != null) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The same request without the header {@code name}. */
    FuzzRequest without(String name) {
        return new FuzzRequest(index, label, method, target, headers.stream().filter(h -> !h.getKey().equals(name)).toList(),
                body, raw, halfClose, compared, jsonAnswer);
    }

    /** The same request with another method. */
    FuzzRequest as(String otherMethod) {
        return new FuzzRequest(index, label, otherMethod, target, headers, body, raw, halfClose, compared, jsonAnswer);
    }

    boolean head() {
        return method.equals("HEAD");
    }

    /** For a failure message: what was sent, long parts cut. */
    String describe() {
        if (raw != null) {
            return "#" + index + " " + label + " raw: " + cut(new String(raw, StandardCharsets.ISO_8859_1), 600)
                    + (halfClose ? " (then half-closed)" : "");
        }
        StringBuilder s = new StringBuilder("#").append(index).append(" [").append(label).append("] ")
                .append(method).append(' ').append(cut(target, 400));
        headers.forEach(h -> s.append("\n    ").append(h.getKey()).append(": ").append(cut(h.getValue(), 120)));
        if (body != null) {
            s.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 400));
        }
        return s.toString();
    }

    static String cut(String text, int max) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return escaped.length() <= max ? escaped : escaped.substring(0, max) + "...(" + escaped.length() + " chars)";
    }
}
