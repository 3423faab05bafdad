package dev.hundred.server.streamkeys;

/** The disable answer, as the docs print it: {@code {"code": 200, "message": "key disabled successfully"}}. */
public record KeyDisabled(int code, String message) {
    static final KeyDisabled OK = new KeyDisabled(200, "key disabled successfully");
}
