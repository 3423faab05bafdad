package dev.hundred.server.gateway;

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
}
