package dev.hundred.server.activerooms;

import dev.hundred.server.workspaces.Workspace;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The live plane as other features use it: a change in one room, run in one transaction with the room's
 * row locked and this node's lock for the room held until connected peers are told (see {@link RoomTx}).
 */
public final class LiveAccess {
    private final LivePlane live;

    public LiveAccess(LivePlane live) {
        this.live = live;
    }

    /** Runs {@code work} as one change in the room; 404 Room not found when it is not this workspace's. */
    public <R> R inRoom(Workspace ws, String roomId, Function<RoomTx, R> work) {
        return live.inRoom(ws, roomId, r -> work.apply(new RoomTx(r, live)));
    }

    /**
     * {@code listener} runs in the transaction of every join of a gateway peer, after the peer's {@code joined}
     * (so what it tells the peer comes after that, in the same commit).
     */
    public void onSocketJoin(BiConsumer<RoomTx, LivePeer> listener) {
        live.onSocketJoin(listener);
    }

    /** A read of the room's live state, without locks. */
    public <R> R read(Workspace ws, String roomId, Function<RoomTx, R> work) {
        return live.read(ws, roomId, r -> work.apply(new RoomTx(r, live)));
    }
}
