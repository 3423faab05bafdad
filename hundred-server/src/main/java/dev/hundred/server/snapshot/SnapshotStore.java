package dev.hundred.server.snapshot;

import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The one question import asks of every table at once: is this id (or code, or key) taken, in any
 * workspace? Ids are primary keys across workspaces, so a document restores into a workspace only where
 * its ids are free.
 */
final class SnapshotStore {
    /** table.column pairs that hold ids unique across workspaces; nothing else reaches the SQL. */
    private static final Set<String> UNIQUE = Set.of("templates.id", "rooms.id", "room_codes.id", "room_codes.code",
            "polls.id", "stream_keys.id", "stream_keys.stream_key");

    boolean taken(Handle h, String table, String column, String value) {
        if (!UNIQUE.contains(table + "." + column)) {
            throw new IllegalArgumentException("not a unique column: " + table + "." + column);
        }
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :value").bind("value", value)
                .mapTo(Integer.class).one() > 0;
    }
}
