package dev.hundred.server.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/**
 * Tells every cache, on every node, that what it holds changed: the thing's version ({@code sequences}) goes
 * up in the change's transaction, this node's caches of it are dropped right after the commit, and on
 * PostgreSQL a NOTIFY on {@link #CHANNEL} makes the other nodes drop theirs at the commit. A node that missed the
 * NOTIFY sees the version move within a second (cluster/NoticeListener); one that lost its connection drops
 * everything when it is back. So a copy on another node is at most that old (docs/cluster.md).
 */
public final class Invalidations {
    /** The NOTIFY channel; the payload names what changed, one of {@link #NAMES}. */
    public static final String CHANNEL = "hundred_invalidate";
    /** Workspaces, cached by access key and id (workspaces/WorkspaceService). */
    public static final String WORKSPACES = "workspaces";
    /** Rooms, cached by id for GET room (rooms/RoomService): their own rows and their templates' names. */
    public static final String ROOMS = "rooms";
    /** Workspace webhook settings, cached by workspace id for every event's delivery (webhooks/WebhookTargets). */
    public static final String WEBHOOK_SETTINGS = "webhook_settings";
    /** Every name a cache may register under: the listener reads their versions. */
    public static final List<String> NAMES = List.of(WORKSPACES, ROOMS, WEBHOOK_SETTINGS);

    private final Sequences sequences;
    private final boolean postgres;
    private final Map<String, List<Runnable>> caches = new ConcurrentHashMap<>();

    /** One per {@link Database} ({@link Database#invalidations()}), so every cache of a node hears every change. */
    Invalidations(SqlDialect dialect) {
        this.sequences = new Sequences(dialect);
        this.postgres = dialect == SqlDialect.POSTGRES;
    }

    /** {@code forget} drops every copy a cache holds of {@code what}; called on any thread. */
    public void register(String what, Runnable forget) {
        if (!NAMES.contains(what)) {
            throw new IllegalArgumentException("not a cached thing: " + what);
        }
        caches.computeIfAbsent(what, k -> new CopyOnWriteArrayList<>()).add(forget);
    }

    /** In the transaction that changes {@code what}: every node's copies of it are dropped once it commits. */
    public void changed(Handle h, String what) {
        sequences.next(h, what);
        if (postgres) {
            h.createQuery("SELECT pg_notify('" + CHANNEL + "', :what)").bind("what", what)
                    .mapTo(String.class).list();
        }
        h.afterCommit(() -> forget(what));
    }

    /** Drops this node's copies of {@code what} (an unknown name: of everything, to be safe). */
    public void forget(String what) {
        if (!NAMES.contains(what)) {
            forgetAll();
            return;
        }
        caches.getOrDefault(what, List.of()).forEach(Runnable::run);
    }

    /** Drops every copy this node holds: after it was deaf to the others for a while. */
    public void forgetAll() {
        NAMES.forEach(this::forget);
    }
}
