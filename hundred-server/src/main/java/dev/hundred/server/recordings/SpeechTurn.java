package dev.hundred.server.recordings;

import java.time.Duration;
import java.time.Instant;

/** A peer's speaking turn (the emulator's stand-in for audio): who, what, from when, for how long. */
record SpeechTurn(String id, String roomId, String sessionId, String peerId, String peerName, String text,
                  Instant startedAt, Duration duration) {

    Instant endedAt() {
        return startedAt.plus(duration);
    }
}
