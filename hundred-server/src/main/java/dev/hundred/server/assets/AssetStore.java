package dev.hundred.server.assets;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for assets and their bytes. */
public final class AssetStore {
    private static final String COLUMNS = "id, workspace_id, job_id, room_id, session_id, asset_type, path, status, size,"
            + " duration, thumbnails, metadata, file_name, content_type, created_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** An asset row with what the wire does not show: its workspace, file name and content type. */
    record Stored(Asset asset, String workspaceId, String fileName, String contentType) {}

    void insert(Handle h, String workspaceId, Asset a, String fileName, String contentType, byte[] bytes) {
        h.createUpdate("INSERT INTO recording_assets (" + COLUMNS + ") VALUES (:id, :ws, :jobId, :roomId, :sessionId,"
                        + " :type, :path, :status, :size, :duration, :thumbnails, :metadata, :fileName, :contentType, :createdAt)")
                .bind("id", a.id()).bind("ws", workspaceId).bind("jobId", a.jobId()).bind("roomId", a.roomId())
                .bind("sessionId", a.sessionId()).bind("type", a.type()).bind("path", a.path()).bind("status", a.status())
                .bind("size", a.size()).bind("duration", a.duration())
                .bind("thumbnails", a.thumbnails() == null ? null : Json.write(a.thumbnails()))
                .bind("metadata", Json.write(a.metadata())).bind("fileName", fileName).bind("contentType", contentType)
                .bind("createdAt", a.createdAt()).execute();
        h.createUpdate("INSERT INTO asset_blobs (asset_id, bytes) VALUES (:id, :bytes)")
                .bind("id", a.id()).bind("bytes", bytes).execute();
    }

    /** Replaces a (processing) asset's bytes, size and status. */
    void complete(Handle h, String assetId, String status, byte[] bytes) {
        h.createUpdate("UPDATE recording_assets SET status = :status, size = :size WHERE id = :id")
                .bind("status", status).bind("size", (long) bytes.length).bind("id", assetId).execute();
        h.createUpdate("UPDATE asset_blobs SET bytes = :bytes WHERE asset_id = :id").bind("bytes", bytes).bind("id", assetId)
                .execute();
    }

    Optional<Asset> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM recording_assets WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map((rs, ctx) -> row(rs, ctx).asset()).findOne();
    }

    /** For a presigned download, which carries no workspace: the signature says whose it is. */
    Optional<Stored> stored(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM recording_assets WHERE id = :id").bind("id", id)
                .map(AssetStore::row).findOne();
    }

    byte[] bytes(Handle h, String id) {
        return h.createQuery("SELECT bytes FROM asset_blobs WHERE asset_id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getBytes("bytes")).one();
    }

    List<Asset> ofJob(Handle h, String workspaceId, String jobId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM recording_assets WHERE workspace_id = :ws AND job_id = :job"
                        + " ORDER BY id")
                .bind("ws", workspaceId).bind("job", jobId).map((rs, ctx) -> row(rs, ctx).asset()).list();
    }

    /** Newest first; {@code start} is exclusive. */
    List<Asset> page(Handle h, String workspaceId, AssetFilter f) {
        Where where = new Where().and("workspace_id = :ws", "ws", workspaceId)
                .andIf(f.roomId(), "room_id = :roomId", "roomId")
                .andIf(f.sessionId(), "session_id = :sessionId", "sessionId")
                .andIf(f.jobId(), "job_id = :jobId", "jobId")
                .andIf(f.status(), "status = :status", "status")
                .andIf(f.type(), "asset_type = :type", "type")
                .andIf(f.start(), "id < :start", "start");
        return where.bind(h.createQuery("SELECT " + COLUMNS + " FROM recording_assets" + where.sql()
                        + " ORDER BY id DESC LIMIT :limit"))
                .bind("limit", f.limit()).map((rs, ctx) -> row(rs, ctx).asset()).list();
    }

    private static Stored row(ResultSet rs, StatementContext ctx) throws SQLException {
        String thumbnails = rs.getString("thumbnails");
        Asset asset = new Asset(rs.getString("id"), rs.getString("job_id"), rs.getString("room_id"),
                rs.getString("session_id"), rs.getString("asset_type"), rs.getString("path"), rs.getString("status"),
                rs.getLong("size"), rs.getInt("duration"), Database.instant(rs, "created_at"),
                thumbnails == null ? null : read(thumbnails, STRINGS), read(rs.getString("metadata"), OBJECT));
        return new Stored(asset, rs.getString("workspace_id"), rs.getString("file_name"), rs.getString("content_type"));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored asset JSON does not read", e);
        }
    }

    /** Every asset of the workspace and its bytes (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.deleteThrough(h, "asset_blobs", "asset_id", "recording_assets", workspaceId);
        WorkspaceRows.delete(h, "recording_assets", workspaceId);
    }
}
