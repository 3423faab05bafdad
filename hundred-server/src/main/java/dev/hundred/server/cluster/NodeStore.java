package dev.hundred.server.cluster;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for the nodes table. */
final class NodeStore {
    void insert(Handle h, String id, String name, Instant startedAt, Instant leaseUntil) {
        h.createUpdate("INSERT INTO nodes (id, name, started_at, lease_until) VALUES (:id, :name, :at, :lease)")
                .bind("id", id).bind("name", name).bind("at", startedAt).bind("lease", leaseUntil).execute();
    }

    /** False when the row is gone (the others took this node for dead). */
    boolean renew(Handle h, String id, Instant leaseUntil) {
        return h.createUpdate("UPDATE nodes SET lease_until = :lease WHERE id = :id")
                .bind("id", id).bind("lease", leaseUntil).execute() == 1;
    }

    /** Earlier runs of the node called {@code name}: every row of that name but {@code id}. */
    List<String> others(Handle h, String name, String id) {
        return h.createQuery("SELECT id FROM nodes WHERE name = :name AND id <> :id")
                .bind("name", name).bind("id", id).mapTo(String.class).list();
    }

    /** Nodes whose lease had lapsed at {@code wall}. */
    List<String> lapsed(Handle h, Instant wall) {
        return h.createQuery("SELECT id FROM nodes WHERE lease_until < :wall").bind("wall", wall)
                .mapTo(String.class).list();
    }

    void delete(Handle h, List<String> ids) {
        if (!ids.isEmpty()) {
            h.createUpdate("DELETE FROM nodes WHERE id IN (<ids>)").bindList("ids", ids).execute();
        }
    }

    /** Nodes lapsed at {@code before} that hold no connected peer any more (the sweep ended them). */
    void deleteLapsed(Handle h, Instant before) {
        h.createUpdate("DELETE FROM nodes WHERE lease_until < :before AND NOT EXISTS"
                + " (SELECT 1 FROM session_peers p WHERE p.node_id = nodes.id AND p.left_at IS NULL)")
                .bind("before", before).execute();
    }

    /** Gives the lease up at once (a clean stop): the others sweep what is left of it now, not later. */
    void expire(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE nodes SET lease_until = :at WHERE id = :id").bind("id", id).bind("at", at).execute();
    }
}
