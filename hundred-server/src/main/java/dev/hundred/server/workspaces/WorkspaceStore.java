package dev.hundred.server.workspaces;

import dev.hundred.server.store.Database;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for workspaces. */
public final class WorkspaceStore {
    private static final String COLUMNS = "id, customer_id, access_key, secret, name, created_at";

    public void insert(Handle h, Workspace ws) {
        h.createUpdate("INSERT INTO workspaces (" + COLUMNS + ") VALUES (:id, :customerId, :accessKey, :secret, :name, :createdAt)")
                .bindMethods(ws)
                .execute();
    }

    public void updateSecret(Handle h, String id, String secret) {
        h.createUpdate("UPDATE workspaces SET secret = :secret WHERE id = :id")
                .bind("secret", secret).bind("id", id).execute();
    }

    public Optional<Workspace> byAccessKey(Handle h, String accessKey) {
        return h.createQuery("SELECT " + COLUMNS + " FROM workspaces WHERE access_key = :k")
                .bind("k", accessKey).map(WorkspaceStore::row).findOne();
    }

    public Optional<Workspace> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM workspaces WHERE id = :id")
                .bind("id", id).map(WorkspaceStore::row).findOne();
    }

    public List<Workspace> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM workspaces ORDER BY id").map(WorkspaceStore::row).list();
    }

    private static Workspace row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Workspace(rs.getString("id"), rs.getString("customer_id"), rs.getString("access_key"),
                rs.getString("secret"), rs.getString("name"),
                Database.instant(rs, "created_at"));
    }
}
