package dev.hundred.client.net;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the client made it.
 *
 * @param method  GET, POST or DELETE
 * @param uri     the full URL, query included
 * @param headers header name to values (Authorization, Content-Type, Accept, Idempotency-Key, ...)
 * @param body    the JSON body, or null for none
 * @param timeout how long to wait for the response
 */
public record TransportRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                               Duration timeout) {

    /** The first value of a header (names compared without case), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
