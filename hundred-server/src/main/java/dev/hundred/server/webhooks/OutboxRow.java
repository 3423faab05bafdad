package dev.hundred.server.webhooks;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery still to make (a row of webhook_outbox). {@code attempts} counts the attempts started;
 * {@code queuedAt} is when it was queued, what the retry horizon counts from.
 */
record OutboxRow(String id, String lane, long seq, String workspaceId, String roomId, String eventId,
                 String eventType, Instant eventAt, String body, String url, String host,
                 Map<String, String> headers, String signingSecret, int attempts, Instant dueAt,
                 String workflowId, Instant queuedAt) {}
