package dev.hundred.server.analytics;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Routes;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.TemplateService;
import java.time.Clock;
import java.util.List;

/**
 * The analytics feature assembled (spec §13.1, §13.4; docs/analytics.md): events kept as they happen
 * (subscribed to the domain events here), the events and peer-stats endpoints, and the emulator's controls.
 */
public final class Analytics {
    private final Routes routes;

    public Analytics(Database db, DomainEvents events, RoomService rooms, SessionService sessions,
                     TemplateService templates, LiveAccess live, Clock clock) {
        AnalyticsStore store = new AnalyticsStore();
        new EventRecorder(store, events);
        PeerStatsService stats = new PeerStatsService(db, store, sessions, rooms, templates, clock);
        List<Routes> both = List.of(new AnalyticsRoutes(new EventService(db, store, rooms, clock), stats),
                new AnalyticsEmulatorRoutes(new ClientEvents(live, store), stats));
        this.routes = app -> both.forEach(r -> r.register(app));
    }

    /** GET /v2/analytics/events and /peer-stats, and the emulator's analytics controls. */
    public Routes routes() {
        return routes;
    }
}
