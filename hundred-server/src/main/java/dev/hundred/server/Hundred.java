package dev.hundred.server;

import dev.hundred.server.activerooms.ActiveRoomRoutes;
import dev.hundred.server.activerooms.ActiveRoomService;
import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.LivePlane;
import dev.hundred.server.activerooms.LiveStore;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.activerooms.SessionLimits;
import dev.hundred.server.analytics.Analytics;
import dev.hundred.server.assets.AssetRoutes;
import dev.hundred.server.assets.AssetService;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.auth.Tokens;
import dev.hundred.server.clock.ClockRoutes;
import dev.hundred.server.activerooms.PeerNotice;
import dev.hundred.server.cluster.NoticeListener;
import dev.hundred.server.cluster.Nodes;
import dev.hundred.server.cluster.Notices;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.clock.ClockService;
import dev.hundred.server.clock.HundredClock;
import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.emulator.EventInbox;
import dev.hundred.server.emulator.FaultRoutes;
import dev.hundred.server.emulator.FaultService;
import dev.hundred.server.emulator.InboxRoutes;
import dev.hundred.server.emulator.JournalRoutes;
import dev.hundred.server.emulator.RequestHooks;
import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.emulator.SettingsRoutes;
import dev.hundred.server.dashboard.DashboardRoutes;
import dev.hundred.server.dashboard.DashboardSessions;
import dev.hundred.server.dashboard.LiveFeed;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.externalstreams.ExternalStreamFeature;
import dev.hundred.server.gateway.EmulatorPeerRoutes;
import dev.hundred.server.gateway.PeerGateway;
import dev.hundred.server.gateway.PeerSockets;
import dev.hundred.server.guard.Guards;
import dev.hundred.server.http.Api;
import dev.hundred.server.http.Routes;
import dev.hundred.server.roomcodes.RoomCodeRoutes;
import dev.hundred.server.roomcodes.RoomCodeService;
import dev.hundred.server.roomcodes.RoomCodeStore;
import dev.hundred.server.rooms.RoomRoutes;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.rooms.RoomStore;
import dev.hundred.server.sessions.SessionRoutes;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.sessions.SessionStore;
import dev.hundred.server.sip.SipCallService;
import dev.hundred.server.sip.SipRoutes;
import dev.hundred.server.sip.SipTrunkService;
import dev.hundred.server.snapshot.Features;
import dev.hundred.server.snapshot.Snapshots;
import dev.hundred.server.store.Database;
import dev.hundred.server.streamkeys.IngestService;
import dev.hundred.server.streamkeys.StreamKeyRoutes;
import dev.hundred.server.streamkeys.StreamKeyService;
import dev.hundred.server.templates.RolesChanged;
import dev.hundred.server.templates.TemplateRoutes;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.templates.TemplateStore;
import dev.hundred.server.jobs.JobRoutes;
import dev.hundred.server.jobs.JobChat;
import dev.hundred.server.recordings.Recordings;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.livestreams.LiveStreamFeature;
import dev.hundred.server.polls.PollEmulatorRoutes;
import dev.hundred.server.polls.PollHistoryService;
import dev.hundred.server.polls.PollRoutes;
import dev.hundred.server.polls.PollRunService;
import dev.hundred.server.polls.PollService;
import dev.hundred.server.metrics.HttpMetrics;
import dev.hundred.server.metrics.Metrics;
import dev.hundred.server.metrics.MetricsRoutes;
import dev.hundred.server.metrics.StateGauges;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.webhooks.Webhooks;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import dev.hundred.server.workspaces.WorkspaceStore;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The one wiring class: builds every object from {@link Config}, in dependency order, with constructors.
 * A test builds one on port 0 with {@code --db mem} (or a PostgreSQL URL) and talks HTTP to it.
 */
public final class Hundred implements AutoCloseable {
    private final Config config;
    private final Database db;
    private final HundredClock clock;
    private final ClockService clockService;
    private final Timers timers;
    private final Nodes nodes;
    /** On PostgreSQL: what other nodes tell this one (notices for its peers, cache invalidations). */
    private final NoticeListener listener;
    private final WorkspaceService workspaces;
    private final Tokens tokens;
    private final DomainEvents events;
    private final PeerService peers;
    private final Webhooks webhooks;
    private final JobService jobs;
    private final AssetService assets;
    private final EmulatorSettings emulatorSettings;
    private final LiveAccess liveAccess;
    private final EventInbox inbox;
    private final Guards guards;
    private final Snapshots snapshots;
    private final Javalin app;
    private final Metrics metrics;
    private final LiveFeed dashboardFeed;

    public Hundred(Config config, Clock wallClock) {
        this.config = config;
        this.clock = new HundredClock(wallClock);
        this.db = Database.open(config.db()); // first: its pool, schema and JDBI are the longest part of a start
        this.metrics = new Metrics();
        db.measureInto(metrics.registry());
        this.clockService = new ClockService(db, clock);
        this.timers = new Timers(db, clock, config.timerLease());
        this.nodes = new Nodes(db, wallClock, config.nodeLease());
        clockService.fireWith(timers);
        timers.measureInto(metrics.registry());

        this.events = new DomainEvents();
        TemplateService templates = new TemplateService(db, new TemplateStore(), events, clock);
        boolean postgres = db.dialect() == SqlDialect.POSTGRES;
        this.workspaces = new WorkspaceService(db, new WorkspaceStore(), templates, clock);
        this.tokens = new Tokens(workspaces, clock);
        RoomService rooms = new RoomService(db, new RoomStore(), templates, config.webhooks().targets(), clock);
        RoomCodeService roomCodes = new RoomCodeService(db, new RoomCodeStore(), rooms, templates, workspaces, tokens, clock);
        events.subscribe(RolesChanged.class, roomCodes::onRolesChanged);
        SessionService sessions = new SessionService(db, new SessionStore());
        LivePlane live = new LivePlane(db, rooms, templates, sessions, new LiveStore(), events, timers, clock,
                nodes.id());
        timers.register(SessionLimits.TIMER, new SessionLimits(live, timers, workspaces)::fire);
        this.peers = new PeerService(live, workspaces);
        PeerSockets sockets = new PeerSockets();
        Notices notices = new Notices(postgres, sockets::deliver);
        events.subscribe(PeerNotice.class, notices::publish);
        events.subscribe(PeerNotice.Batch.class, notices::publishAll);
        this.listener = postgres ? new NoticeListener(config.db(), nodes.id(), notices, db.invalidations()) : null;
        notices.listenWith(listener);
        this.webhooks = new Webhooks(db, events, config.webhooks(), clock, wallClock);
        webhooks.measureInto(metrics.registry());
        clockService.onMove(webhooks::wake);
        this.inbox = new EventInbox(db, clock);
        if (config.emulator()) { // in production nobody reads the inbox: do not write it
            events.subscribe(dev.hundred.server.events.RoomEvent.class, inbox::record);
        }
        this.emulatorSettings = new EmulatorSettings(db, clock);
        this.liveAccess = new LiveAccess(live);
        this.jobs = new JobService(db, liveAccess, timers, emulatorSettings, events, workspaces);
        this.assets = new AssetService(db, rooms, templates, workspaces, clock, this::publicUrl);
        PollService polls = new PollService(db, clock);
        PollRunService pollRuns = new PollRunService(polls, liveAccess, rooms, templates, timers, events, workspaces);
        Analytics analytics = new Analytics(db, events, rooms, sessions, templates, liveAccess, clock);
        StreamKeyService streamKeys = new StreamKeyService(db, rooms, clock, this::publicUrl);
        IngestService ingests = new IngestService(streamKeys, liveAccess, peers, templates, jobs, events);
        SipTrunkService sipTrunks = new SipTrunkService(db, clock);
        SipCallService sipCalls = new SipCallService(db, sipTrunks, roomCodes, rooms, templates, peers,
                emulatorSettings, events, clock, this::publicUrl);
        JobChat chat = new JobChat(peers, sessions, assets);
        LiveStreamFeature liveStreams = new LiveStreamFeature(db, jobs, rooms, templates, assets, chat, liveAccess,
                events, workspaces, clock, this::publicUrl);
        ExternalStreamFeature externalStreams = new ExternalStreamFeature(db, jobs, rooms, templates, assets, chat, events);
        Recordings recordings = new Recordings(db, jobs, rooms, templates, assets, sessions, peers, liveAccess, timers,
                emulatorSettings, events, workspaces, clock);

        this.guards = new Guards(db, clock, config.rateLimit());
        clockService.onMove(guards::purgeExpired);

        FaultService faults = new FaultService(db, clock);
        RequestJournal journal = new RequestJournal(config.journalSize());
        this.snapshots = new Snapshots(db, new Features(templates, rooms, roomCodes, polls, streamKeys, emulatorSettings,
                webhooks.settings()), faults, journal, sockets);

        List<Routes> features = new ArrayList<>(List.of(
                guards.routes(), // first: rate limits and idempotency keys, right after the token check
                new RoomRoutes(rooms),
                new TemplateRoutes(templates),
                new RoomCodeRoutes(roomCodes),
                new SessionRoutes(sessions),
                new ActiveRoomRoutes(new ActiveRoomService(live, rooms)),
                new PeerGateway(tokens, peers, sockets, pollRuns),
                new EmulatorPeerRoutes(peers),
                webhooks.routes(),
                new ClockRoutes(clockService),
                new SettingsRoutes(emulatorSettings),
                new JobRoutes(jobs),
                new AssetRoutes(assets),
                new PollRoutes(polls, new PollHistoryService(db, polls)),
                new PollEmulatorRoutes(pollRuns),
                analytics.routes(),
                new StreamKeyRoutes(streamKeys, ingests),
                new SipRoutes(sipTrunks, sipCalls, tokens),
                liveStreams.routes(),
                externalStreams.routes(),
                new InboxRoutes(inbox),
                new JournalRoutes(journal),
                new FaultRoutes(faults),
                new MetricsRoutes(metrics, new StateGauges(db, metrics.registry()), config.metricsToken()),
                snapshots.routes(),
                new dev.hundred.server.openapi.OpenApiRoutes(config.emulator())));
        features.addAll(recordings.routes());
        DashboardSessions dashboardSessions = new DashboardSessions(workspaces, wallClock);
        this.dashboardFeed = new LiveFeed(events);
        features.add(new DashboardRoutes(dashboardSessions, workspaces, tokens, dashboardFeed, webhooks.history(),
                config.emulator()));
        this.app = Api.create(config.host(), config.port(), config.useVirtualThreads(), config.emulator(),
                new AuthFilter(tokens, dashboardSessions), config.emulator() ? new RequestHooks(faults, journal, clock)
                        : dev.hundred.server.http.RequestObserver.NONE, new HttpMetrics(metrics.registry()), features);
    }

    public Hundred(Config config) {
        this(config, Clock.systemUTC());
    }

    /** The Javalin app: the OpenAPI coverage test lists its routes. */
    public Javalin app() {
        return app;
    }

    public Hundred start() {
        app.start();
        try {
            db.awaitReady();
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        clockService.start();
        if (listener != null) {
            listener.start(); // before this node's peers are swept or joined: they hear of every change
        }
        nodes.start(nodeName(), peers);
        webhooks.start();
        timers.start();
        guards.start();
        inbox.start();
        return this;
    }

    /** --node-name, or host:port (stable across restarts of one node on one machine). */
    private String nodeName() {
        if (config.nodeName() != null) {
            return config.nodeName();
        }
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "localhost" : host) + ":" + port();
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    /** Where clients reach this server, for links that leave it in webhooks: --public-url, else {@link #url()}. */
    public String publicUrl() {
        return config.publicUrl() != null ? config.publicUrl() : url();
    }

    /** The server clock (the emulator moves it). */
    public HundredClock clock() {
        return clock;
    }

    /** Durable timers, for tests and benchmarks that register a kind of their own. */
    public Timers timers() {
        return timers;
    }

    /** The media job state machine, for tests that drive a kind of their own. */
    public JobService jobs() {
        return jobs;
    }

    public AssetService assets() {
        return assets;
    }

    public LiveAccess live() {
        return liveAccess;
    }

    public EmulatorSettings emulatorSettings() {
        return emulatorSettings;
    }

    public WorkspaceService workspaces() {
        return workspaces;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The domain event bus: webhooks subscribe to it, and so may a test that records what happened. */
    public DomainEvents events() {
        return events;
    }

    /** For tests that publish domain events themselves, on a transaction of it. */
    public Database database() {
        return db;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** Idempotency keys and rate limits on /v2. */
    public Guards guards() {
        return guards;
    }

    /** The emulator's event inbox, for tests that wait until a long poll is open. */
    public EventInbox inbox() {
        return inbox;
    }

    /** Reset, export and import (the emulator's, the CLI's export and serve --seed). */
    public Snapshots snapshots() {
        return snapshots;
    }

    /** The workspace that {@code serve} announces, made from --access-key/--secret when given. */
    public Workspace defaultWorkspace() {
        return workspaces.ensureDefault(config.accessKey(), config.secret());
    }

    @Override
    public void close() {
        inbox.close(); // first: open long polls answer now rather than hold up the stop
        dashboardFeed.close(); // and the dashboard's live feeds end
        Api.stop(app);
        if (listener != null) {
            listener.close();
        }
        nodes.close(); // after the sockets closed and their peers left: the others sweep any left over now
        guards.close();
        timers.close();
        clockService.close();
        webhooks.close();
        db.close();
        metrics.close();
    }
}
