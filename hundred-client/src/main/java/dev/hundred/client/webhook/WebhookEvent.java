package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.net.Json;
import java.time.Instant;
import java.util.Map;

/**
 * A webhook as 100ms (and Hundred) posts it (spec §17.3): the envelope, with {@code data} kept as a tree.
 * The common fields of {@code data} have accessors ({@link #roomId()}, {@link #sessionId()}, ...);
 * {@link #data(Class)} reads it as one of the typed records of this package, and {@link #typedData()} picks
 * the record by {@link #type()}.
 *
 * @param isReplay true on a replayed delivery (spec §13.3), else null
 */
public record WebhookEvent(String version, String id, String appId, String accountId, String templateId,
                           Instant timestamp, String type, JsonNode data, Boolean isReplay,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** {@code data} as the given record (or any type Jackson reads). */
    public <T> T data(Class<T> type) {
        return Json.mapper().convertValue(data, type);
    }

    /** {@code data} as the record of this event's family ({@link #dataType()}), or the tree for an unknown type. */
    public Object typedData() {
        Class<?> t = dataType();
        return t == null ? data : data(t);
    }

    /** The record that holds this event's {@code data}, or null for a type this client does not know. */
    public Class<?> dataType() {
        return dataTypeOf(type);
    }

    static Class<?> dataTypeOf(String type) {
        if (type == null) {
            return null;
        }
        if (type.startsWith("session.")) return SessionEventData.class;
        if (type.startsWith("peer.")) return PeerEventData.class;
        if (type.startsWith("room.end.")) return RoomEndEventData.class;
        if (type.startsWith("role.change.")) return RoleChangeEventData.class;
        if (type.startsWith("track.recording.")) return TrackRecordingEventData.class;
        if (type.startsWith("stream.recording.")) return StreamRecordingEventData.class;
        if (type.equals("recording.success") || type.equals("recording.failed")) return SfuRecordingEventData.class;
        if (type.startsWith("beam.")) return BeamEventData.class;
        if (type.startsWith("hls.")) return HlsEventData.class;
        if (type.startsWith("transcription.")) return TranscriptionEventData.class;
        if (type.startsWith("ingest.")) return IngestEventData.class;
        return null;
    }

    public String roomId() {
        return text("room_id");
    }

    public String roomName() {
        return text("room_name");
    }

    public String sessionId() {
        return text("session_id");
    }

    public String peerId() {
        return text("peer_id");
    }

    public String userId() {
        return text("user_id");
    }

    public String role() {
        return text("role");
    }

    /** The template id: in the envelope in the docs' table, inside {@code data} in their examples. */
    public String templateIdOrData() {
        return templateId != null ? templateId : text("template_id");
    }

    private String text(String field) {
        JsonNode n = data == null ? null : data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
