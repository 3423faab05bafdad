package dev.hundred.server.store;

import org.jdbi.v3.core.Handle;

/**
 * The two deletes every store needs for an emulator reset (dev.hundred.server.snapshot): a table's rows of
 * one workspace, and the rows of a child table without a workspace column, through its parent. Each store
 * names its own tables; the table names are constants of the stores, never input.
 */
public final class WorkspaceRows {
    private WorkspaceRows() {}

    public static int delete(Handle h, String table, String workspaceId) {
        return h.createUpdate("DELETE FROM " + table + " WHERE workspace_id = :ws").bind("ws", workspaceId).execute();
    }

    /** Rows of {@code table} whose {@code column} names a row of {@code parent} in the workspace. */
    public static int deleteThrough(Handle h, String table, String column, String parent, String workspaceId) {
        return h.createUpdate("DELETE FROM " + table + " WHERE " + column + " IN (SELECT id FROM " + parent
                + " WHERE workspace_id = :ws)").bind("ws", workspaceId).execute();
    }

    public static int count(Handle h, String table, String workspaceId) {
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE workspace_id = :ws").bind("ws", workspaceId)
                .mapTo(Integer.class).one();
    }
}
