package dev.hundred.server.workspaces;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.store.Invalidations;
import dev.hundred.server.store.Sequences;
import dev.hundred.server.store.StampedCache;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.templates.TemplateService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Workspaces (100ms apps). Every token check looks one up by access key, so they are cached in memory;
 * a secret change goes through here and refreshes the cache, and every other node's ({@link Invalidations}).
 */
public final class WorkspaceService {
    private final Database db;
    private final WorkspaceStore store;
    private final TemplateService templates;
    private final Clock clock;
    /**
     * Workspaces by {@code "key:" + access key} and {@code "id:" + id}: stamped, so a read that a change (on any
     * node) overtook cannot put the old workspace, its old secret, back after the drop.
     */
    private final StampedCache<String, Workspace> cache = new StampedCache<>(20_000);

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
        long stamp = cache.stamp();
        db.tx(h -> {
            store.insert(h, ws);
            templates.createDefault(h, ws);
            return null;
        });
        return remember(ws, stamp);
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
                    // as committed now: this change's own drop ran at its commit, so the current stamp holds it
                    return remember(new Workspace(ws.id(), ws.customerId(), ws.accessKey(), secret, ws.name(),
                            ws.createdAt()), cache.stamp());
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
        long stamp = cache.stamp();
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
        }), stamp);
    }

    private static final String DEFAULT_WORKSPACE_LOCK = "default-workspace";

    public List<Workspace> list() {
        return db.read(store::all);
    }

    public Optional<Workspace> byAccessKey(String accessKey) {
        Workspace cached = cache.get("key:" + accessKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        long stamp = cache.stamp();
        return db.read(h -> store.byAccessKey(h, accessKey)).map(ws -> remember(ws, stamp));
    }

    /** The workspace with this id, or null. */
    public Workspace byId(String id) {
        Workspace cached = cache.get("id:" + id);
        if (cached != null) {
            return cached;
        }
        long stamp = cache.stamp();
        return db.read(h -> store.byId(h, id)).map(ws -> remember(ws, stamp)).orElse(null);
    }

    /** Drops every cached workspace (another node changed one): the next look-up reads the database. */
    public void forgetAll() {
        cache.forgetAll();
    }

    /** Keeps {@code ws}, read after {@link StampedCache#stamp} answered {@code stamp}. */
    private Workspace remember(Workspace ws, long stamp) {
        cache.put("key:" + ws.accessKey(), ws, stamp);
        cache.put("id:" + ws.id(), ws, stamp);
        return ws;
    }
}
