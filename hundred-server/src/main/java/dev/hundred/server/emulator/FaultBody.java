package dev.hundred.server.emulator;

import java.util.List;

/**
 * {@code POST /emulator/v1/faults}: which requests ({@code method}, default "*", and the {@code path}
 * glob), what they get ({@code status} with {@code message}, and/or {@code delay_ms} first), how often
 * ({@code times}, absent or null for unlimited; {@code probability} of each matching request, default 1,
 * drawn from a generator seeded with {@code seed} when given).
 */
record FaultBody(String method, String path, Integer status, String message, Integer delayMs, Integer times,
                 Double probability, Long seed) {
    static final List<String> FIELDS = List.of("method", "path", "status", "message", "delay_ms", "times",
            "probability", "seed");
}
