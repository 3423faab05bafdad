package dev.hundred.server.gateway;

import java.time.Duration;

/**
 * What the gateway allows one client, and the close codes it uses when a client goes past it
 * (docs/gateway.md, Limits and misbehaving clients). The figures are fixed: they bound what a broken
 * or hostile client can cost the server and are far above what a working client needs.
 */
final class GatewayLimits {
    private GatewayLimits() {}

    /**
     * A client message, in UTF-8 bytes. The largest valid message fits even when every character is
     * escaped as six (backslash, u, four hex digits: Python's json.dumps writes anything not ASCII so):
     * a join with 64 Ki characters of metadata (384 KiB escaped), a name of 1 Ki and 16 tracks with
     * descriptions of 1 Ki.
     */
    static final int MAX_MESSAGE_BYTES = 512 * 1024;
    /**
     * What Jetty reads of one message before giving up on it itself (then it closes with 1009 and a
     * reason of its own): the REST API's body limit. Between the two, the gateway closes with its reason.
     */
    static final int MAX_READ_BYTES = 1024 * 1024;

    /**
     * Messages queued to a socket that its client has not read yet, beyond what the operating system
     * already buffers (typically a few hundred KiB to a few MiB per connection): past either figure the
     * client is not keeping up and is dropped. 1 MiB holds 16 of the largest notices (a 64 KiB chat
     * message or metadata); 1024 messages hold the burst of a large room changing at once (every peer of a
     * 100-peer room joining is 100 notices). Worst case, a stuck socket holds 1 MiB of the heap.
     */
    static final int OUTBOX_MAX_MESSAGES = 1024;
    static final long OUTBOX_MAX_BYTES = 1024 * 1024;

    /**
     * Sockets open but not joined (a join not sent yet, refused, or not yet over), from one address and
     * in all. A test suite or load script that connects faster than it joins has room (the gateway
     * benchmark keeps 32 joins in flight); a client that opens sockets and never joins cannot hold more.
     */
    static final int WAITING_PER_ADDRESS = 100;
    static final int WAITING_TOTAL = 1000;

    /** A socket must join within this long of opening, however many other messages it sends. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    /**
     * After the server sends its close frame, how long the client has to answer it before the connection
     * is cut: a client that does not read would otherwise hold its socket until the idle timeout.
     */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    /** RFC 6455 close codes and the gateway's own (4000 + an HTTP status), with their reasons. */
    static final int CLOSE_UNSUPPORTED_DATA = 1003;
    static final String BINARY_REASON = "binary messages are not accepted";
    static final int CLOSE_POLICY = 1008;
    static final String TOO_SLOW_REASON = "too slow";
    static final int CLOSE_TOO_BIG = 1009;
    static final String TOO_BIG_REASON = "message too big";
    static final String JOIN_TIMEOUT_REASON = "no join within " + JOIN_TIMEOUT.toSeconds() + " s";
}
