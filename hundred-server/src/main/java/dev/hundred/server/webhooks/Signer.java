package dev.hundred.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing, Hundred's extension (decisions.md): {@code webhook-signature} is
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. A secret written the Standard Webhooks way,
 * {@code whsec_<base64>}, keys the HMAC with the decoded bytes (so the reference verifiers accept it);
 * any other secret is used as its UTF-8 bytes.
 */
final class Signer {
    private static final String PREFIX = "whsec_";

    private Signer() {}

    static String signature(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // not a Standard Webhooks secret after all: fall through to the raw bytes
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
