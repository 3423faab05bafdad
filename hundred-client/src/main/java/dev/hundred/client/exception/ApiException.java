package dev.hundred.client.exception;

import java.util.List;

/** 5xx: the server failed. */
public class ApiException extends HmsException {
    public ApiException(int status, Integer code, String message, List<String> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
