package dev.hundred.client.exception;

import java.util.List;

/** 403: the token may not do this, or the resource's state forbids it (e.g. room disabled). */
public class PermissionException extends HmsException {
    public PermissionException(Integer code, String message, List<String> details, String requestId) {
        super(403, code, message, details, requestId, null);
    }
}
