package dev.hundred.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the Standard Webhooks signature Hundred adds when the workspace has a signing secret
 * (docs/webhooks.md; the 100ms cloud does not sign): headers {@code webhook-id}, {@code webhook-timestamp}
 * (Unix seconds) and {@code webhook-signature}, a space-separated list of {@code v1,<base64 HMAC-SHA256
 * of "id.timestamp.body">}. A secret written {@code whsec_<base64>} keys the HMAC with the decoded bytes;
 * any other secret with its UTF-8 bytes. Timestamps further than {@code tolerance} from now are refused
 * (replay protection).
 */
public final class WebhookVerifier {
    private static final String PREFIX = "whsec_";
    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookVerifier(String secret) {
        this(secret, Duration.ofMinutes(5), Clock.systemUTC());
    }

    public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = key(secret);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Checks the signature of a delivery and answers its event.
     *
     * @param header the request's headers by name (any case, e.g. {@code exchange.getRequestHeaders()::getFirst})
     * @param body   the body exactly as received
     * @throws WebhookVerificationException when a header is missing, the timestamp is stale or no signature matches
     */
    public WebhookEvent verify(Function<String, String> header, String body) {
        String id = required(header, "webhook-id");
        String timestamp = required(header, "webhook-timestamp");
        String signatures = required(header, "webhook-signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is " + (now - seconds) + " s away from now");
        }
        byte[] expected = hmac(id + "." + seconds + "." + body);
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return Webhooks.parse(body);
            }
        }
        throw new WebhookVerificationException("no webhook-signature matches");
    }

    private static String required(Function<String, String> header, String name) {
        String v = header.apply(name);
        if (v == null || v.isBlank()) {
            throw new WebhookVerificationException(name + " header missing");
        }
        return v;
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // not a Standard Webhooks secret after all: the raw bytes, as the server does
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
