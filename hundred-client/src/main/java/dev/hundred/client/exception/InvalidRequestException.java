package dev.hundred.client.exception;

import java.util.List;

/** 400 Bad Request, and any other 4xx without a class of its own (409, 422 ...). */
public class InvalidRequestException extends HmsException {
    public InvalidRequestException(int status, Integer code, String message, List<String> details, String requestId) {
        super(status, code, message, details, requestId, null);
    }
}
