package dev.hundred.server.webhooks;

import dev.hundred.server.rooms.RoomWebhook;
import dev.hundred.server.store.Invalidations;
import dev.hundred.server.store.StampedCache;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What picks an event's destination, the workspace webhook and the room's own, as the last read found them,
 * so that an event of a change that touched neither needs no statement for them (every event of every join
 * and leave read them: bench/RESULTS.md). Both are dropped through {@link Invalidations}: the workspace
 * webhooks at every change of one ({@link Invalidations#WEBHOOK_SETTINGS}), the rooms' at every change of a
 * room ({@link Invalidations#ROOMS}, RoomService's): here after the commit, on the other nodes at their NOTIFY
 * (docs/cluster.md, Caches).
 *
 * <p>A read is kept only once its transaction has committed, so a value no one committed (a change read back
 * in its own transaction, then rolled back) is never kept; and a change committed since the read (in that
 * transaction or another) has moved the stamp, so the old value is not kept either. Only rooms found are
 * kept: an event naming no room reads again.
 */
final class WebhookTargets {
    private static final int MAX_ENTRIES = 20_000;

    private final WebhookSettingsStore store;
    private final StampedCache<String, Optional<WebhookSettings>> workspaces = new StampedCache<>(MAX_ENTRIES);
    private final StampedCache<String, Optional<RoomWebhook>> rooms = new StampedCache<>(MAX_ENTRIES);

    WebhookTargets(WebhookSettingsStore store, Invalidations invalidations) {
        this.store = store;
        invalidations.register(Invalidations.WEBHOOK_SETTINGS, workspaces::forgetAll);
        invalidations.register(Invalidations.ROOMS, rooms::forgetAll);
    }

    /** Both webhooks for an event of {@code roomId} (null: of no room), in {@code h}'s transaction. */
    WebhookSettingsStore.Targets of(Handle h, String workspaceId, String roomId) {
        String roomKey = workspaceId + "/" + (roomId == null ? "" : roomId);
        long workspaceStamp = workspaces.stamp();
        long roomStamp = rooms.stamp();
        Optional<WebhookSettings> workspace = workspaces.get(workspaceId);
        Optional<RoomWebhook> room = rooms.get(roomKey);
        if (workspace != null && room != null) {
            return new WebhookSettingsStore.Targets(workspace, room, true);
        }
        WebhookSettingsStore.Targets read = store.targets(h, workspaceId, roomId);
        h.afterCommit(() -> {
            workspaces.put(workspaceId, read.workspace(), workspaceStamp);
            if (read.roomFound()) {
                rooms.put(roomKey, read.room(), roomStamp);
            }
        });
        return read;
    }
}
