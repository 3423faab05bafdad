package dev.hundred.server.streamkeys;

import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} of the four ingest webhooks (spec §17.4, webhook.md "RTMP Ingestion Events"): exactly
 * their fields, in the samples' (alphabetical) order.
 */
final class IngestEvents {
    static final String START_SUCCESS = "ingest.start.success";
    static final String END_SUCCESS = "ingest.end.success";
    static final String START_FAILURE = "ingest.start.failure";
    static final String FAILURE = "ingest.failure";

    private IngestEvents() {}

    static Map<String, Object> startSuccess(Workspace ws, Room room, Ingest i) {
        Map<String, Object> data = ids(ws);
        data.put("ingest_id", i.id());
        data.put("room_id", room.id());
        data.put("started_at", i.startedAt());
        data.put("stream_id", i.streamId());
        data.put("template_id", room.templateId());
        return data;
    }

    static Map<String, Object> endSuccess(Workspace ws, Room room, Ingest i) {
        Map<String, Object> data = ids(ws);
        data.put("completed_at", i.completedAt());
        data.put("duration", (int) Duration.between(i.startedAt(), i.completedAt()).toSeconds());
        data.put("ingest_id", i.id());
        data.put("last_disconnected_at", i.lastDisconnectedAt());
        data.put("reason", i.endReason());
        data.put("room_id", room.id());
        data.put("started_at", i.startedAt());
        data.put("stream_id", i.streamId());
        data.put("template_id", room.templateId());
        return data;
    }

    static Map<String, Object> startFailure(Workspace ws, Room room, String error) {
        Map<String, Object> data = ids(ws);
        data.put("error_message", error);
        data.put("room_id", room.id());
        data.put("template_id", room.templateId());
        return data;
    }

    static Map<String, Object> failure(Workspace ws, Room room, Ingest i) {
        Map<String, Object> data = ids(ws);
        data.put("error_message", i.errorMessage());
        data.put("ingest_id", i.id());
        data.put("room_id", room.id());
        data.put("template_id", room.templateId());
        return data;
    }

    private static Map<String, Object> ids(Workspace ws) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id", ws.customerId());
        data.put("app_id", ws.id());
        return data;
    }
}
