package dev.hundred.server.gateway;

import dev.hundred.server.activerooms.PeerNotice;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
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

    public PeerSockets(DomainEvents events) {
        events.subscribe(PeerNotice.class, (h, notice) -> h.afterCommit(() -> deliver(notice)));
    }

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

    private void deliver(PeerNotice notice) {
        String text = Json.write(notice.message());
        for (String peerId : notice.to()) {
            PeerSocket socket = notice.closes() ? byPeer.remove(peerId) : byPeer.get(peerId);
            if (socket == null) {
                continue; // held by another node, an emulator peer, or gone already
            }
            try {
                socket.outbox.send(text);
                if (notice.closes()) {
                    socket.close(notice.closeCode(), notice.closeReason());
                }
            } catch (RuntimeException e) {
                LOG.debug("could not tell peer {}", peerId, e); // its socket is closing; its close ends it
            }
        }
    }
}
