package dev.hundred.server.recordings;

import dev.hundred.server.activerooms.ChatMessage;
import dev.hundred.server.recordings.RecordingSpec.Section;
import dev.hundred.server.sessions.SessionPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The files of a recording's assets, written by the media package: the room-composite MP4 (a test card of
 * the room for the recorded duration, or silent audio for audio only), the chat CSV, the transcripts and
 * the summary. The one place this feature meets the file formats.
 */
final class RecordingFiles {
    private RecordingFiles() {}

    /** What a transcript is made of: one speaker's turn, times from the start of the recording. */
    record Turn(String peerId, String name, long startMillis, long endMillis, String text) {}

    static byte[] composite(String roomName, int width, int height, Instant at, Duration recorded, boolean audioOnly) {
        long millis = Math.max(1, recorded.toMillis());
        return ("TODO media: " + roomName + width + height + at + millis + audioOnly).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] chat(List<ChatMessage> messages, Map<String, SessionPeer> peers) {
        return ("SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code mode}: txt, srt or json. */
    static byte[] transcript(String mode, List<Turn> turns) {
        return ("TODO " + mode + turns).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] summary(List<Turn> turns, List<Section> sections) {
        return ("{\"summary\":{\"sections\":[]}}").getBytes(StandardCharsets.UTF_8);
    }
}
