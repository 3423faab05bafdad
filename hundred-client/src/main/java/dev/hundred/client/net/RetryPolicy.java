package dev.hundred.client.net;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed request is tried again, and after how long. A request is retried when it is safe to:
 * GET and DELETE always, POST only when it carries an Idempotency-Key (the server then answers a repeat
 * with the first answer instead of doing the work twice), and any request that never reached the server
 * (connection refused). Retried failures: no response, 429, 500, 502, 503, 504. Waits double from
 * {@code initial} up to {@code max}, each a random point in its upper half (jitter), or the server's
 * {@code Retry-After} when that is no longer than {@code max}.
 *
 * @param maxRetries how many times a request may be tried again (0: never)
 * @param initial    the first wait
 * @param max        the longest wait
 */
public record RetryPolicy(int maxRetries, Duration initial, Duration max) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** {@code repeatable}: a POST with an Idempotency-Key, or one that changes nothing (the room-code exchange). */
    boolean safe(String method, boolean repeatable) {
        return !method.equals("POST") || repeatable;
    }

    boolean retriesFailure(IOException e, String method, boolean repeatable) {
        return e instanceof ConnectException || safe(method, repeatable);
    }

    static boolean retriedStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The wait before retry number {@code retry} (1-based), or null when a Retry-After says wait longer than max. */
    Duration delay(int retry, String retryAfter) {
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(max) <= 0 ? asked : null;
            } catch (NumberFormatException httpDate) {
                // an HTTP date: fall back to our own schedule
            }
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(retry - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
