package dev.hundred.client.net;

import java.util.List;
import java.util.Map;

/**
 * One HTTP response.
 *
 * @param status  the HTTP status
 * @param headers header name to values
 * @param body    the body bytes (empty, never null)
 */
public record TransportResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (names compared without case), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
