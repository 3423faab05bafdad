package dev.hundred.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens, signed and checked with the JDK's HMAC. Written here rather than taken from a
 * JWT library because users bring their cloud app secrets, some shorter than the 32 bytes libraries
 * insist on, and such a secret must still work (decisions.md, Tokens). Only HS256 is accepted.
 */
public final class Jwt {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private Jwt() {}

    public static String sign(ObjectNode claims, String secret) {
        String signingInput = HEADER + "." + ENCODER.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + ENCODER.encodeToString(hmac(secret, signingInput));
    }

    /** A token split and parsed, not yet verified. */
    public record Parsed(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {

        public boolean signedWith(String secret) {
            return MessageDigest.isEqual(hmac(secret, signingInput), signature);
        }

        public Optional<String> text(String claim) {
            JsonNode node = claims.get(claim);
            return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
        }

        public Optional<Long> seconds(String claim) {
            JsonNode node = claims.get(claim);
            return node != null && node.isNumber() ? Optional.of(node.asLong()) : Optional.empty();
        }
    }

    /** Parses the three parts; empty when the token is not a well-formed HS256 JWT. */
    public static Optional<Parsed> parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.MAPPER.readTree(DECODER.decode(parts[0]));
            JsonNode claims = Json.MAPPER.readTree(DECODER.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            if (!"HS256".equals(header.path("alg").asText())) { // refuses "none" and every other alg
                return Optional.empty();
            }
            return Optional.of(new Parsed(header, claims, parts[0] + "." + parts[1], DECODER.decode(parts[2])));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            // An empty key is not a valid HMAC key for the JDK; no workspace has one, so no token matches.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
