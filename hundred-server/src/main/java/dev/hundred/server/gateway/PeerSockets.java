package dev.hundred.server.gateway;

import dev.hundred.server.activerooms.PeerNotice;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of the peers connected to this node, by peer id. The live state is in the database; this
 * is only where to send what a peer is told. Notices are delivered after their transaction commits.
 */
public final class PeerSockets {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSockets.class);
    /** A WebSocket close reason is at most 123 bytes of UTF-8 (RFC 6455 §5.5). */
    private static final int MAX_REASON_BYTES = 123;

    private final Map<String, WsContext> byPeer = new ConcurrentHashMap<>();

    public PeerSockets(DomainEvents events) {
        events.subscribe(PeerNotice.class, (h, notice) -> h.afterCommit(() -> deliver(notice)));
    }

    void attach(String peerId, WsContext socket) {
        byPeer.put(peerId, socket);
    }

    /** True when this socket was still the peer's (so the caller is the one to end the peer). */
    boolean detach(String peerId, WsContext socket) {
        return byPeer.remove(peerId, socket);
    }

    boolean attached(String peerId, WsContext socket) {
        return socket.equals(byPeer.get(peerId));
    }

    public int connected() {
        return byPeer.size();
    }

    private void deliver(PeerNotice notice) {
        String text = Json.write(notice.message());
        for (String peerId : notice.to()) {
            WsContext socket = notice.closes() ? byPeer.remove(peerId) : byPeer.get(peerId);
            if (socket == null) {
                continue; // held by another node, an emulator peer, or gone already
            }
            try {
                socket.send(text);
                if (notice.closes()) {
                    close(socket, notice.closeCode(), notice.closeReason());
                }
            } catch (RuntimeException e) {
                LOG.debug("could not tell peer {}", peerId, e); // its socket is closing; its close ends it
            }
        }
    }

    static void close(WsContext socket, int code, String reason) {
        socket.disableAutomaticPings();
        socket.closeSession(code, truncate(reason == null ? "" : reason));
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
