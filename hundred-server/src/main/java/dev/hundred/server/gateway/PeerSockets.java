package dev.hundred.server.gateway;

import dev.hundred.server.activerooms.PeerNotice;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of the peers connected to this node, by peer id. The live state is in the database; this
 * is only where to send what a peer is told. Notices are delivered after their transaction commits, still
 * under the room's lock (so that they reach each peer in the order of the changes): sending only queues
 * to the socket's bounded {@link Outbox}, so a client that does not read never holds the lock up.
 */
public final class PeerSockets {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSockets.class);

    private final Map<String, PeerSocket> byPeer = new ConcurrentHashMap<>();

    /** Told what to deliver by cluster/Notices: after the commit on this node, or through PostgreSQL from any. */
    public PeerSockets() {}

    void attach(String peerId, PeerSocket socket) {
        byPeer.put(peerId, socket);
    }

    /** True when this socket was still the peer's (so the caller is the one to end the peer). */
    boolean detach(String peerId, PeerSocket socket) {
        return byPeer.remove(peerId, socket);
    }

    boolean attached(String peerId, PeerSocket socket) {
        return byPeer.get(peerId) == socket;
    }

    public int connected() {
        return byPeer.size();
    }

    /** Sends {@code text} to those of {@code to} whose socket this node holds; a close code closes them after. */
    public void deliver(List<String> to, String text, int closeCode, String closeReason) {
        boolean closes = closeCode != 0;
        for (String peerId : to) {
            PeerSocket socket = closes ? byPeer.remove(peerId) : byPeer.get(peerId);
            if (socket == null) {
                continue; // held by another node, an emulator peer, or gone already
            }
            try {
                socket.outbox.send(text);
                if (closes) {
                    socket.close(closeCode, closeReason);
                }
            } catch (RuntimeException e) {
                LOG.debug("could not tell peer {}", peerId, e); // its socket is closing; its close ends it
            }
        }
    }

    /**
     * Closes the sockets of these peers that are on this node, after telling them why (the emulator's reset,
     * once its transaction committed: their peers are gone already, so nothing else ends them).
     */
    public void closeGone(List<String> peerIds, int code, String reason) {
        for (String peerId : peerIds) {
            PeerSocket socket = byPeer.remove(peerId);
            if (socket == null) {
                continue; // on another node (it closes when its peer is found gone), or an emulator peer
            }
            try {
                socket.outbox.send(Json.write(Map.of("type", "left", "reason", reason)));
                socket.close(code, reason);
            } catch (RuntimeException e) {
                LOG.debug("could not close peer {}", peerId, e);
            }
        }
    }
}
