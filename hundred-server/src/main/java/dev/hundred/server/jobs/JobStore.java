package dev.hundred.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for media jobs. */
public final class JobStore {
    private static final String COLUMNS = "id, workspace_id, kind, room_id, session_id, status, destination, meeting_url,"
            + " spec, beam_peer_id, metadata_id, started_by, stopped_by, stop_reason, error_type, error_message, paused_at,"
            + " paused_micros, created_at, updated_at, started_at, stopped_at, completed_at";
    private static final String VALUES = ":id, :workspaceId, :kind, :roomId, :sessionId, :status, :destination, :meetingUrl,"
            + " :spec, :beamPeerId, :metadataId, :startedBy, :stoppedBy, :stopReason, :errorType, :errorMessage, :pausedAt,"
            + " :pausedMicros, :createdAt, :updatedAt, :startedAt, :stoppedAt, :completedAt";
    private static final String LIVE = "status IN ('" + MediaJob.STARTING + "', '" + MediaJob.RUNNING + "')";

    void insert(Handle h, MediaJob j) {
        bind(h.createUpdate("INSERT INTO media_jobs (" + COLUMNS + ") VALUES (" + VALUES + ")"), j).execute();
    }

    void update(Handle h, MediaJob j) {
        bind(h.createUpdate("UPDATE media_jobs SET status = :status, session_id = :sessionId, spec = :spec,"
                + " beam_peer_id = :beamPeerId, stopped_by = :stoppedBy, stop_reason = :stopReason, error_type = :errorType,"
                + " error_message = :errorMessage, paused_at = :pausedAt, paused_micros = :pausedMicros,"
                + " updated_at = :updatedAt, started_at = :startedAt, stopped_at = :stoppedAt, completed_at = :completedAt"
                + " WHERE id = :id AND workspace_id = :workspaceId"), j).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S s, MediaJob j) {
        return s.bind("id", j.id()).bind("workspaceId", j.workspaceId()).bind("kind", j.kind()).bind("roomId", j.roomId())
                .bind("sessionId", j.sessionId()).bind("status", j.status()).bind("destination", j.destination())
                .bind("meetingUrl", j.meetingUrl()).bind("spec", Json.write(j.spec())).bind("beamPeerId", j.beamPeerId())
                .bind("metadataId", j.metadataId()).bind("startedBy", j.startedBy()).bind("stoppedBy", j.stoppedBy())
                .bind("stopReason", j.stopReason()).bind("errorType", j.errorType()).bind("errorMessage", j.errorMessage())
                .bind("pausedAt", j.pausedAt()).bind("pausedMicros", j.pausedMicros()).bind("createdAt", j.createdAt())
                .bind("updatedAt", j.updatedAt()).bind("startedAt", j.startedAt()).bind("stoppedAt", j.stoppedAt())
                .bind("completedAt", j.completedAt());
    }

    Optional<MediaJob> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM media_jobs WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map(JobStore::row).findOne();
    }

    /** The room's jobs that are starting or running, oldest first; of one kind unless {@code kind} is null. */
    List<MediaJob> liveInRoom(Handle h, String workspaceId, String roomId, String kind) {
        Where where = new Where().and("workspace_id = :ws", "ws", workspaceId).and("room_id = :roomId", "roomId", roomId)
                .andIf(kind, "kind = :kind", "kind");
        return where.bind(h.createQuery("SELECT " + COLUMNS + " FROM media_jobs" + where.sql() + " AND " + LIVE
                + " ORDER BY id")).map(JobStore::row).list();
    }

    Optional<MediaJob> byBeam(Handle h, String workspaceId, String beamPeerId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM media_jobs WHERE workspace_id = :ws AND beam_peer_id = :peer")
                .bind("ws", workspaceId).bind("peer", beamPeerId).map(JobStore::row).findFirst();
    }

    /** Newest first; {@code start} is exclusive. */
    List<MediaJob> page(Handle h, String workspaceId, JobFilter f) {
        Where where = new Where().and("workspace_id = :ws", "ws", workspaceId).and("kind = :kind", "kind", f.kind())
                .andIf(f.roomId(), "room_id = :roomId", "roomId")
                .andIf(f.sessionId(), "session_id = :sessionId", "sessionId")
                .andIf(f.status(), "status = :status", "status")
                .andIf(f.start(), "id < :start", "start");
        return where.bind(h.createQuery("SELECT " + COLUMNS + " FROM media_jobs" + where.sql()
                + " ORDER BY id DESC LIMIT :limit")).bind("limit", f.limit()).map(JobStore::row).list();
    }

    /** When the job's session started (webhooks' session_started_at). */
    Instant sessionStartedAt(Handle h, String sessionId) {
        return h.createQuery("SELECT created_at FROM sessions WHERE id = :id").bind("id", sessionId)
                .map((rs, ctx) -> Database.instant(rs, "created_at")).findOne().orElse(null);
    }

    private static MediaJob row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MediaJob(rs.getString("id"), rs.getString("workspace_id"), rs.getString("kind"), rs.getString("room_id"),
                rs.getString("session_id"), rs.getString("status"), rs.getString("destination"), rs.getString("meeting_url"),
                (ObjectNode) Json.read(rs.getString("spec"), JsonNode.class), rs.getString("beam_peer_id"),
                rs.getString("metadata_id"), rs.getString("started_by"), rs.getString("stopped_by"),
                rs.getString("stop_reason"), rs.getString("error_type"), rs.getString("error_message"),
                Database.instant(rs, "paused_at"), rs.getLong("paused_micros"), Database.instant(rs, "created_at"),
                Database.instant(rs, "updated_at"), Database.instant(rs, "started_at"), Database.instant(rs, "stopped_at"),
                Database.instant(rs, "completed_at"));
    }

    /** Every media job of the workspace (emulator reset; what refers to them goes first). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "media_jobs", workspaceId);
    }
}
