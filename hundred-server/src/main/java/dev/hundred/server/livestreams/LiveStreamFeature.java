package dev.hundred.server.livestreams;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.jobs.JobChat;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The live-streams feature assembled: its service, the job-change subscriber that makes its webhooks and
 * assets, and the playback files. {@code publicUrl} is where clients reach this server (for webhook links).
 */
public final class LiveStreamFeature {
    private final LiveStreamService service;
    private final HlsPlayback playback;

    public LiveStreamFeature(Database db, JobService jobs, RoomService rooms, TemplateService templates,
                             AssetService assets, JobChat chat, LiveAccess live, DomainEvents events,
                             WorkspaceService workspaces, Clock clock, Supplier<String> publicUrl) {
        this.service = new LiveStreamService(db, jobs, rooms, templates, assets, live);
        this.playback = new HlsPlayback(db, service.store(), jobs, workspaces, clock);
        new LiveStreamEvents(service.store(), assets, chat, events, publicUrl);
    }

    LiveStreamService service() {
        return service;
    }

    HlsPlayback playback() {
        return playback;
    }

    public LiveStreamRoutes routes() {
        return new LiveStreamRoutes(this);
    }
}
