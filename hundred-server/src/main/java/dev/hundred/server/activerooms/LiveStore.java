package dev.hundred.server.activerooms;

import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomStore;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the live state: the peers of sessions, their tracks, and the chat record. */
public final class LiveStore {
    private static final String PEER = "SELECT id, workspace_id, room_id, session_id, name, role, user_id, metadata,"
            + " peer_type, transport, joined_at, left_at FROM session_peers";
    private static final String TRACK = "SELECT t.id, t.peer_id, t.stream_id, t.track_type, t.source, t.mute,"
            + " t.description, t.started_at FROM peer_tracks t";

    /**
     * A room as a change in it starts from: the room, its template's body text, its live session (or null), and
     * whether a poll runs in it (polls/PollRunService tells a joining peer of them).
     */
    record RoomState(Room room, String templateBody, SessionRow session, boolean pollsRunning) {}

    /**
     * What {@link RoomStore} reads with the room for the live plane, in the same statement: the template's body
     * (for its roles), the room's active session and whether a poll run in it is not stopped, instead of a
     * statement for each. Read after the room's
     * lock, in a statement of its own, so it sees what the lock's previous holder committed.
     */
    static final RoomStore.With<RoomState> STATE = new RoomStore.With<>() {
        @Override
        public String columns() {
            return ", t.body AS template_body, s.id AS live_session_id, s.created_at AS live_session_created_at,"
                    + " s.updated_at AS live_session_updated_at, EXISTS (SELECT 1 FROM poll_runs pr"
                    + " WHERE pr.workspace_id = r.workspace_id AND pr.room_id = r.id AND pr.stopped_at IS NULL)"
                    + " AS polls_running";
        }

        @Override
        public String joins() {
            return " LEFT JOIN sessions s ON s.workspace_id = r.workspace_id AND s.room_id = r.id AND s.active = TRUE";
        }

        @Override
        public RoomState map(Room room, ResultSet rs) throws SQLException {
            String sessionId = rs.getString("live_session_id");
            SessionRow session = sessionId == null ? null : new SessionRow(sessionId, room.id(), true,
                    Database.instant(rs, "live_session_created_at"), Database.instant(rs, "live_session_updated_at"));
            return new RoomState(room, rs.getString("template_body"), session, rs.getBoolean("polls_running"));
        }
    };

    private static final String INSERT_PEER = "INSERT INTO session_peers (id, workspace_id, room_id, session_id, name,"
            + " role, user_id, metadata, peer_type, transport, joined_at, node_id) VALUES (:id, :workspaceId, :roomId,"
            + " :sessionId, :name, :role, :userId, :metadata, :type, :transport, :joinedAt, :nodeId)";
    private static final String TOUCH_SESSION = "UPDATE sessions SET updated_at = :at WHERE id = :sessionId";

    /** {@code nodeId}: the node holding the peer's socket, null when no socket holds it. */
    public void insertPeer(Handle h, LivePeer p, String nodeId) {
        h.createUpdate(INSERT_PEER).bindMethods(p).bind("nodeId", nodeId).execute();
    }

    /**
     * PostgreSQL only (a data-changing WITH): {@link #insertPeer} and the touch of its session (sessions/
     * SessionService#touch: {@code updated_at} follows joins and leaves) in one statement.
     */
    void insertPeerTouching(Handle h, LivePeer p, String nodeId, Instant at) {
        h.createUpdate("WITH s AS (" + TOUCH_SESSION + ") " + INSERT_PEER).bindMethods(p).bind("nodeId", nodeId)
                .bind("at", at).execute();
    }

    /**
     * PostgreSQL only: {@link #markLeft}, {@link #deleteTracksOf} and the touch of the room's session in one
     * statement (different tables: no row is changed twice).
     */
    void departTouching(Handle h, String peerId, String sessionId, Instant at, String reason) {
        h.createUpdate("WITH d AS (DELETE FROM peer_tracks WHERE peer_id = :id), s AS (" + TOUCH_SESSION + ")"
                        + " UPDATE session_peers SET left_at = :at, leave_reason = :reason WHERE id = :id")
                .bind("id", peerId).bind("sessionId", sessionId).bind("at", at).bind("reason", reason).execute();
    }

    public void updatePeer(Handle h, LivePeer p) {
        h.createUpdate("UPDATE session_peers SET name = :name, role = :role, metadata = :metadata WHERE id = :id")
                .bindMethods(p).execute();
    }

    public void markLeft(Handle h, String peerId, Instant at, String reason) {
        h.createUpdate("UPDATE session_peers SET left_at = :at, leave_reason = :reason WHERE id = :id")
                .bind("at", at).bind("reason", reason).bind("id", peerId).execute();
    }

    /** The connected peers of a session in join order, and each one's tracks (peer id to them; none: absent). */
    record LivePeers(List<LivePeer> peers, Map<String, Map<String, Track>> tracks) {}

    /** {@link LivePeers} in one statement (a change reads both, most of the time: one round trip, not two). */
    public LivePeers livePeers(Handle h, String sessionId) {
        Map<String, LivePeer> peers = new LinkedHashMap<>();
        Map<String, Map<String, Track>> tracks = new LinkedHashMap<>();
        h.createQuery("SELECT p.id, p.workspace_id, p.room_id, p.session_id, p.name, p.role, p.user_id, p.metadata,"
                        + " p.peer_type, p.transport, p.joined_at, p.left_at, t.id AS track_id, t.stream_id, t.track_type,"
                        + " t.source, t.mute, t.description, t.started_at FROM session_peers p"
                        + " LEFT JOIN peer_tracks t ON t.peer_id = p.id"
                        + " WHERE p.session_id = :s AND p.left_at IS NULL ORDER BY p.joined_at, p.id, t.seq")
                .bind("s", sessionId)
                .map((rs, ctx) -> {
                    LivePeer p = peers.get(rs.getString("id"));
                    if (p == null) { // the peer's first row: one a track, or one with no track
                        p = peer(rs, ctx);
                        peers.put(p.id(), p);
                    }
                    String trackId = rs.getString("track_id");
                    if (trackId != null) {
                        tracks.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).put(trackId, track(rs, "track_id"));
                    }
                    return p;
                })
                .list(); // each row adds its peer (the first time) and its track
        return new LivePeers(List.copyOf(peers.values()), tracks);
    }

    /** A peer of this room, connected or not. */
    public Optional<LivePeer> peer(Handle h, String workspaceId, String roomId, String peerId) {
        return h.createQuery(PEER + " WHERE id = :id AND workspace_id = :ws AND room_id = :roomId")
                .bind("id", peerId).bind("ws", workspaceId).bind("roomId", roomId).map(LiveStore::peer).findOne();
    }

    /** Connected peers whose gateway socket one of these nodes holds (held, if those nodes are gone). */
    public List<LivePeer> gatewayPeersOf(Handle h, List<String> nodeIds) {
        return h.createQuery(PEER + " WHERE transport = :t AND left_at IS NULL AND node_id IN (<nodes>)"
                        + " ORDER BY joined_at, id")
                .bind("t", LivePeer.GATEWAY).bindList("nodes", nodeIds).map(LiveStore::peer).list();
    }

    /** Connected gateway peers with no node: made by a server from before nodes had ids. */
    public List<LivePeer> gatewayPeersOfNoNode(Handle h) {
        return h.createQuery(PEER + " WHERE transport = :t AND left_at IS NULL AND node_id IS NULL ORDER BY joined_at, id")
                .bind("t", LivePeer.GATEWAY).map(LiveStore::peer).list();
    }

    public void insertTrack(Handle h, String peerId, Track t) {
        h.createUpdate("INSERT INTO peer_tracks (id, peer_id, stream_id, track_type, source, mute, description,"
                        + " started_at) VALUES (:id, :peerId, :streamId, :type, :source, :mute, :description, :startedAt)")
                .bindMethods(t).bind("peerId", peerId).execute();
    }

    public Map<String, Track> tracksOf(Handle h, String peerId) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        h.createQuery(TRACK + " WHERE t.peer_id = :p ORDER BY t.seq").bind("p", peerId)
                .map((rs, ctx) -> track(rs)).forEach(t -> tracks.put(t.id(), t));
        return tracks;
    }

    /** The stream a peer already publishes from {@code source}, if any: tracks of one source share it. */
    public Optional<String> streamOf(Handle h, String peerId, String source) {
        return h.createQuery("SELECT stream_id FROM peer_tracks WHERE peer_id = :p AND source = :source ORDER BY seq")
                .bind("p", peerId).bind("source", source).mapTo(String.class).findFirst();
    }

    public void setMute(Handle h, String trackId, boolean mute) {
        h.createUpdate("UPDATE peer_tracks SET mute = :mute WHERE id = :id").bind("mute", mute).bind("id", trackId).execute();
    }

    public void deleteTrack(Handle h, String trackId) {
        h.createUpdate("DELETE FROM peer_tracks WHERE id = :id").bind("id", trackId).execute();
    }

    public void deleteTracksOf(Handle h, String peerId) {
        h.createUpdate("DELETE FROM peer_tracks WHERE peer_id = :p").bind("p", peerId).execute();
    }

    public void insertMessage(Handle h, String workspaceId, ChatMessage m) {
        h.createUpdate("INSERT INTO session_messages (id, workspace_id, session_id, sender_peer_id, recipient_peer_id,"
                        + " recipient_role, message_type, message, sent_at) VALUES (:id, :ws, :sessionId, :senderPeerId,"
                        + " :recipientPeerId, :recipientRole, :type, :message, :sentAt)")
                .bindMethods(m).bind("ws", workspaceId).execute();
    }

    public List<ChatMessage> messages(Handle h, String workspaceId, String sessionId) {
        return h.createQuery("SELECT id, session_id, sender_peer_id, recipient_peer_id, recipient_role, message_type,"
                        + " message, sent_at FROM session_messages WHERE workspace_id = :ws AND session_id = :s"
                        + " ORDER BY sent_at, id")
                .bind("ws", workspaceId).bind("s", sessionId)
                .map((rs, ctx) -> new ChatMessage(rs.getString("id"), rs.getString("session_id"),
                        rs.getString("sender_peer_id"), rs.getString("recipient_peer_id"),
                        rs.getString("recipient_role"), rs.getString("message_type"), rs.getString("message"),
                        Database.instant(rs, "sent_at")))
                .list();
    }

    private static LivePeer peer(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LivePeer(rs.getString("id"), rs.getString("workspace_id"), rs.getString("room_id"),
                rs.getString("session_id"), rs.getString("name"), rs.getString("role"), rs.getString("user_id"),
                rs.getString("metadata"), rs.getString("peer_type"), rs.getString("transport"),
                Database.instant(rs, "joined_at"), Database.instant(rs, "left_at"));
    }

    private static Track track(ResultSet rs) throws SQLException {
        return track(rs, "id");
    }

    /** A track from a row that names its id {@code idColumn} (a row of a peer and its track). */
    private static Track track(ResultSet rs, String idColumn) throws SQLException {
        return new Track(rs.getString(idColumn), rs.getString("stream_id"), rs.getBoolean("mute"),
                rs.getString("track_type"), rs.getString("source"), Database.instant(rs, "started_at"),
                rs.getString("description"));
    }

    /** Every peer, track and message of the workspace's sessions (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.deleteThrough(h, "peer_tracks", "peer_id", "session_peers", workspaceId);
        WorkspaceRows.delete(h, "session_messages", workspaceId);
        WorkspaceRows.delete(h, "session_peers", workspaceId);
    }

    /** The workspace's peers connected through the gateway (on any node). */
    public List<String> gatewayPeerIds(Handle h, String workspaceId) {
        return h.createQuery("SELECT id FROM session_peers WHERE workspace_id = :ws AND transport = 'gateway'"
                        + " AND left_at IS NULL")
                .bind("ws", workspaceId).mapTo(String.class).list();
    }
}
