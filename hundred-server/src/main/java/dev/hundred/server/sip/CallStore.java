package dev.hundred.server.sip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for SIP calls and the DTMF tones they received. */
public final class CallStore {
    private static final String COLUMNS = "id, workspace_id, direction, trunk_id, room_id, room_code, role, to_number,"
            + " from_number, name, user_id, video, headers, peer_id, status, end_reason, created_at, answered_at,"
            + " ended_at";
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    void insert(Handle h, SipCall c) {
        h.createUpdate("INSERT INTO sip_calls (" + COLUMNS + ") VALUES (:id, :ws, :direction, :trunk, :room, :code,"
                        + " :role, :to, :from, :name, :userId, :video, :headers, :peer, :status, :reason, :createdAt,"
                        + " :answeredAt, :endedAt)")
                .bind("id", c.id()).bind("ws", c.workspaceId()).bind("direction", c.direction())
                .bind("trunk", c.trunkId()).bind("room", c.roomId()).bind("code", c.roomCode()).bind("role", c.role())
                .bind("to", c.to()).bind("from", c.from()).bind("name", c.name()).bind("userId", c.userId())
                .bind("video", c.video()).bind("headers", Json.write(c.headers())).bind("peer", c.peerId())
                .bind("status", c.status()).bind("reason", c.endReason()).bind("createdAt", c.createdAt())
                .bind("answeredAt", c.answeredAt()).bind("endedAt", c.endedAt())
                .execute();
    }

    Optional<SipCall> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sip_calls WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map(CallStore::row).findOne();
    }

    /** The call whose caller is this peer, while it rings or is answered. */
    Optional<SipCall> connectedOfPeer(Handle h, String peerId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sip_calls WHERE peer_id = :peer"
                        + " AND status IN ('ringing', 'answered')")
                .bind("peer", peerId).map(CallStore::row).findFirst();
    }

    /** The room's answered calls, oldest first: who hears a DTMF request. */
    List<SipCall> answeredInRoom(Handle h, String workspaceId, String roomId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sip_calls WHERE workspace_id = :ws AND room_id = :room"
                        + " AND status = 'answered' ORDER BY id")
                .bind("ws", workspaceId).bind("room", roomId).map(CallStore::row).list();
    }

    /** Moves a call on from {@code from}; false when it was not in that state any more. */
    boolean transition(Handle h, SipCall c, String from) {
        return h.createUpdate("UPDATE sip_calls SET status = :status, end_reason = :reason, answered_at = :answeredAt,"
                        + " ended_at = :endedAt WHERE id = :id AND status = :from")
                .bind("status", c.status()).bind("reason", c.endReason()).bind("answeredAt", c.answeredAt())
                .bind("endedAt", c.endedAt()).bind("id", c.id()).bind("from", from)
                .execute() == 1;
    }

    void insertDtmf(Handle h, String callId, List<String> digits, String userId, String role, Instant at) {
        h.createUpdate("INSERT INTO sip_dtmf (id, call_id, digits, sent_by, sender_role, sent_at)"
                        + " VALUES (:id, :call, :digits, :by, :role, :at)")
                .bind("id", Ids.uuid()).bind("call", callId).bind("digits", String.join("", digits))
                .bind("by", userId).bind("role", role).bind("at", at)
                .execute();
    }

    List<Dtmf> dtmfOf(Handle h, String callId) {
        return h.createQuery("SELECT digits, sent_by, sender_role, sent_at FROM sip_dtmf WHERE call_id = :call"
                        + " ORDER BY seq")
                .bind("call", callId)
                .map((rs, ctx) -> new Dtmf(Arrays.asList(rs.getString("digits").split("")), rs.getString("sent_by"),
                        rs.getString("sender_role"), Database.instant(rs, "sent_at")))
                .list();
    }

    private static SipCall row(ResultSet rs, StatementContext ctx) throws SQLException {
        Map<String, String> headers;
        try {
            headers = Json.MAPPER.readValue(rs.getString("headers"), HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SIP headers are not JSON", e);
        }
        return new SipCall(rs.getString("id"), rs.getString("workspace_id"), rs.getString("direction"),
                rs.getString("trunk_id"), rs.getString("room_id"), rs.getString("room_code"), rs.getString("role"),
                rs.getString("to_number"), rs.getString("from_number"), rs.getString("name"), rs.getString("user_id"),
                rs.getBoolean("video"), headers, rs.getString("peer_id"), rs.getString("status"),
                rs.getString("end_reason"), Database.instant(rs, "created_at"), Database.instant(rs, "answered_at"),
                Database.instant(rs, "ended_at"), List.of());
    }

    /** Every call of the workspace and its DTMF digits (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.deleteThrough(h, "sip_dtmf", "call_id", "sip_calls", workspaceId);
        WorkspaceRows.delete(h, "sip_calls", workspaceId);
    }
}
