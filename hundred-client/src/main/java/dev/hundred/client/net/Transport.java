package dev.hundred.client.net;

import java.io.IOException;

/**
 * The seam between the client and the network: one request in, one response out. The default is
 * {@link JdkTransport} ({@code java.net.http}); wrap it to record or alter calls, or replace it to run
 * the client over another HTTP stack. An {@link IOException} means no response arrived (connection
 * refused, reset, timed out); the client may retry it.
 */
@FunctionalInterface
public interface Transport {
    TransportResponse send(TransportRequest request) throws IOException;
}
