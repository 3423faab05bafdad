package dev.hundred.client.exception;

import java.util.List;

/** 401: no valid management token (the client has already minted a new one and tried once more). */
public class AuthenticationException extends HmsException {
    public AuthenticationException(Integer code, String message, List<String> details, String requestId) {
        super(401, code, message, details, requestId, null);
    }
}
