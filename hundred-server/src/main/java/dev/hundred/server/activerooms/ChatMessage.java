package dev.hundred.server.activerooms;

import java.time.Instant;

/**
 * A message kept in the session's chat record. {@code senderPeerId} is null when it came through the
 * REST API; {@code recipientPeerId} or {@code recipientRole} narrow who received it (neither: everyone).
 */
public record ChatMessage(
        String id,
        String sessionId,
        String senderPeerId,
        String recipientPeerId,
        String recipientRole,
        String type,
        String message,
        Instant sentAt) {}
