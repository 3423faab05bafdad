package dev.hundred.server.cluster;

import dev.hundred.server.store.Sequences;
import org.jdbi.v3.core.Handle;

/**
 * Tells every node that something it caches changed: the thing's version ({@code sequences}) goes up in
 * the change's transaction, and on PostgreSQL a NOTIFY on {@link NoticeListener#INVALIDATE} makes the
 * others drop their copies at the commit. A node that missed it sees the version move within a second.
 */
public final class Invalidations {
    /** Workspaces, cached by access key and id (workspaces/WorkspaceService). */
    public static final String WORKSPACES = "workspaces";

    private final Sequences sequences;
    private final boolean postgres;

    public Invalidations(Sequences sequences, boolean postgres) {
        this.sequences = sequences;
        this.postgres = postgres;
    }

    public void changed(Handle h, String what) {
        sequences.next(h, what);
        if (postgres) {
            h.createQuery("SELECT pg_notify('" + NoticeListener.INVALIDATE + "', :what)").bind("what", what)
                    .mapTo(String.class).list();
        }
    }
}
