package dev.hundred.server.sip;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for SIP outbound trunks. */
public final class TrunkStore {
    private static final String COLUMNS = "id, workspace_id, username, address, from_number, created_at, updated_at";

    void insert(Handle h, Trunk t) {
        h.createUpdate("INSERT INTO sip_trunks (" + COLUMNS + ") VALUES (:id, :ws, :username, :address, :from,"
                        + " :createdAt, :updatedAt)")
                .bind("id", t.id()).bind("ws", t.workspaceId()).bind("username", t.username())
                .bind("address", t.address()).bind("from", t.from()).bind("createdAt", t.createdAt())
                .bind("updatedAt", t.updatedAt())
                .execute();
    }

    void update(Handle h, Trunk t) {
        h.createUpdate("UPDATE sip_trunks SET username = :username, address = :address, from_number = :from,"
                        + " updated_at = :updatedAt WHERE id = :id AND workspace_id = :ws")
                .bind("username", t.username()).bind("address", t.address()).bind("from", t.from())
                .bind("updatedAt", t.updatedAt()).bind("id", t.id()).bind("ws", t.workspaceId())
                .execute();
    }

    Optional<Trunk> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sip_trunks WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map(TrunkStore::row).findOne();
    }

    private static Trunk row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Trunk(rs.getString("id"), rs.getString("workspace_id"), rs.getString("username"),
                rs.getString("address"), rs.getString("from_number"), Database.instant(rs, "created_at"),
                Database.instant(rs, "updated_at"));
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "sip_trunks", workspaceId);
    }
}
