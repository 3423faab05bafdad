package dev.hundred.server.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One track's life in a session, read back from its track events: who published it (and in which role),
 * what it was, when it started and stopped, and when it was muted or unmuted.
 */
record TrackLife(String trackId, String peerId, String role, String type, String source, Instant start,
                 Instant end, List<MuteChange> mutes) {

    record MuteChange(Instant at, boolean mute) {}

    boolean video() {
        return type.equals("video");
    }

    boolean screen() {
        return source.equals("screen");
    }

    /** Whether the track was muted at {@code at} (at its start, if {@code at} is earlier). */
    boolean mutedAt(Instant at) {
        boolean muted = mutes.get(0).mute();
        for (MuteChange change : mutes) {
            if (change.at().isAfter(at)) {
                break;
            }
            muted = change.mute();
        }
        return muted;
    }

    /**
     * The session's tracks, in the order they were published; a track without a remove event ends at
     * {@code endOf(peerId)} (when its peer left, or the session ended).
     */
    static List<TrackLife> of(List<EventRow> trackEvents, Function<String, Instant> endOf) {
        Map<String, Builder> tracks = new LinkedHashMap<>();
        for (EventRow e : trackEvents) {
            JsonNode d = read(e.data());
            String id = d.path("track_id").asText();
            Builder b = tracks.computeIfAbsent(id, k -> new Builder(id, d, e.at()));
            b.mutes.add(new MuteChange(e.at(), d.path("mute").asBoolean()));
            if (e.type().equals(EventTypes.TRACK_REMOVE)) {
                b.end = e.at();
            }
        }
        List<TrackLife> lives = new ArrayList<>();
        for (Builder b : tracks.values()) {
            Instant end = b.end != null ? b.end : endOf.apply(b.peerId);
            lives.add(new TrackLife(b.id, b.peerId, b.role, b.type, b.source, b.start,
                    end == null || end.isBefore(b.start) ? b.start : end, List.copyOf(b.mutes)));
        }
        return lives;
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored analytics event is not JSON", e);
        }
    }

    private static final class Builder {
        final String id;
        final String peerId;
        final String role;
        final String type;
        final String source;
        final Instant start;
        final List<MuteChange> mutes = new ArrayList<>();
        Instant end;

        Builder(String id, JsonNode first, Instant at) {
            this.id = id;
            this.peerId = first.path("peer_id").asText();
            this.role = first.path("role").asText();
            this.type = first.path("type").asText();
            this.source = first.path("source").asText("regular");
            this.start = at;
        }
    }
}
