package dev.hundred.server.activerooms;

import dev.hundred.server.http.ApiError;
import java.util.List;
import java.util.Set;

/** The field rules of live-plane bodies; each failure is 400 with the field in details. */
final class LiveRules {
    static final int MAX_NAME = 1024;
    static final int MAX_METADATA = 64 * 1024;
    static final int MAX_MESSAGE = 64 * 1024;
    static final int MAX_TRACKS = 16;
    /** Role names are at most 100 characters (templates' RoleRules); a longer one names no role. */
    static final int MAX_ROLE = 100;
    private static final Set<String> TRACK_TYPES = Set.of("audio", "video");

    private LiveRules() {}

    static void checkJoin(Bodies.Join body) {
        if (body.role() == null || body.role().isEmpty()) {
            throw ApiError.badBody("role is required");
        }
        checkName(body.name());
        checkMetadata(body.metadata());
        if (body.userId() != null && body.userId().length() > MAX_NAME) {
            throw ApiError.badBody("user_id must be at most " + MAX_NAME + " characters");
        }
        List<Bodies.TrackBody> tracks = body.tracks();
        if (tracks != null) {
            if (tracks.size() > MAX_TRACKS) {
                throw ApiError.badBody("tracks must have at most " + MAX_TRACKS + " tracks");
            }
            for (int i = 0; i < tracks.size(); i++) {
                checkTrack(tracks.get(i), "tracks[" + i + "].");
            }
        }
    }

    static void checkTrack(Bodies.TrackBody track, String prefix) {
        if (track == null) {
            throw ApiError.badBody(prefix.isEmpty() ? "track is required" : prefix.substring(0, prefix.length() - 1)
                    + " must be an object");
        }
        if (track.type() == null || !TRACK_TYPES.contains(track.type())) {
            throw ApiError.badBody(prefix + "type must be audio or video");
        }
        if (track.source() != null && track.source().length() > 64) {
            throw ApiError.badBody(prefix + "source must be at most 64 characters");
        }
        if (track.description() != null && track.description().length() > MAX_NAME) {
            throw ApiError.badBody(prefix + "description must be at most " + MAX_NAME + " characters");
        }
    }

    static void checkUpdate(Bodies.PeerUpdate body) {
        checkName(body.name());
        checkMetadata(body.metadata());
    }

    static void checkMessage(Bodies.Message body) {
        if (body.message() == null || body.message().isEmpty()) {
            throw ApiError.badBody("message is required");
        }
        if (body.message().length() > MAX_MESSAGE) {
            throw ApiError.badBody("message must be at most " + MAX_MESSAGE + " characters");
        }
        if (body.type() != null && body.type().length() > 64) {
            throw ApiError.badBody("type must be at most 64 characters");
        }
        if (body.role() != null && body.role().length() > MAX_ROLE) {
            throw ApiError.badBody("role must be at most " + MAX_ROLE + " characters");
        }
    }

    static void checkRemove(Bodies.Remove body) {
        if (LivePlane.blankToNull(body.peerId()) == null && LivePlane.blankToNull(body.role()) == null) {
            throw ApiError.badBody("peer_id or role is required");
        }
    }

    private static void checkName(String name) {
        if (name != null && name.length() > MAX_NAME) {
            throw ApiError.badBody("name must be at most " + MAX_NAME + " characters");
        }
    }

    private static void checkMetadata(String metadata) {
        if (metadata != null && metadata.length() > MAX_METADATA) {
            throw ApiError.badBody("metadata must be at most " + MAX_METADATA + " characters");
        }
    }
}
