package dev.hundred.server.activerooms;

import dev.hundred.server.events.DomainEvent;
import java.util.List;
import java.util.Map;

/**
 * What connected peers are told about a change: one gateway protocol message ({@code message}, with its
 * {@code type} first) for the peers {@code to}. With a {@code closeCode}, their sockets are closed after
 * it (removed, room ended). Published in the transaction of the change; the gateway delivers it after
 * the commit, so nobody hears of a change that did not happen.
 */
public record PeerNotice(String roomId, List<String> to, Map<String, Object> message, int closeCode,
                         String closeReason) implements DomainEvent {

    /** Close code for a peer that left any other way (emulator, server restart; docs/gateway.md). */
    public static final int CLOSE_LEFT = 4000;
    /** Close code for a peer removed through the API. */
    public static final int CLOSE_REMOVED = 4001;
    /** Close code for the peers of a room that was ended. */
    public static final int CLOSE_ROOM_ENDED = 4002;

    /**
     * Notices of one change published together, in this order: the same as publishing each in turn, in
     * fewer statements (cluster/Notices numbers them with one).
     */
    public record Batch(List<PeerNotice> notices) implements DomainEvent {}

    public boolean closes() {
        return closeCode != 0;
    }
}
