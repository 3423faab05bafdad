package dev.hundred.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.Peer;
import dev.hundred.client.model.SessionPeer;
import dev.hundred.client.model.Track;
import dev.hundred.client.net.Requester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Emulator peers: people in rooms without a browser (their joins, tracks and leaves make the same webhooks). */
public final class Emulator {
    private final Requester api;

    Emulator(Requester api) {
        this.api = api;
    }

    /** A peer joins {@code roomId} as {@code role}, named {@code name} (its user_id is the name). */
    public Peer join(String roomId, String role, String name) {
        return join(roomId, role, name, name, List.of());
    }

    /**
     * A peer joins with tracks: each a map such as {@code Map.of("type", "audio", "source", "regular")}.
     * Refused joins are 403 {@code Peer join refused} (a {@link dev.hundred.client.exception.PermissionException}).
     */
    public Peer join(String roomId, String role, String name, String userId, List<Map<String, Object>> tracks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("name", name);
        if (userId != null) {
            body.put("user_id", userId);
        }
        body.put("tracks", tracks);
        return api.call("POST", "/rooms/" + roomId + "/peers", null, body, Peer.class);
    }

    /** The peer leaves; answers it as the session's history has it (with left_at). */
    public SessionPeer leave(String roomId, String peerId) {
        return api.call("POST", "/rooms/" + roomId + "/peers/" + peerId + "/leave", null, null, SessionPeer.class);
    }

    /** The peer publishes a track ({@code type} audio or video, {@code source} regular or screen). */
    public Track publish(String roomId, String peerId, String type, String source) {
        return api.call("POST", "/rooms/" + roomId + "/peers/" + peerId + "/tracks", null,
                Map.of("type", type, "source", source), Track.class);
    }

    public Track mute(String roomId, String peerId, String trackId, boolean mute) {
        return api.call("POST", "/rooms/" + roomId + "/peers/" + peerId + "/tracks/" + trackId, null,
                Map.of("mute", mute), Track.class);
    }

    /** The chat record of a session ({@code {"messages": [...]}}). */
    public JsonNode messages(String sessionId) {
        return api.tree("GET", "/sessions/" + sessionId + "/messages", null, null);
    }
}
