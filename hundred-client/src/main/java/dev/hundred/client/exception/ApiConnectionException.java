package dev.hundred.client.exception;

import java.io.IOException;
import java.util.List;

/** No response arrived (connection refused or reset, timeout), after the retries the request allowed. */
public class ApiConnectionException extends HmsException {
    public ApiConnectionException(String message, IOException cause) {
        super(0, null, message, List.of(), null, cause);
    }
}
