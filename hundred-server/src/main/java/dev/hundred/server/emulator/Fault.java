package dev.hundred.server.emulator;

import java.time.Instant;

/**
 * A fault rule as the emulator shows it: its fields as given (defaults filled: method "*", delay_ms 0,
 * probability 1), {@code remaining} injections (null: unlimited; 0: spent, listed until deleted) and how
 * many requests it has {@code injected}.
 */
public record Fault(String id, String method, String path, Integer status, String message, int delayMs, Integer times,
                    Integer remaining, double probability, Long seed, long injected, Instant createdAt) {

    Injection injection() {
        return Injection.of(id, status, message, delayMs);
    }
}
