package dev.hundred.server.guard;

import java.util.List;

/** The {@code Idempotency-Key} header: one value of 1 to 255 printable ASCII characters (space to tilde). */
final class IdempotencyKey {
    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {}

    /** The key from the header's values (as many as the request carried), or a 400. */
    static String parse(List<String> values) {
        if (values.size() != 1) {
            throw GuardErrors.badKey(HEADER + " must be given once");
        }
        String key = values.get(0);
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw GuardErrors.badKey(HEADER + " must be 1 to " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw GuardErrors.badKey(HEADER + " must be printable ASCII");
            }
        }
        return key;
    }
}
