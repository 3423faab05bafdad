package dev.hundred.server.recordings;

import dev.hundred.server.activerooms.ChatMessage;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.sessions.SessionPeer;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a recording captured of its session: the chat messages sent and the speaking turns begun while it
 * ran (from {@code started_at} to {@code stopped_at}), with the session's peers for their names. Speaking
 * turns become transcript turns timed from the start of the recording, cut at its end (time spent paused is
 * not taken out: a turn keeps the offset the clock gave it).
 */
final class SessionContent {
    private final PeerService peers;
    private final SessionService sessions;
    private final SpeechStore speech;

    SessionContent(PeerService peers, SessionService sessions, SpeechStore speech) {
        this.peers = peers;
        this.sessions = sessions;
        this.speech = speech;
    }

    /** What one recording holds. */
    record Captured(List<ChatMessage> messages, Map<String, SessionPeer> peers, List<RecordingFiles.Turn> speech) {

        /** The summary's input: what was said, and what was written in the chat (as turns of no length). */
        List<RecordingFiles.Turn> spokenAndWritten(MediaJob job) {
            List<RecordingFiles.Turn> all = new ArrayList<>(speech);
            for (ChatMessage m : messages) {
                if (m.recipientPeerId() != null && !m.recipientPeerId().isEmpty()) {
                    continue; // a direct message is nobody else's business, as in the chat recording
                }
                long at = offset(job, m.sentAt());
                SessionPeer sender = m.senderPeerId() == null ? null : peers.get(m.senderPeerId());
                all.add(new RecordingFiles.Turn(m.senderPeerId() == null ? "" : m.senderPeerId(),
                        sender == null ? "" : sender.name(), at, at, m.message()));
            }
            all.sort(Comparator.comparingLong(RecordingFiles.Turn::startMillis));
            return all;
        }
    }

    Captured of(Handle h, Workspace ws, MediaJob job) {
        Instant from = job.startedAt();
        Instant to = job.stoppedAt();
        List<ChatMessage> messages = peers.messages(ws, job.sessionId()).stream()
                .filter(m -> !m.sentAt().isBefore(from) && !m.sentAt().isAfter(to)).toList();
        long length = job.recorded(to).toMillis();
        List<RecordingFiles.Turn> turns = new ArrayList<>();
        for (SpeechTurn t : speech.during(h, ws.id(), job.sessionId(), from, to)) {
            long start = Math.min(offset(job, t.startedAt()), length);
            long end = Math.min(start + t.duration().toMillis(), Math.max(start, length));
            turns.add(new RecordingFiles.Turn(t.peerId(), t.peerName(), start, end, t.text()));
        }
        return new Captured(messages, sessions.retrieve(ws, job.sessionId()).peers(), turns);
    }

    private static long offset(MediaJob job, Instant at) {
        return Math.max(0, Duration.between(job.startedAt(), at).toMillis());
    }
}
