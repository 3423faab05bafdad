package dev.hundred.server.analytics;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A snapshot of one query's results, taken at its first page. The token a client holds ({@code next}) is
 * {@code <id>:<offset>:<signature>}, signed with this snapshot's own key, so a changed offset or id is
 * refused, and a key per snapshot means no server-wide secret has to be kept.
 */
record Cursor(String id, String workspaceId, String queryKey, int total, String signingKey, Instant createdAt,
              Instant expiresAt) {

    /** A token as a client sent it, split but not yet checked. */
    record Token(String cursorId, int offset, String signature) {

        /** Empty when {@code text} is not shaped like a token at all. */
        static Optional<Token> parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty() || !parts[1].matches("\\d{1,9}")) {
                return Optional.empty();
            }
            return Optional.of(new Token(parts[0], Integer.parseInt(parts[1]), parts[2]));
        }
    }

    String token(int offset) {
        return id + ":" + offset + ":" + sign(offset);
    }

    boolean signed(Token token) {
        return MessageDigest.isEqual(sign(token.offset()).getBytes(StandardCharsets.US_ASCII),
                token.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(int offset) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(signingKey), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + ":" + offset).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
