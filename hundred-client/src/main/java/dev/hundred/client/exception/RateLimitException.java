package dev.hundred.client.exception;

import java.util.List;

/** 429: too many requests (the client retried as far as its retry budget allowed). */
public class RateLimitException extends HmsException {
    public RateLimitException(Integer code, String message, List<String> details, String requestId) {
        super(429, code, message, details, requestId, null);
    }
}
