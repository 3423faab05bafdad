package dev.hundred.client.webhook;

/** A webhook that is not provably from the sender: bad or missing signature, stale timestamp, wrong header. */
public class WebhookVerificationException extends RuntimeException {
    public WebhookVerificationException(String message) {
        super(message);
    }
}
