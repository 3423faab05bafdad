package dev.hundred.server.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/**
 * Fault rules: kept in the database (so {@code times} holds across nodes: each injection is claimed with a
 * conditional UPDATE), read through a per-node cache of each workspace's rules that a change on this node
 * clears at once and that is re-read after {@link #CACHE_NANOS} (a rule made on another node applies here
 * within a second; a deleted or spent one never, since the claim fails). The first rule (oldest first)
 * that matches a request, draws yes and is claimed applies; one rule at most per request.
 */
public final class FaultService {
    static final int MAX_FAULTS = 100;
    static final int MAX_MESSAGE = 1024;
    static final int MAX_DELAY_MS = 30_000;
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*");
    private static final long CACHE_NANOS = 1_000_000_000L;
    private static final int MAX_CACHED_WORKSPACES = 10_000;

    /** A rule with its compiled glob, as the cache holds it. */
    private record Live(Fault rule, PathGlob glob) {}

    private record Cached(List<Live> rules, long readAt) {}

    private final Database db;
    private final FaultStore store = new FaultStore();
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** The generator of each rule given a seed, on this node. */
    private final Map<String, SplittableRandom> seeded = new ConcurrentHashMap<>();

    public FaultService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Fault create(Workspace ws, ObjectNode json) {
        FaultBody body = read(json);
        String method = body.method() == null ? "*" : body.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw EmulatorErrors.badFault("method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or *");
        }
        if (body.path() == null) {
            throw EmulatorErrors.badFault("path is required (a glob such as /v2/rooms/*; /v2/** is every call)");
        }
        try {
            PathGlob.of(body.path());
        } catch (IllegalArgumentException e) {
            throw EmulatorErrors.badFault("path " + e.getMessage());
        }
        if (!body.path().equals("/v2") && !body.path().startsWith("/v2/")) {
            throw EmulatorErrors.badFault("path must be under /v2 (faults never touch the emulator)");
        }
        if (body.status() != null && (body.status() < 400 || body.status() > 599)) {
            throw EmulatorErrors.badFault("status must be from 400 to 599");
        }
        int delay = body.delayMs() == null ? 0 : body.delayMs();
        if (delay < 0 || delay > MAX_DELAY_MS) {
            throw EmulatorErrors.badFault("delay_ms must be from 0 to " + MAX_DELAY_MS);
        }
        if (body.status() == null && delay == 0) {
            throw EmulatorErrors.badFault("a fault needs a status or a delay_ms above 0");
        }
        if (body.message() != null) {
            if (body.status() == null) {
                throw EmulatorErrors.badFault("message needs a status");
            }
            if (body.message().isEmpty() || body.message().length() > MAX_MESSAGE) {
                throw EmulatorErrors.badFault("message must be 1 to " + MAX_MESSAGE + " characters");
            }
        }
        if (body.times() != null && body.times() < 1) {
            throw EmulatorErrors.badFault("times must be at least 1 (leave it out for no limit)");
        }
        double probability = body.probability() == null ? 1.0 : body.probability();
        if (!(probability >= 0 && probability <= 1)) {
            throw EmulatorErrors.badFault("probability must be from 0 to 1");
        }
        Fault fault = new Fault(Ids.objectId(), method, body.path(), body.status(), body.message(), delay, body.times(),
                body.times(), probability, body.seed(), 0, clock.instant().truncatedTo(ChronoUnit.MICROS));
        db.tx(h -> {
            // The workspace's row is not ours to lock; the cap is a guard against runaway tests, not exact.
            if (store.count(h, ws.id()) >= MAX_FAULTS) {
                throw EmulatorErrors.tooManyFaults(MAX_FAULTS);
            }
            store.insert(h, ws.id(), fault);
            return null;
        });
        cache.remove(ws.id());
        return fault;
    }

    /** Every field known, each of its type (the emulator's own API is strict: a misspelt field is a 400). */
    private static FaultBody read(ObjectNode json) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FaultBody.FIELDS.contains(name)) {
                throw EmulatorErrors.badFault(name + " is not a fault field (fields: " + String.join(", ", FaultBody.FIELDS) + ")");
            }
        }
        try {
            return Json.MAPPER.treeToValue(json, FaultBody.class);
        } catch (JsonProcessingException e) {
            throw EmulatorErrors.badFault(Json.describe(e));
        }
    }

    public List<Fault> list(Workspace ws) {
        return db.read(h -> store.list(h, ws.id()));
    }

    /** Removes one rule; answers it as it was. */
    public Fault delete(Workspace ws, String id) {
        if (!Ids.isObjectId(id)) {
            throw EmulatorErrors.faultNotFound(id.length() > 64 ? id.substring(0, 64) + "..." : id);
        }
        Fault gone = db.tx(h -> {
            Fault fault = store.find(h, ws.id(), id).orElseThrow(() -> EmulatorErrors.faultNotFound(id));
            store.delete(h, ws.id(), id);
            return fault;
        });
        cache.remove(ws.id());
        seeded.remove(id);
        return gone;
    }

    public int deleteAll(Workspace ws) {
        List<Fault> rules = list(ws);
        int deleted = db.tx(h -> store.deleteAll(h, ws.id()));
        cache.remove(ws.id());
        rules.forEach(rule -> seeded.remove(rule.id()));
        return deleted;
    }

    /** What the first applicable rule does to this request, claimed; null when none applies. */
    Injection decide(Workspace ws, String method, String path) {
        for (Live live : rules(ws)) {
            Fault rule = live.rule();
            if (!(rule.method().equals("*") || rule.method().equalsIgnoreCase(method)) || !live.glob().matches(path)) {
                continue;
            }
            if (!draw(rule)) {
                continue;
            }
            if (db.read(h -> store.claim(h, ws.id(), rule.id()))) {
                return rule.injection();
            }
            forget(ws, rule); // spent, or deleted on another node
        }
        return null;
    }

    private List<Live> rules(Workspace ws) {
        Cached cached = cache.get(ws.id());
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < CACHE_NANOS) {
            return cached.rules();
        }
        List<Live> rules = db.read(h -> store.list(h, ws.id())).stream().filter(rule -> !spent(rule))
                .map(rule -> new Live(rule, PathGlob.of(rule.path()))).toList();
        if (cache.size() >= MAX_CACHED_WORKSPACES) {
            cache.clear();
        }
        cache.put(ws.id(), new Cached(rules, now));
        return rules;
    }

    private void forget(Workspace ws, Fault rule) {
        cache.computeIfPresent(ws.id(), (id, cached) -> new Cached(
                cached.rules().stream().filter(live -> !live.rule().id().equals(rule.id())).toList(), cached.readAt()));
    }

    private static boolean spent(Fault rule) {
        return rule.remaining() != null && rule.remaining() <= 0;
    }

    private boolean draw(Fault rule) {
        if (rule.probability() >= 1) {
            return true;
        }
        if (rule.seed() == null) {
            return ThreadLocalRandom.current().nextDouble() < rule.probability();
        }
        SplittableRandom random = seeded.computeIfAbsent(rule.id(), id -> new SplittableRandom(rule.seed()));
        synchronized (random) {
            return random.nextDouble() < rule.probability();
        }
    }

    /** Every rule of the workspace, in {@code h} (emulator reset); this node forgets them once it commits. */
    public void deleteAll(Handle h, Workspace ws) {
        List<Fault> rules = store.list(h, ws.id());
        store.deleteWorkspace(h, ws.id());
        h.afterCommit(() -> {
            cache.remove(ws.id());
            rules.forEach(rule -> seeded.remove(rule.id()));
        });
    }
}
