package dev.hundred.server.snapshot;

import dev.hundred.server.activerooms.LiveStore;
import dev.hundred.server.activerooms.PeerNotice;
import dev.hundred.server.analytics.AnalyticsStore;
import dev.hundred.server.assets.AssetStore;
import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.emulator.FaultService;
import dev.hundred.server.emulator.InboxStore;
import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.gateway.PeerSockets;
import dev.hundred.server.guard.IdempotencyStore;
import dev.hundred.server.jobs.JobStore;
import dev.hundred.server.livestreams.LiveStreamStore;
import dev.hundred.server.polls.PollStore;
import dev.hundred.server.polls.ResponseStore;
import dev.hundred.server.polls.RunStore;
import dev.hundred.server.recordings.SpeechStore;
import dev.hundred.server.roomcodes.RoomCodeStore;
import dev.hundred.server.rooms.RoomStore;
import dev.hundred.server.sessions.SessionStore;
import dev.hundred.server.sip.CallStore;
import dev.hundred.server.sip.TrunkStore;
import dev.hundred.server.store.Database;
import dev.hundred.server.streamkeys.IngestStore;
import dev.hundred.server.streamkeys.StreamKeyStore;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.timers.TimerStore;
import dev.hundred.server.webhooks.OutboxStore;
import dev.hundred.server.webhooks.ReplayStore;
import dev.hundred.server.webhooks.WebhookHistoryStore;
import dev.hundred.server.workspaces.Workspace;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@code POST /emulator/v1/reset}: the workspace as it was made. Everything in it goes, in one transaction
 * and through each feature's store (what refers to a row before the row); what stays is the workspace with
 * its credentials, its first template reset to the defaults it was made with, and its webhook. After the
 * commit this node closes the sockets of the workspace's peers and forgets its journal and fault rules.
 */
public final class ResetService {
    /** What a peer whose socket the reset closes is told, and the close reason (code 4000, as for any leave). */
    static final String REASON = "workspace reset";

    private final Database db;
    private final TemplateService templates;
    private final EmulatorSettings settings;
    private final FaultService faults;
    private final RequestJournal journal;
    private final PeerSockets sockets;
    private final LiveStore live = new LiveStore();

    public ResetService(Database db, TemplateService templates, EmulatorSettings settings, FaultService faults,
                        RequestJournal journal, PeerSockets sockets) {
        this.db = db;
        this.templates = templates;
        this.settings = settings;
        this.faults = faults;
        this.journal = journal;
        this.sockets = sockets;
    }

    /**
     * Runs the purge again (up to {@link #RUNS} runs) when a row came in while it ran: a room created
     * meanwhile still names a template the purge removes, and the next run removes that room too.
     */
    public void reset(Workspace ws) {
        db.txRetrying(RUNS, dev.hundred.server.store.SqlDialect::isForeignKeyViolation, h -> {
            List<String> connected = live.gatewayPeerIds(h, ws.id());
            purge(h, ws);
            h.afterCommit(() -> {
                sockets.closeGone(connected, PeerNotice.CLOSE_LEFT, REASON);
                journal.clear(ws.id());
            });
            return null;
        });
    }

    private static final int RUNS = 5;

    /** In {@code h}: every row of the workspace but the workspace, its first template and its webhook. */
    void purge(Handle h, Workspace ws) {
        String id = ws.id();
        live.deleteWorkspace(h, id);                  // peers, tracks, messages
        new ResponseStore().deleteWorkspace(h, id);   // poll answers and scores
        new RunStore().deleteWorkspace(h, id);
        new PollStore().deleteWorkspace(h, id);
        new SpeechStore().deleteWorkspace(h, id);
        new LiveStreamStore().deleteWorkspace(h, id);
        new AssetStore().deleteWorkspace(h, id);
        new JobStore().deleteWorkspace(h, id);        // recordings, live and external streams
        new IngestStore().deleteWorkspace(h, id);
        new StreamKeyStore().deleteWorkspace(h, id);
        new CallStore().deleteWorkspace(h, id);
        new TrunkStore().deleteWorkspace(h, id);
        new SessionStore().deleteWorkspace(h, id);
        new RoomCodeStore().deleteWorkspace(h, id);
        new RoomStore().deleteWorkspace(h, id);
        templates.resetToNew(h, ws);
        new AnalyticsStore().deleteWorkspace(h, id);
        new InboxStore().deleteWorkspace(h, id);
        faults.deleteAll(h, ws);
        new IdempotencyStore().deleteWorkspace(h, id);
        new TimerStore().deleteWorkspace(h, id);
        OutboxStore.deleteWorkspace(h, id); // needs no sequence: it only deletes
        new WebhookHistoryStore().deleteWorkspace(h, id);
        new ReplayStore().deleteWorkspace(h, id);
        settings.reset(h, ws);
    }
}
