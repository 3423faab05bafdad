package dev.hundred.server.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How deliveries are made. {@code retries}: the wait before each retry, counted from the end of the
 * attempt before it (100ms: 1 s, 3 s, 10 s, spec §17.1). {@code timeout}: the limit on one attempt.
 * {@code maxInFlight}: requests open at once on this node; {@code perReceiver}: of those, at most this
 * many to one host:port, so one slow receiver cannot hold every slot.
 */
public record WebhookOptions(List<Duration> retries, Duration timeout, int maxInFlight, int perReceiver) {

    public WebhookOptions {
        retries = List.copyOf(retries);
    }

    public static WebhookOptions defaults() {
        return new WebhookOptions(List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10)),
                Duration.ofSeconds(5), 256, 64);
    }

    public WebhookOptions withRetries(List<Duration> newRetries) {
        return new WebhookOptions(newRetries, timeout, maxInFlight, perReceiver);
    }

    public WebhookOptions withTimeout(Duration newTimeout) {
        return new WebhookOptions(retries, newTimeout, maxInFlight, perReceiver);
    }

    public int maxAttempts() {
        return 1 + retries.size();
    }

    /** Parses {@code 1s,3s,10s} (also {@code 500ms}, {@code 2m}); an empty string or {@code none} means no retries. */
    public static List<Duration> parseRetries(String text) {
        List<Duration> out = new ArrayList<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : trimmed.split(",")) {
            out.add(parseDuration(part));
        }
        return out;
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}; a bare number is seconds. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        String digits = t.replaceAll("[a-z]+$", "");
        String unit = t.substring(digits.length());
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("not a duration: " + text + " (use 250ms, 5s or 2m)");
        }
        long n = Long.parseLong(digits);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (use 250ms, 5s or 2m)");
        };
    }
}
