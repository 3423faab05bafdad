package dev.hundred.server.roomcodes;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for room codes. A code is unique across all workspaces: the token exchange finds it without one. */
public final class RoomCodeStore {
    private static final String COLUMNS = "c.id, c.code, c.room_id, c.role, c.enabled, c.created_at, c.updated_at";

    /** A code with what the rules around it need: its workspace, and its room's template and state. */
    record Located(RoomCode code, String workspaceId, String roomTemplateId, boolean roomEnabled) {
        boolean roomExists() {
            return roomTemplateId != null;
        }
    }

    public int countInRoom(Handle h, String workspaceId, String roomId) {
        return h.createQuery("SELECT COUNT(*) FROM room_codes WHERE workspace_id = :ws AND room_id = :room")
                .bind("ws", workspaceId).bind("room", roomId).mapTo(Integer.class).one();
    }

    public boolean exists(Handle h, String code) {
        return h.createQuery("SELECT COUNT(*) FROM room_codes WHERE code = :code")
                .bind("code", code).mapTo(Integer.class).one() > 0;
    }

    public void insert(Handle h, String workspaceId, RoomCode c) {
        h.createUpdate("INSERT INTO room_codes (code, id, workspace_id, room_id, role, enabled, created_at, updated_at)"
                        + " VALUES (:code, :id, :ws, :room, :role, :enabled, :createdAt, :updatedAt)")
                .bind("code", c.code()).bind("id", c.id()).bind("ws", workspaceId).bind("room", c.roomId())
                .bind("role", c.role()).bind("enabled", c.enabled())
                .bind("createdAt", c.createdAt()).bind("updatedAt", c.updatedAt())
                .execute();
    }

    public void setEnabled(Handle h, String code, boolean enabled, Instant at) {
        h.createUpdate("UPDATE room_codes SET enabled = :enabled, updated_at = :at WHERE code = :code")
                .bind("enabled", enabled).bind("at", at).bind("code", code).execute();
    }

    /** The room's enabled codes, oldest first. */
    public List<RoomCode> enabledInRoom(Handle h, String workspaceId, String roomId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM room_codes c WHERE c.workspace_id = :ws"
                        + " AND c.room_id = :room AND c.enabled = TRUE ORDER BY c.id")
                .bind("ws", workspaceId).bind("room", roomId).map(RoomCodeStore::row).list();
    }

    /** Newest first; {@code start} is exclusive. */
    public List<RoomCode> page(Handle h, String workspaceId, String roomId, RoomCodeFilter f) {
        Where where = new Where().and("c.workspace_id = :ws", "ws", workspaceId)
                .and("c.room_id = :room", "room", roomId)
                .andIf(f.role(), "c.role = :role", "role")
                .andIf(f.enabled(), "c.enabled = :enabled", "enabled")
                .andIf(f.start(), "c.id < :start", "start");
        return where.bind(h.createQuery("SELECT " + COLUMNS + " FROM room_codes c" + where.sql()
                        + " ORDER BY c.id DESC LIMIT :limit"))
                .bind("limit", f.limit()).map(RoomCodeStore::row).list();
    }

    /** The code anywhere (any workspace), with its room's template and state; the room may be gone. */
    public Optional<Located> locate(Handle h, String code) {
        return h.createQuery("SELECT " + COLUMNS + ", c.workspace_id, r.template_id AS room_template_id,"
                        + " r.enabled AS room_enabled FROM room_codes c LEFT JOIN rooms r ON r.id = c.room_id"
                        + " AND r.workspace_id = c.workspace_id WHERE c.code = :code")
                .bind("code", code)
                .map((rs, ctx) -> new Located(row(rs, ctx), rs.getString("workspace_id"),
                        rs.getString("room_template_id"), rs.getBoolean("room_enabled")))
                .findOne();
    }

    /** Rooms of this template that have at least one code: the rooms whose codes follow its roles. */
    public List<String> roomsWithCodes(Handle h, String workspaceId, String templateId) {
        return h.createQuery("SELECT DISTINCT c.room_id FROM room_codes c JOIN rooms r ON r.id = c.room_id"
                        + " WHERE c.workspace_id = :ws AND r.workspace_id = :ws AND r.template_id = :template"
                        + " ORDER BY c.room_id")
                .bind("ws", workspaceId).bind("template", templateId).mapTo(String.class).list();
    }

    /** Disables the enabled codes of {@code role} in every room of the template; returns how many. */
    public int disableRole(Handle h, String workspaceId, String templateId, String role, Instant at) {
        return h.createUpdate("UPDATE room_codes SET enabled = FALSE, updated_at = :at WHERE workspace_id = :ws"
                        + " AND role = :role AND enabled = TRUE AND room_id IN"
                        + " (SELECT id FROM rooms WHERE workspace_id = :ws AND template_id = :template)")
                .bind("at", at).bind("ws", workspaceId).bind("role", role).bind("template", templateId)
                .execute();
    }

    /** The id behind a code of this room, so a client may page with a code as the cursor. */
    public Optional<String> idOf(Handle h, String workspaceId, String roomId, String code) {
        return h.createQuery("SELECT id FROM room_codes WHERE workspace_id = :ws AND room_id = :room AND code = :code")
                .bind("ws", workspaceId).bind("room", roomId).bind("code", code).mapTo(String.class).findOne();
    }

    private static RoomCode row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RoomCode(rs.getString("id"), rs.getString("code"), rs.getString("room_id"), rs.getString("role"),
                rs.getBoolean("enabled"), Database.instant(rs, "created_at"), Database.instant(rs, "updated_at"));
    }

    /** Every code of the workspace, oldest first, disabled ones included (emulator export). */
    public List<RoomCode> all(Handle h, String workspaceId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM room_codes c WHERE c.workspace_id = :ws ORDER BY c.id")
                .bind("ws", workspaceId).map(RoomCodeStore::row).list();
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "room_codes", workspaceId);
    }
}
