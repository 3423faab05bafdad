package dev.hundred.server.sip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A SIP call as the emulator shows it ({@code GET /emulator/v1/sip/calls/{id}}). {@code status}: ringing,
 * answered (the caller is a peer of the room, {@code peer_id}), ended (with the peer's leave reason),
 * declined, timed_out or failed (the room refused the peer). {@code dtmf} lists the tones it received.
 */
public record SipCall(
        String id,
        @JsonIgnore String workspaceId,
        String direction,
        @JsonInclude(JsonInclude.Include.NON_NULL) String trunkId,
        String roomId,
        String roomCode,
        String role,
        String to,
        String from,
        String name,
        String userId,
        boolean video,
        Map<String, String> headers,
        String peerId,
        String status,
        String endReason,
        Instant createdAt,
        Instant answeredAt,
        Instant endedAt,
        List<Dtmf> dtmf) {

    public static final String OUTBOUND = "outbound";
    public static final String INBOUND = "inbound";
    public static final String RINGING = "ringing";
    public static final String ANSWERED = "answered";
    public static final String ENDED = "ended";
    public static final String DECLINED = "declined";
    public static final String TIMED_OUT = "timed_out";
    public static final String FAILED = "failed";

    SipCall withStatus(String newStatus, String reason, Instant answered, Instant ended) {
        return new SipCall(id, workspaceId, direction, trunkId, roomId, roomCode, role, to, from, name, userId, video,
                headers, peerId, newStatus, reason, createdAt, answered, ended, dtmf);
    }

    SipCall withDtmf(List<Dtmf> tones) {
        return new SipCall(id, workspaceId, direction, trunkId, roomId, roomCode, role, to, from, name, userId, video,
                headers, peerId, status, endReason, createdAt, answeredAt, endedAt, tones);
    }
}
