package dev.hundred.server.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How deliveries are made. {@code retries}: the wait before each retry, counted from the end of the
 * attempt before it (100ms: 1 s, 3 s, 10 s, spec §17.1). {@code timeout}: the limit on one attempt.
 * {@code maxInFlight}: requests open at once on this node; {@code perReceiver}: of those, at most this
 * many to one host:port, so one slow receiver cannot hold every slot. {@code horizon}: after the
 * {@code retries}, Hundred goes on retrying, each wait twice the one before (at most {@link #MAX_BACKOFF}),
 * until this long after the delivery was queued (decisions.md, Webhooks past the cloud's retries);
 * {@link Duration#ZERO} keeps the cloud's schedule exactly. {@code allowPrivate}: whether URLs on private
 * addresses may be webhook targets (--webhook-allow-private).
 */
public record WebhookOptions(List<Duration> retries, Duration timeout, int maxInFlight, int perReceiver,
                             Duration horizon, boolean allowPrivate) {
    /** The longest wait between two retries past the cloud's. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);

    public WebhookOptions {
        retries = List.copyOf(retries);
    }

    public static WebhookOptions defaults() {
        return new WebhookOptions(List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10)),
                Duration.ofSeconds(5), 256, 64, Duration.ofHours(24), true);
    }

    public WebhookOptions withRetries(List<Duration> newRetries) {
        return new WebhookOptions(newRetries, timeout, maxInFlight, perReceiver, horizon, allowPrivate);
    }

    public WebhookOptions withTimeout(Duration newTimeout) {
        return new WebhookOptions(retries, newTimeout, maxInFlight, perReceiver, horizon, allowPrivate);
    }

    public WebhookOptions withHorizon(Duration newHorizon) {
        return new WebhookOptions(retries, timeout, maxInFlight, perReceiver, newHorizon, allowPrivate);
    }

    /** false: webhook URLs on loopback, private or link-local addresses are refused (a control plane open to users). */
    public WebhookOptions withAllowPrivate(boolean newAllowPrivate) {
        return new WebhookOptions(retries, timeout, maxInFlight, perReceiver, horizon, newAllowPrivate);
    }

    public dev.hundred.server.http.PrivateTargets targets() {
        return new dev.hundred.server.http.PrivateTargets(allowPrivate);
    }

    /**
     * When to try again after {@code attemptsMade} failed attempts, ended at {@code now}, of a delivery
     * queued at {@code queuedAt}; empty when it has had its last chance.
     */
    public java.util.Optional<java.time.Instant> nextAttempt(int attemptsMade, java.time.Instant queuedAt,
                                                             java.time.Instant now) {
        if (attemptsMade <= retries.size()) {
            return java.util.Optional.of(now.plus(retries.get(attemptsMade - 1)));
        }
        if (horizon.isZero()) {
            return java.util.Optional.empty();
        }
        Duration last = retries.isEmpty() ? Duration.ofSeconds(1) : retries.get(retries.size() - 1);
        int past = Math.min(30, attemptsMade - retries.size());
        Duration wait = last.multipliedBy(1L << past);
        wait = wait.compareTo(MAX_BACKOFF) > 0 || wait.isNegative() ? MAX_BACKOFF : wait;
        java.time.Instant next = now.plus(wait);
        java.time.Instant end = queuedAt.plus(horizon);
        if (!now.isBefore(end)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(next.isAfter(end) ? end : next);
    }

    /** {@code 24h}, {@code 90m}, ... or {@code none} (zero: the cloud's schedule and no more). */
    public static Duration parseHorizon(String text) {
        String t = text.trim().toLowerCase();
        if (t.isEmpty() || t.equals("none")) {
            return Duration.ZERO;
        }
        if (t.endsWith("h") && t.substring(0, t.length() - 1).matches("\\d+")) {
            return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("d") && t.substring(0, t.length() - 1).matches("\\d+")) {
            return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return parseDuration(t);
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
