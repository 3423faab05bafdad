package dev.hundred.server.analytics;

import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.Track;
import dev.hundred.server.activerooms.TrackChanged;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Keeps analytics events as things happen, on the change's own transaction (so an event exists exactly
 * when its change committed): track events from the live plane ({@link TrackChanged}, gateway and
 * emulator peers alike, including the tracks a departing peer takes with it), and
 * {@code beam.recording.success} from the webhook stream ({@link RoomEvent}s the recordings feature
 * publishes). Client error events come from {@link ClientEvents}.
 */
final class EventRecorder {
    /** The recording event's data fields (recording-events.mdx), picked from the webhook's in this order. */
    private static final List<String> RECORDING_FIELDS = List.of("beam_id", "room_id", "session_id", "peer_id",
            "template_id", "created_at", "duration", "location", "started_at", "stopped_at", "max_width",
            "max_height", "recording_path", "recording_presigned_url", "meeting_url", "rtmp", "session_started_at",
            "size");

    private final AnalyticsStore store;

    EventRecorder(AnalyticsStore store, DomainEvents events) {
        this.store = store;
        events.subscribe(TrackChanged.class, this::onTrackChanged);
        events.subscribe(RoomEvent.class, this::onRoomEvent);
    }

    private void onTrackChanged(Handle h, TrackChanged e) {
        LivePeer peer = e.peer();
        Track track = e.track();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room_id", e.room().id());
        data.put("session_id", e.session().id());
        data.put("room_name", e.room().name());
        data.put("peer_id", peer.id());
        data.put("user_id", peer.userId());
        data.put("user_name", peer.name());
        data.put("joined_at", peer.joinedAt());
        data.put("role", peer.role());
        data.put("track_id", track.id());
        data.put("stream_id", track.streamId());
        data.put("type", track.type());
        data.put("source", track.source());
        data.put("mute", track.mute());
        data.put("started_at", track.startedAt());
        if (e.type().equals(TrackChanged.REMOVE)) {
            data.put("stopped_at", e.at());
        }
        store.insert(h, new EventRow(Ids.uuid(), e.workspace().id(), e.room().id(), e.type(), e.session().id(),
                peer.id(), peer.userId(), null, e.at(), Json.write(data)));
    }

    /** Only {@code beam.recording.success}: the other webhooks are not analytics events (spec §13.1). */
    private void onRoomEvent(Handle h, RoomEvent e) {
        if (!e.type().equals(EventTypes.BEAM_RECORDING)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : RECORDING_FIELDS) {
            if (e.data().containsKey(field)) {
                data.put(field, e.data().get(field));
            }
        }
        store.insert(h, new EventRow(Ids.uuid(), e.workspace().id(), e.roomId(), e.type(), text(data, "session_id"),
                text(data, "peer_id"), null, text(data, "beam_id"), e.at(), Json.write(data)));
    }

    private static String text(Map<String, Object> data, String field) {
        Object value = data.get(field);
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}
