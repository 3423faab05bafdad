package dev.hundred.server.recordings;

import dev.hundred.server.activerooms.ChatMessage;
import dev.hundred.server.media.ChatCsv;
import dev.hundred.server.media.Mp4;
import dev.hundred.server.media.TestCard;
import dev.hundred.server.media.Transcripts;
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

    /** At least a millisecond: a recording stopped the instant it started still makes a playable file. */
    static byte[] composite(String roomName, int width, int height, Instant at, Duration recorded, boolean audioOnly) {
        long millis = Math.max(1, recorded.toMillis());
        return audioOnly ? Mp4.audioOnly(millis) : Mp4.video(TestCard.of(roomName, width, height, at), millis, true);
    }

    /** The session's chat record; a message sent through the REST API has no sender. */
    static byte[] chat(List<ChatMessage> messages, Map<String, SessionPeer> peers) {
        return ChatCsv.bytes(messages.stream().map(m -> {
            SessionPeer sender = m.senderPeerId() == null ? null : peers.get(m.senderPeerId());
            return new ChatCsv.Message(m.sentAt(), nonNull(m.senderPeerId()), sender == null ? "" : sender.name(),
                    sender == null ? "" : sender.userId(), sender == null ? "" : sender.role(), m.recipientPeerId(),
                    m.recipientRole() == null || m.recipientRole().isEmpty() ? List.of() : List.of(m.recipientRole()),
                    m.type() == null || m.type().isEmpty() ? "chat" : m.type(), m.message());
        }).toList());
    }

    /** {@code mode}: txt, srt or json. */
    static byte[] transcript(String mode, List<Turn> turns) {
        List<Transcripts.Turn> media = turns(turns);
        String text = switch (mode) {
            case "txt" -> Transcripts.txt(media);
            case "srt" -> Transcripts.srt(media);
            default -> Transcripts.json(media);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] summary(List<Turn> turns, List<Section> sections) {
        return Transcripts.summaryJson(turns(turns), sections.stream()
                .map(s -> new Transcripts.Section(s.title(), s.format())).toList()).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Transcripts.Turn> turns(List<Turn> turns) {
        return turns.stream().map(t -> new Transcripts.Turn(nonNull(t.peerId()), nonNull(t.name()), t.startMillis(),
                t.endMillis(), t.text())).toList();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
