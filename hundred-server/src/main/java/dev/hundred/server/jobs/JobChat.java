package dev.hundred.server.jobs;

import dev.hundred.server.activerooms.ChatMessage;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.assets.Asset;
import dev.hundred.server.assets.AssetDraft;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.media.ChatCsv;
import dev.hundred.server.sessions.SessionPeer;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The {@code chat} asset of a recorded job, as recordings make it: the CSV (media's {@link ChatCsv}) of the
 * messages sent in the job's session while it ran ({@code started_at} to {@code stopped_at}), the senders
 * named from the session's peers; a file with only the header when nobody wrote.
 */
public final class JobChat {
    public static final String TYPE = "chat";

    private final PeerService peers;
    private final SessionService sessions;
    private final AssetService assets;

    public JobChat(PeerService peers, SessionService sessions, AssetService assets) {
        this.peers = peers;
        this.sessions = sessions;
        this.assets = assets;
    }

    /** Stores the chat asset of a completed {@code job} on {@code h}. */
    public Asset record(Handle h, Workspace ws, MediaJob job) {
        Instant from = job.startedAt();
        Instant to = job.stoppedAt();
        Map<String, SessionPeer> who = sessions.retrieve(ws, job.sessionId()).peers();
        List<ChatCsv.Message> messages = peers.messages(ws, job.sessionId()).stream()
                .filter(m -> !m.sentAt().isBefore(from) && !m.sentAt().isAfter(to))
                .map(m -> row(m, who.get(m.senderPeerId())))
                .toList();
        return assets.create(h, ws, job.id(), job.roomId(), job.sessionId(), AssetDraft.completed(TYPE,
                "chat-" + job.id() + ".csv", "text/csv; charset=utf-8", ChatCsv.bytes(messages), 0, Map.of()));
    }

    private static ChatCsv.Message row(ChatMessage m, SessionPeer sender) {
        return new ChatCsv.Message(m.sentAt(), m.senderPeerId() == null ? "" : m.senderPeerId(),
                sender == null ? "" : sender.name(), sender == null ? "" : sender.userId(),
                sender == null ? "" : sender.role(), m.recipientPeerId(),
                m.recipientRole() == null || m.recipientRole().isEmpty() ? List.of() : List.of(m.recipientRole()),
                m.type(), m.message());
    }
}
