package dev.hundred.server.recordings;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Routes;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Clock;
import java.util.List;

/**
 * The recordings feature assembled (spec §8, §15, docs/recordings.md): the REST API, the webhooks and
 * assets its jobs' transitions make, transcription on a durable timer, and the emulator's controls.
 */
public final class Recordings {
    private final RecordingService service;
    private final List<Routes> routes;

    public Recordings(Database db, JobService jobs, RoomService rooms, TemplateService templates, AssetService assets,
                      SessionService sessions, PeerService peers, LiveAccess live, Timers timers,
                      EmulatorSettings settings, DomainEvents events, WorkspaceService workspaces, Clock clock) {
        SpeechStore speech = new SpeechStore();
        SessionContent content = new SessionContent(peers, sessions, speech);
        Transcriptions transcriptions = new Transcriptions(db, timers, settings, assets, workspaces, events, content, jobs,
                rooms, clock);
        new RecordingEvents(events, assets, content, transcriptions);
        this.service = new RecordingService(db, jobs, rooms, templates, assets);
        this.routes = List.of(new RecordingRoutes(service),
                new RecordingEmulatorRoutes(new SpeechService(live, speech), transcriptions, service));
    }

    public List<Routes> routes() {
        return routes;
    }
}
