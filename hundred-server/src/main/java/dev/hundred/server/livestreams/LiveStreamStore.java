package dev.hundred.server.livestreams;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for what a live stream keeps beside its job: the playback token and the timed metadata. */
public final class LiveStreamStore {
    /** Which workspace a playback URL belongs to, and its token. */
    record Playback(String jobId, String workspaceId, String token) {}

    void insertPlayback(Handle h, Playback p) {
        h.createUpdate("INSERT INTO live_stream_playback (job_id, workspace_id, token) VALUES (:job, :ws, :token)")
                .bind("job", p.jobId()).bind("ws", p.workspaceId()).bind("token", p.token()).execute();
    }

    Optional<Playback> playback(Handle h, String jobId) {
        return h.createQuery("SELECT job_id, workspace_id, token FROM live_stream_playback WHERE job_id = :job")
                .bind("job", jobId)
                .map((rs, ctx) -> new Playback(rs.getString("job_id"), rs.getString("workspace_id"), rs.getString("token")))
                .findOne();
    }

    void insertMetadata(Handle h, String workspaceId, TimedMetadata m, Instant now) {
        h.createUpdate("INSERT INTO live_stream_metadata (id, workspace_id, job_id, payload, duration_seconds, start_at,"
                        + " created_at) VALUES (:id, :ws, :job, :payload, :duration, :start, :created)")
                .bind("id", m.id()).bind("ws", workspaceId).bind("job", m.jobId()).bind("payload", m.payload())
                .bind("duration", m.durationSeconds()).bind("start", m.startAt()).bind("created", now).execute();
    }

    /** The stream's cues, oldest first. */
    List<TimedMetadata> metadata(Handle h, String jobId) {
        return h.createQuery("SELECT id, job_id, payload, duration_seconds, start_at FROM live_stream_metadata"
                        + " WHERE job_id = :job ORDER BY start_at, id")
                .bind("job", jobId)
                .map((rs, ctx) -> new TimedMetadata(rs.getString("id"), rs.getString("job_id"), rs.getString("payload"),
                        rs.getInt("duration_seconds"), Database.instant(rs, "start_at")))
                .list();
    }

    /** Playback tokens and timed metadata of the workspace's streams (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "live_stream_metadata", workspaceId);
        WorkspaceRows.delete(h, "live_stream_playback", workspaceId);
    }
}
