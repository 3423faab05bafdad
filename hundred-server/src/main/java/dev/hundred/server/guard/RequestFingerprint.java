package dev.hundred.server.guard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: the path with its query, and the body. A JSON
 * body counts by its value, not its bytes (member order, white space and escapes do not matter), because
 * clients that retry often serialize the payload again; a body that is not JSON counts byte for byte.
 */
record RequestFingerprint(String pathHash, String bodyHash) {
    /** Maps parsed this way print their members sorted, at every depth: the canonical form. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static RequestFingerprint of(String path, String query, byte[] body) {
        String trimmed = path.length() > 1 ? path.replaceAll("/+$", "") : path; // /v2/rooms/ is /v2/rooms to the router
        String target = query == null || query.isEmpty() ? trimmed : trimmed + "?" + query;
        return new RequestFingerprint(sha256(target.getBytes(StandardCharsets.UTF_8)), sha256(canonical(body)));
    }

    static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return "empty".getBytes(StandardCharsets.US_ASCII);
        }
        try {
            Object value = CANONICAL.readValue(body, Object.class);
            return ("json:" + CANONICAL.writeValueAsString(value)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) { // not JSON (or deeper than Jackson reads): the bytes themselves
            return raw(body);
        }
    }

    private static byte[] raw(byte[] body) {
        byte[] marked = new byte[body.length + 4];
        System.arraycopy("raw:".getBytes(StandardCharsets.US_ASCII), 0, marked, 0, 4);
        System.arraycopy(body, 0, marked, 4, body.length);
        return marked;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
