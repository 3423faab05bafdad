package dev.hundred.server.webhooks;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.RoomWebhook;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the workspace webhook, and the one read of a room's own webhook the outbox needs. */
final class WebhookSettingsStore {
    static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    Optional<WebhookSettings> find(Handle h, String workspaceId) {
        return h.createQuery("SELECT url, headers, signing_secret FROM workspace_webhooks WHERE workspace_id = :ws")
                .bind("ws", workspaceId)
                .map((rs, ctx) -> new WebhookSettings(rs.getString("url"), readHeaders(rs.getString("headers")),
                        rs.getString("signing_secret")))
                .findOne();
    }

    void save(Handle h, String workspaceId, WebhookSettings settings, Instant now) {
        int updated = bind(h.createUpdate("UPDATE workspace_webhooks SET url = :url, headers = :headers,"
                + " signing_secret = :secret, updated_at = :now WHERE workspace_id = :ws"), workspaceId, settings, now)
                .execute();
        if (updated == 0) {
            bind(h.createUpdate("INSERT INTO workspace_webhooks (workspace_id, url, headers, signing_secret, updated_at)"
                    + " VALUES (:ws, :url, :headers, :secret, :now)"), workspaceId, settings, now).execute();
        }
    }

    void delete(Handle h, String workspaceId) {
        h.createUpdate("DELETE FROM workspace_webhooks WHERE workspace_id = :ws").bind("ws", workspaceId).execute();
    }

    /**
     * The workspace webhook and the room's own webhook: what picks an event's destination; {@code roomFound}
     * whether the room exists (this workspace's).
     */
    record Targets(Optional<WebhookSettings> workspace, Optional<RoomWebhook> room, boolean roomFound) {}

    /**
     * Both webhooks in one statement (every event of every change reads them: one round trip, not two). The
     * room's is read here rather than through RoomService because an event may name a room that does not
     * exist (a join refused for an unknown room) and queuing must not fail the change; by primary key, its
     * workspace compared, as RoomStore reads rooms.
     */
    Targets targets(Handle h, String workspaceId, String roomId) {
        return h.createQuery("SELECT w.url, w.headers, w.signing_secret, r.id AS room_id, r.webhook AS room_webhook"
                        + " FROM (SELECT CAST(:ws AS VARCHAR(24)) AS ws) k"
                        + " LEFT JOIN workspace_webhooks w ON w.workspace_id = k.ws"
                        + " LEFT JOIN rooms r ON r.id = :room AND r.workspace_id = k.ws")
                .bind("ws", workspaceId).bind("room", roomId == null ? "" : roomId)
                .map((rs, ctx) -> {
                    String url = rs.getString("url");
                    String room = rs.getString("room_webhook");
                    return new Targets(url == null ? Optional.empty() : Optional.of(new WebhookSettings(url,
                            readHeaders(rs.getString("headers")), rs.getString("signing_secret"))),
                            room == null ? Optional.empty() : Optional.of(Json.read(room, RoomWebhook.class)),
                            rs.getString("room_id") != null);
                })
                .one();
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update update, String workspaceId,
                                                          WebhookSettings s, Instant now) {
        return update.bind("ws", workspaceId).bind("url", s.url())
                .bind("headers", Json.write(s.headers() == null ? Map.of() : s.headers()))
                .bind("secret", s.signingSecret()).bind("now", now);
    }

    static Map<String, String> readHeaders(String json) {
        try {
            return Json.MAPPER.readValue(json, HEADERS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored webhook headers are not a JSON object", e);
        }
    }
}
