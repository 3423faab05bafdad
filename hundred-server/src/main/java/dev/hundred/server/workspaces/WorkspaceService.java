package dev.hundred.server.workspaces;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.store.Invalidations;
import dev.hundred.server.store.Sequences;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.templates.TemplateService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workspaces (100ms apps). Every token check looks one up by access key, so they are cached in memory;
 * a secret change goes through here and refreshes the cache, and every other node's ({@link Invalidations}).
 */
public final class WorkspaceService {
    private final Database db;
    private final WorkspaceStore store;
    private final TemplateService templates;
    private final Clock clock;
    private final Map<String, Workspace> byAccessKey = new ConcurrentHashMap<>();
    private final Map<String, Workspace> byId = new ConcurrentHashMap<>();

    /** A secret changed here reaches the caches of every node ({@link Invalidations}, docs/cluster.md). */
    public WorkspaceService(Database db, WorkspaceStore store, TemplateService templates, Clock clock) {
        db.invalidations().register(Invalidations.WORKSPACES, this::forgetAll);
        this.db = db;
        this.store = store;
        this.templates = templates;
        this.clock = clock;
    }

    /** Creates a workspace with its default template. Null credentials are generated (secret: 32 bytes). */
    public Workspace create(String name, String accessKey, String secret) {
        Workspace ws = newWorkspace(name, accessKey, secret);
        db.tx(h -> {
            store.insert(h, ws);
            templates.createDefault(h, ws);
            return null;
        });
        return remember(ws);
    }

    private Workspace newWorkspace(String name, String accessKey, String secret) {
        return new Workspace(Ids.objectId(), Ids.objectId(),
                accessKey != null ? accessKey : Ids.objectId(),
                secret != null ? secret : Ids.secret(32),
                name != null ? name : "default", clock.instant());
    }

    /**
     * The workspace {@code serve} prints: the one with the given access key (its secret set to the given
     * one, so cloud credentials can be reused), else the oldest, else a new one.
     */
    public Workspace ensureDefault(String accessKey, String secret) {
        if (accessKey != null) {
            Optional<Workspace> existing = byAccessKey(accessKey);
            if (existing.isPresent()) {
                Workspace ws = existing.get();
                if (secret != null && !secret.equals(ws.secret())) {
                    db.tx(h -> {
                        store.updateSecret(h, ws.id(), secret);
                        db.invalidations().changed(h, Invalidations.WORKSPACES);
                        return null;
                    });
                    return remember(new Workspace(ws.id(), ws.customerId(), ws.accessKey(), secret, ws.name(), ws.createdAt()));
                }
                return ws;
            }
            try {
                return create("default", accessKey, secret);
            } catch (RuntimeException e) {
                if (!SqlDialect.isUniqueViolation(e)) {
                    throw e;
                }
                // Another node starting at the same moment made it first: take that one (and set the secret).
                return ensureDefault(accessKey, secret);
            }
        }
        // Nodes starting at the same moment on a fresh database would each find none and make one, and print
        // different credentials: the first to take this counter's row (locked to its commit) makes it, the
        // others wait for that commit and then find it.
        return remember(db.tx(h -> {
            new Sequences(db.dialect()).next(h, DEFAULT_WORKSPACE_LOCK);
            List<Workspace> all = store.all(h);
            if (!all.isEmpty()) {
                return all.get(0);
            }
            Workspace ws = newWorkspace("default", null, secret);
            store.insert(h, ws);
            templates.createDefault(h, ws);
            return ws;
        }));
    }

    private static final String DEFAULT_WORKSPACE_LOCK = "default-workspace";

    public List<Workspace> list() {
        return db.read(store::all);
    }

    public Optional<Workspace> byAccessKey(String accessKey) {
        Workspace cached = byAccessKey.get(accessKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        return db.read(h -> store.byAccessKey(h, accessKey)).map(this::remember);
    }

    /** The workspace with this id, or null. */
    public Workspace byId(String id) {
        Workspace cached = byId.get(id);
        return cached != null ? cached : db.read(h -> store.byId(h, id)).map(this::remember).orElse(null);
    }

    /** Drops every cached workspace (another node changed one): the next look-up reads the database. */
    public void forgetAll() {
        byAccessKey.clear();
        byId.clear();
    }

    private Workspace remember(Workspace ws) {
        byAccessKey.put(ws.accessKey(), ws);
        byId.put(ws.id(), ws);
        return ws;
    }
}
