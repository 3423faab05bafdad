package dev.hundred.server.recordings;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;

/**
 * What peers say, as far as Hundred can know it: the emulator tells it ({@code POST .../peers/{peer_id}/speech}).
 * A turn begins at the server clock's now and lasts {@code duration_seconds}; a recording's transcript and
 * summary are made of the turns of its session that began while it ran.
 */
final class SpeechService {
    static final int MAX_TEXT = 10_000;
    static final double MAX_SECONDS = 3600;
    /** A turn with no duration given lasts as long as saying it at 150 words a minute, at least a second. */
    static final double WORDS_PER_SECOND = 2.5;

    private final LiveAccess live;
    private final SpeechStore store;

    SpeechService(LiveAccess live, SpeechStore store) {
        this.live = live;
        this.store = store;
    }

    record Body(String text, Double durationSeconds) {}

    /** The turn as the emulator answers it. */
    record Said(String id, String roomId, String sessionId, String peerId, String name, String text,
                java.time.Instant startedAt, double durationSeconds) {}

    Said speak(Workspace ws, String roomId, String peerId, Body body) {
        String text = body.text();
        if (text == null || text.isBlank()) {
            throw ApiError.badBody("text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiError.badBody("text must be at most " + MAX_TEXT + " characters");
        }
        double seconds = body.durationSeconds() != null ? body.durationSeconds()
                : Math.max(1, Math.ceil(text.trim().split("\\s+").length / WORDS_PER_SECOND));
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw ApiError.badBody("duration_seconds must be more than 0 and at most " + (int) MAX_SECONDS);
        }
        Duration duration = Duration.ofNanos(Math.round(seconds * 1_000_000) * 1000);
        return live.inRoom(ws, roomId, t -> {
            LivePeer peer = t.peer(peerId).filter(p -> !p.transport().equals(LivePeer.BEAM))
                    .orElseThrow(RecordingErrors::peerNotFound);
            SpeechTurn turn = new SpeechTurn(Ids.objectId(), roomId, t.session().id(), peer.id(), peer.name(), text,
                    t.now(), duration);
            store.insert(t.handle(), ws.id(), turn);
            return new Said(turn.id(), roomId, turn.sessionId(), peer.id(), peer.name(), text, turn.startedAt(),
                    duration.toNanos() / 1e9);
        });
    }
}
