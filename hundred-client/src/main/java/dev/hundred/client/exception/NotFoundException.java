package dev.hundred.client.exception;

import java.util.List;

/** 404: no such resource in this workspace. */
public class NotFoundException extends HmsException {
    public NotFoundException(Integer code, String message, List<String> details, String requestId) {
        super(404, code, message, details, requestId, null);
    }
}
