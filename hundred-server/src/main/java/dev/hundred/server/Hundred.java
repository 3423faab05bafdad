package dev.hundred.server;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.auth.Tokens;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Api;
import dev.hundred.server.roomcodes.RoomCodeRoutes;
import dev.hundred.server.roomcodes.RoomCodeService;
import dev.hundred.server.roomcodes.RoomCodeStore;
import dev.hundred.server.rooms.RoomRoutes;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.rooms.RoomStore;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.RolesChanged;
import dev.hundred.server.templates.TemplateRoutes;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.templates.TemplateStore;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import dev.hundred.server.workspaces.WorkspaceStore;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The one wiring class: builds every object from {@link Config}, in dependency order, with constructors.
 * A test builds one on port 0 with {@code --db mem} (or a PostgreSQL URL) and talks HTTP to it.
 */
public final class Hundred implements AutoCloseable {
    private final Config config;
    private final Database db;
    private final WorkspaceService workspaces;
    private final Tokens tokens;
    private final Javalin app;

    public Hundred(Config config, Clock baseClock) {
        this.config = config;
        // Microsecond ticks: what both databases keep, so what we answer equals what we read back later.
        Clock clock = Clock.tick(baseClock, Duration.ofNanos(1000));
        this.db = Database.open(config.db());

        DomainEvents events = new DomainEvents();
        TemplateService templates = new TemplateService(db, new TemplateStore(), events, clock);
        this.workspaces = new WorkspaceService(db, new WorkspaceStore(), templates, clock);
        this.tokens = new Tokens(workspaces, clock);
        RoomService rooms = new RoomService(db, new RoomStore(), templates, clock);
        RoomCodeService roomCodes = new RoomCodeService(db, new RoomCodeStore(), rooms, templates, workspaces, tokens, clock);
        events.subscribe(RolesChanged.class, roomCodes::onRolesChanged);

        this.app = Api.create(config.host(), config.port(), config.useVirtualThreads(), new AuthFilter(tokens), List.of(
                new RoomRoutes(rooms),
                new TemplateRoutes(templates),
                new RoomCodeRoutes(roomCodes)));
    }

    public Hundred(Config config) {
        this(config, Clock.systemUTC());
    }

    public Hundred start() {
        app.start();
        try {
            db.awaitReady();
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public WorkspaceService workspaces() {
        return workspaces;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The workspace that {@code serve} announces, made from --access-key/--secret when given. */
    public Workspace defaultWorkspace() {
        return workspaces.ensureDefault(config.accessKey(), config.secret());
    }

    @Override
    public void close() {
        app.stop();
        db.close();
    }
}
