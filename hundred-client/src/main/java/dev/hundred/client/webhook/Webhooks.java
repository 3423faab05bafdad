package dev.hundred.client.webhook;

import dev.hundred.client.net.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Reading webhooks: {@link #parse} a body, {@link #checkHeader} a shared secret header (the 100ms way). */
public final class Webhooks {
    private Webhooks() {}

    /** The event in a webhook body (no verification: see {@link WebhookVerifier} and {@link #checkHeader}). */
    public static WebhookEvent parse(String body) {
        try {
            return Json.mapper().readValue(body, WebhookEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a webhook body", e);
        }
    }

    /**
     * 100ms signs nothing: a receiver proves the sender by a custom header configured with the webhook
     * (e.g. {@code X-Webhook-Key: <secret>}, or {@code Authorization: Basic ...}). This compares the value
     * the request carried with the expected one in constant time.
     *
     * @param received the header's value on the request (null when absent)
     * @throws WebhookVerificationException when absent or different
     */
    public static void checkHeader(String headerName, String received, String expected) {
        if (received == null || !MessageDigest.isEqual(received.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new WebhookVerificationException("header " + headerName + (received == null ? " missing" : " does not match"));
        }
    }
}
