package dev.hundred.server.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.WorkspaceRows;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL for the emulator's settings: one JSON object per workspace. */
public final class SettingsStore {
    ObjectNode read(Handle h, String workspaceId) {
        return h.createQuery("SELECT body FROM emulator_settings WHERE workspace_id = :ws").bind("ws", workspaceId)
                .mapTo(String.class).findOne()
                .map(body -> (ObjectNode) Json.read(body, JsonNode.class))
                .orElseGet(Json.MAPPER::createObjectNode);
    }

    void write(Handle h, String workspaceId, ObjectNode body, Instant now) {
        int updated = h.createUpdate("UPDATE emulator_settings SET body = :body, updated_at = :now WHERE workspace_id = :ws")
                .bind("body", Json.write(body)).bind("now", now).bind("ws", workspaceId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO emulator_settings (workspace_id, body, updated_at) VALUES (:ws, :body, :now)")
                    .bind("ws", workspaceId).bind("body", Json.write(body)).bind("now", now).execute();
        }
    }

    /** Back to every section's defaults (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "emulator_settings", workspaceId);
    }
}
