package dev.hundred.server.activerooms;

import java.util.List;

/** Request bodies of the live plane; every field is optional (null means "not sent"). */
public final class Bodies {
    private Bodies() {}

    /** A peer joining (emulator body; the gateway fills role and user_id from the app token). */
    public record Join(String role, String name, String userId, String metadata, List<TrackBody> tracks) {}

    /** A track to publish; {@code type} audio or video, {@code source} regular by default. */
    public record TrackBody(String type, String source, String description, Boolean mute) {}

    /** Update peer (spec §7.4). */
    public record PeerUpdate(String name, String role, String metadata) {}

    /** Send message (spec §7.5): {@code peer_id} wins over {@code role}; neither is a broadcast. */
    public record Message(String message, String peerId, String role, String type) {}

    /** Remove peers (spec §7.6). */
    public record Remove(String peerId, String role, String reason) {}

    /** End room (spec §7.7). */
    public record EndRoom(String reason, Boolean lock) {}
}
