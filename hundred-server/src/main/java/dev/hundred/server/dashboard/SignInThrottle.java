package dev.hundred.server.dashboard;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins per client address, in this node's memory: after {@link #FAILURES} within a minute the
 * address is refused (429) until the oldest of them is a minute old. Guessing a secret takes many tries; a
 * person who mistyped a few times never notices. Only failures count, so signing in often is not limited.
 * On the machine's clock (monotonic), not the emulator's: moving the server clock neither lifts nor extends it.
 */
final class SignInThrottle {
    static final int FAILURES = 10;
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    /** 0 when {@code address} may try; else the whole seconds (at least 1) until it may. */
    long retryAfterSeconds(String address) {
        ArrayDeque<Long> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long now = System.nanoTime();
            forgetOld(times, now);
            if (times.size() < FAILURES) {
                return 0;
            }
            long left = times.peekFirst() + WINDOW_NANOS - now;
            return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L));
        }
    }

    void failed(String address) {
        ArrayDeque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            long now = System.nanoTime();
            forgetOld(times, now);
            times.addLast(now);
        }
        if (failures.size() > 10_000) { // addresses that failed long ago: forget them rather than grow
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOld(e.getValue(), System.nanoTime());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private static void forgetOld(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.removeFirst();
        }
    }
}
